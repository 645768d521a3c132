import type { JourneyStatus } from '@memberflow/shared/api/workflows';
import { MS_PER_DAY } from '@memberflow/shared/duration';
import type { PersistedJourney } from '@memberflow/shared/journey-machine';
import type { InboxEvent, JourneyState } from '@memberflow/shared/runner/journey-state';
import type { MemberInput, PendingEvent } from '@memberflow/shared/runner/runner-input';
import type { TriggerDue } from '@memberflow/shared/runner/runner-writes';
import type pg from 'pg';
import { loadLaneContexts } from './member-facts-loader.ts';

/** What the lane reads before deciding whether there is work at all. */
export interface LaneHead {
  events: PendingEvent[];
  journeys: JourneyState[];
  dues: Map<string, TriggerDue>;
}

/** A journey as the heads statement returns it: times in epoch milliseconds. */
interface JourneyRow {
  id: string;
  workflow_id: string;
  workflow_name: string;
  held: boolean;
  version_id: string;
  member_id: string;
  status: JourneyStatus;
  current_node: string;
  snapshot: PersistedJourney;
  wake_at: number | null;
  entry_count: number;
  entered_at: number;
  ended_at: number | null;
  last_error: string | null;
  inbox: InboxEvent[];
}

interface HeadsRow {
  events: { member_id: string; seq: number; type: string; occurred_at: number; received_at: number; properties: Record<string, unknown> | null }[];
  journeys: JourneyRow[];
  dues: { member_id: string; workflow_id: string; occurrence_at: number | null; due_at: number | null }[];
  erased: string[];
}

const group = <T extends { member_id: string }>(rows: T[]) => {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.member_id);
    if (list) list.push(r);
    else out.set(r.member_id, [r]);
  }
  return out;
};

/**
 * Each member's pending events (up to `limit` per member), journeys and stored trigger moments,
 * and which members are erased: one statement for the whole batch, as every round trip counts
 * when the machine is busy. Run it after taking the members' locks. Rows are looked up member by
 * member (LATERAL): `= ANY` over a table a blast has just filled, before any ANALYZE, is planned
 * as a scan of the whole table.
 */
export async function loadBatchHeads(c: pg.ClientBase, memberIds: string[], limit: number): Promise<{ heads: Map<string, LaneHead>; erased: Set<string> }> {
  // Events set aside (failed_at) wait for an admin's retry; the lane goes on without them.
  const { rows } = await c.query<HeadsRow>(
    `SELECT
       (SELECT coalesce(json_agg(x), '[]') FROM (
          SELECT u.id AS member_id, e.seq, e.type, (extract(epoch FROM e.occurred_at) * 1000)::float8 AS occurred_at, (extract(epoch FROM e.received_at) * 1000)::float8 AS received_at, e.properties
          FROM unnest($1::text[]) AS u(id)
          CROSS JOIN LATERAL (SELECT seq, type, occurred_at, received_at, properties FROM event
            WHERE member_id = u.id AND processed_at IS NULL AND failed_at IS NULL ORDER BY seq LIMIT $2) e) x) AS events,
       (SELECT coalesce(json_agg(x), '[]') FROM (
          SELECT j.id, j.workflow_id, w.name AS workflow_name, w.status = 'paused' AS held, j.version_id, j.member_id, j.status, j.current_node, j.snapshot,
                 (extract(epoch FROM j.wake_at) * 1000)::float8 AS wake_at, j.entry_count, (extract(epoch FROM j.entered_at) * 1000)::float8 AS entered_at, (extract(epoch FROM j.ended_at) * 1000)::float8 AS ended_at, j.last_error, j.inbox
          FROM unnest($1::text[]) AS u(id) CROSS JOIN LATERAL (SELECT * FROM journey WHERE member_id = u.id) j JOIN workflow w ON w.id = j.workflow_id) x) AS journeys,
       (SELECT coalesce(json_agg(x), '[]') FROM (
          SELECT member_id, workflow_id, (extract(epoch FROM occurrence_at) * 1000)::float8 AS occurrence_at, (extract(epoch FROM due_at) * 1000)::float8 AS due_at FROM unnest($1::text[]) AS u(id) CROSS JOIN LATERAL (SELECT * FROM trigger_due WHERE member_id = u.id) d) x) AS dues,
       (SELECT coalesce(array_agg(id), '{}') FROM member WHERE id = ANY($1::text[]) AND deleted_at IS NOT NULL) AS erased`,
    [memberIds, limit],
  );
  const r = rows[0]!;
  const [ev, jr, du] = [group(r.events), group(r.journeys), group(r.dues)];
  const heads = new Map<string, LaneHead>(
    memberIds.map((id) => [
      id,
      {
        events: (ev.get(id) ?? []).map((e) => ({ seq: Number(e.seq), type: e.type, occurredAt: e.occurred_at, receivedAt: e.received_at, properties: e.properties ?? {} })),
        journeys: (jr.get(id) ?? []).map(journeyFromRow),
        dues: new Map((du.get(id) ?? []).map((d) => [d.workflow_id, { workflowId: d.workflow_id, occurrenceAt: d.occurrence_at, dueAt: d.due_at }])),
      },
    ]),
  );
  return { heads, erased: new Set(r.erased) };
}

/** Whether the pass has anything to do at `now`: events, due wake-ups, a resumed journey's inbox, a due trigger moment. */
export function hasWork(head: LaneHead, now: number): boolean {
  if (head.events.length) return true;
  if (head.journeys.some((j) => !j.held && ((j.status === 'waiting' && j.wakeAt !== null && j.wakeAt <= now) || j.inbox.length > 0))) return true;
  return [...head.dues.values()].some((d) => d.dueAt !== null && d.dueAt <= now);
}

