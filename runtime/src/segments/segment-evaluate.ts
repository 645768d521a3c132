import type { SegmentEvaluation } from '@memberflow/shared/api/segment-routes';
import type { SegmentCount, SegmentPreview } from '@memberflow/shared/api/segments';
import { ConditionGroup, evaluateCondition, fieldValue, metricValue } from '@memberflow/shared/condition';
import type { MemberFacts } from '@memberflow/shared/member-facts';
import { purchaseWindowDays, segmentInputs } from '@memberflow/shared/segment-condition';
import type pg from 'pg';
import { withTransaction } from '../db/transaction.ts';
import { loadMemberFactsBatch } from './member-facts-batch.ts';

const BATCH = 1000;

interface Match {
  member: MemberFacts;
  explanation: string;
}

/**
 * Walks members in id order, a batch at a time, and hands each batch's matches to `onBatch`,
 * evaluated exactly as the lane does (evaluateCondition on MemberFacts), so a segment count and
 * a workflow's segment filter never disagree. `onBatch` returning false ends the walk.
 */
async function scan(c: pg.Pool | pg.ClientBase, condition: ConditionGroup, now: number, onBatch: (matches: Match[]) => Promise<boolean | void> | boolean | void): Promise<number> {
  const days = purchaseWindowDays(condition);
  let scanned = 0;
  for (let after = ''; ; ) {
    const batch = await loadMemberFactsBatch(c, after, BATCH, days, now);
    scanned += batch.length;
    const matches: Match[] = [];
    for (const member of batch) {
      const e = evaluateCondition(condition, { member, trigger: {}, now });
      if (e.result) matches.push({ member, explanation: e.explanation });
    }
    if ((await onBatch(matches)) === false || batch.length < BATCH) return scanned;
    after = batch[batch.length - 1]!.id;
  }
}

type PreviewMember = SegmentPreview['members'][number];

/** A matching member with the value of every field and metric the condition reads. */
function previewMember(condition: ConditionGroup, { member, explanation }: Match, now: number): PreviewMember {
  const inputs = segmentInputs(condition);
  const facts = { member, trigger: {}, now };
  const values: Record<string, unknown> = {};
  for (const f of inputs.fields) values[f] = fieldValue(f, facts) ?? null;
  for (const m of inputs.metrics) values[`${m.metric} in ${m.windowDays} days`] = metricValue(m, facts);
  return { id: member.id, name: member.name ?? null, values, explanation };
}

/** The first `limit` matching members (by id) with the value of every field and metric the condition reads. */
export async function previewSegment(pool: pg.Pool, condition: ConditionGroup, limit: number, now: number): Promise<SegmentPreview> {
  const members: SegmentPreview['members'] = [];
  const scanned = await scan(pool, condition, now, (matches) => {
    for (const m of matches.slice(0, limit - members.length)) members.push(previewMember(condition, m, now));
    return members.length < limit;
  });
  return { members, scanned };
}

/**
 * A condition being edited, not saved: how many members match now and the first `limit` of
 * them with why. One walk over all members, writing nothing. `signal` stops the walk between
 * batches (the editor asks again on every edit and drops the answer to the one before), and the
 * partial answer is never read.
 */
export async function evaluateSegmentDraft(pool: pg.Pool, condition: ConditionGroup, limit: number, now: number, signal?: AbortSignal): Promise<SegmentEvaluation> {
  const members: PreviewMember[] = [];
  let count = 0;
  const scanned = await scan(pool, condition, now, (matches) => {
    count += matches.length;
    for (const m of matches.slice(0, limit - members.length)) members.push(previewMember(condition, m, now));
    return !signal?.aborted;
  });
  return { count, scanned, members, evaluatedAt: new Date(now).toISOString() };
}

/**
 * Counts a segment over all members and makes `segment_member` hold exactly the members now in
 * it: new ones enter (entered_at = now), members no longer matching leave. One transaction, with
 * the segment row locked, so two counts of one segment run one after the other. Null when no
 * segment has the key.
 */
export async function countSegment(pool: pg.Pool, key: string, now: number): Promise<SegmentCount | null> {
  return withTransaction(pool, async (c) => {
    const { rows } = await c.query<{ id: string; condition: unknown }>('SELECT id, condition FROM segment WHERE key = $1 FOR UPDATE', [key]);
    if (!rows[0]) return null;
    const segmentId = rows[0].id;
    const condition = ConditionGroup.parse(rows[0].condition);
    await c.query('CREATE TEMP TABLE segment_match (member_id text PRIMARY KEY) ON COMMIT DROP');
    let count = 0;
    await scan(c, condition, now, async (matches) => {
      count += matches.length;
      if (matches.length) await c.query('INSERT INTO segment_match SELECT unnest($1::text[])', [matches.map((m) => m.member.id)]);
    });
    const exited = await c.query(
      `DELETE FROM segment_member sm WHERE sm.segment_id = $1 AND NOT EXISTS (SELECT 1 FROM segment_match x WHERE x.member_id = sm.member_id)`,
      [segmentId],
    );
    const entered = await c.query(
      `INSERT INTO segment_member (segment_id, member_id, entered_at) SELECT $1, member_id, to_timestamp($2::float8 / 1000) FROM segment_match
       ON CONFLICT (segment_id, member_id) DO NOTHING`,
      [segmentId, now],
    );
    await c.query('UPDATE segment SET member_count = $2, counted_at = to_timestamp($3::float8 / 1000) WHERE id = $1', [segmentId, count, now]);
    return { count, entered: entered.rowCount ?? 0, exited: exited.rowCount ?? 0, countedAt: new Date(now).toISOString() };
  });
}