/** The rest of each member's input: facts, coupons held, recent marketing, points earned, the latest coupon per journey entry. */
export async function loadMemberInputs(c: pg.ClientBase, heads: Map<string, LaneHead>, now: number, capDays: number, pointsTiers: boolean): Promise<Map<string, MemberInput>> {
  const ids = [...heads.keys()];
  const contexts = await loadLaneContexts(c, ids, now, now - (capDays + 1) * MS_PER_DAY);
  const points = pointsTiers ? await loadPointsEarnedBatch(c, ids, now) : new Map<string, MemberInput['pointsEarned']>();
  const withJourneys = ids.filter((id) => heads.get(id)!.journeys.length);
  const coupons = withJourneys.length ? await loadLatestCoupons(c, withJourneys) : new Map<string, Map<string, Record<string, unknown>>>();
  const out = new Map<string, MemberInput>();
  for (const [id, head] of heads) {
    const { member, heldTemplates, recentMarketing } = contexts.get(id)!;
    const pointsEarned = points.get(id) ?? { lifetime: 0, recent: [] };
    out.set(id, { member, journeys: head.journeys, events: head.events, dues: head.dues, heldTemplates, recentMarketing, pointsEarned, latestCoupons: coupons.get(id) ?? new Map() });
  }
  return out;
}

/** One member's input (a batch of one). */
export async function loadMemberInput(c: pg.ClientBase, memberId: string, head: LaneHead, now: number, capDays: number, pointsTiers: boolean): Promise<MemberInput> {
  return (await loadMemberInputs(c, new Map([[memberId, head]]), now, capDays, pointsTiers)).get(memberId)!;
}

/** Points earned, for tiers on a points basis and earning caps: the lifetime sum and the last two years' lots. */
export async function loadPointsEarned(c: pg.ClientBase, memberId: string, now: number): Promise<MemberInput['pointsEarned']> {
  return (await loadPointsEarnedBatch(c, [memberId], now)).get(memberId)!;
}

async function loadPointsEarnedBatch(c: pg.ClientBase, memberIds: string[], now: number): Promise<Map<string, MemberInput['pointsEarned']>> {
  const { rows } = await c.query<{ id: string; lifetime: string; recent: { at: number; delta: number; kind: 'earn' | 'adjust' | 'gift' }[] }>(
    `SELECT u.id, coalesce(sum(p.delta), 0) AS lifetime,
            coalesce(json_agg(json_build_object('at', extract(epoch FROM p.at) * 1000, 'delta', p.delta, 'kind', p.kind)) FILTER (WHERE p.at > to_timestamp($2::float8 / 1000)), '[]') AS recent
     FROM unnest($1::text[]) AS u(id) LEFT JOIN points_entry p ON p.member_id = u.id AND p.kind IN ('earn', 'adjust', 'gift') AND p.delta > 0
     GROUP BY u.id`,
    [memberIds, now - 2 * 366 * MS_PER_DAY],
  );
  return new Map(rows.map((r) => [r.id, { lifetime: Number(r.lifetime), recent: r.recent.map((p) => ({ at: Number(p.at), delta: Number(p.delta), kind: p.kind })) }]));
}

/** The latest coupon of each journey entry, so a message after a wake-up can still say {{coupon.code}}. */
async function loadLatestCoupons(c: pg.ClientBase, memberIds: string[]): Promise<Map<string, Map<string, Record<string, unknown>>>> {
  const { rows } = await c.query<{ member_id: string; idempotency_key: string; payload: Record<string, unknown> }>(
    `SELECT e.member_id, e.idempotency_key, e.payload FROM unnest($1::text[]) AS u(id)
     CROSS JOIN LATERAL (SELECT DISTINCT ON (journey_id, split_part(idempotency_key, ':', 2)) member_id, idempotency_key, payload FROM effect
       WHERE member_id = u.id AND kind = 'issue_coupon' ORDER BY journey_id, split_part(idempotency_key, ':', 2), at DESC, created_at DESC) e`,
    [memberIds],
  );
  const out = new Map<string, Map<string, Record<string, unknown>>>();
  for (const r of rows) {
    const [journeyId, entry] = r.idempotency_key.split(':');
    const m = out.get(r.member_id) ?? new Map<string, Record<string, unknown>>();
    m.set(`${journeyId}:${entry}`, r.payload);
    out.set(r.member_id, m);
  }
  return out;
}

function journeyFromRow(r: JourneyRow): JourneyState {
  return {
    id: r.id,
    workflowId: r.workflow_id,
    workflowName: r.workflow_name,
    held: r.held,
    versionId: r.version_id,
    memberId: r.member_id,
    status: r.status,
    currentNode: r.current_node,
    snapshot: r.snapshot,
    wakeAt: r.wake_at,
    entryCount: r.entry_count,
    enteredAt: r.entered_at,
    endedAt: r.ended_at,
    lastError: r.last_error,
    inbox: r.inbox ?? [],
    dirty: false,
  };
}

/**
 * Erasure is final: an erased member's events are settled without effect (they start nothing and
 * send nothing), their journeys end and their trigger moments are dropped.
 */
export async function settleErased(c: pg.ClientBase, memberId: string, head: LaneHead): Promise<void> {
  if (head.events.length) await c.query('UPDATE event SET processed_at = now() WHERE seq = ANY($1::bigint[])', [head.events.map((e) => e.seq)]);
  await c.query('DELETE FROM trigger_due WHERE member_id = $1', [memberId]);
  await c.query(`UPDATE journey SET status = 'exited', wake_at = NULL, inbox = '[]', ended_at = now(), updated_at = now() WHERE member_id = $1 AND status IN ('active', 'waiting')`, [memberId]);
}
