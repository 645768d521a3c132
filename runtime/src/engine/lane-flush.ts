import type { JourneyState } from '@memberflow/shared/runner/journey-state';
import type { RunResult } from '@memberflow/shared/runner/run-member';
import type { EffectRow, StepRow } from '@memberflow/shared/runner/runner-writes';
import type pg from 'pg';
import { applyPoints } from '../loyalty/points-ledger.ts';
import { writeRfmScore } from '../rfm/rfm-rescore.ts';

/** Another lane took the last coupons of a limited template first: the pass runs again with fresh stock. */
export class StockChanged extends Error {
  readonly code = '40001'; // retried like a serialization failure: says nothing about the member's events
  constructor(template: string) {
    super(`coupon stock of ${template} changed during the pass`);
  }
}

const json = (rows: unknown[]) => JSON.stringify(rows);

/**
 * Writes everything the runner passes of a batch decided, in a handful of multi-row statements
 * whatever the batch size (the batch holds every member's lock). One member is a batch of one.
 */
export async function flushRuns(c: pg.ClientBase, runs: RunResult[]): Promise<void> {
  if (!runs.length) return;
  await writeMembers(c, runs);
  await writePoints(c, runs);
  await writeJourneys(c, runs.flatMap((r) => r.journeys));
  await writeSteps(c, runs.flatMap((r) => r.writes.steps));
  await confirmStock(c, runs);
  await writeEffects(c, runs.flatMap((r) => r.writes.effects));
  await writeEvents(c, runs);
  await writeTriggers(c, runs);
  const refusals = runs.flatMap((r) => [...r.writes.refusals].map(([workflow_id, x]) => ({ workflow_id, member_id: r.member.id, ...x })));
  if (refusals.length) {
    await c.query(
      `INSERT INTO entry_refusal (workflow_id, member_id, at, cause, reason)
       SELECT r.workflow_id, r.member_id, to_timestamp(r.at / 1000), r.cause, r.reason
       FROM jsonb_to_recordset($1::jsonb) AS r(workflow_id uuid, member_id text, at float8, cause text, reason text)
       ON CONFLICT (workflow_id, member_id) DO UPDATE SET at = EXCLUDED.at, cause = EXCLUDED.cause, reason = EXCLUDED.reason`,
      [json(refusals)],
    );
  }
  const processed = runs.flatMap((r) => r.writes.processedSeqs);
  if (processed.length) await c.query('UPDATE event SET processed_at = now() WHERE seq = ANY($1::bigint[])', [processed]);
}

/**
 * Whether the pass changed the member's own row. Stored events may (and create the member),
 * as do tiers, tags, attributes and RFM; a pass of wake-ups and trigger moments only (a blast)
 * leaves the row alone, which spares a row version per member.
 */
const changesMember = ({ writes: w }: RunResult) => w.processedSeqs.length > 0 || w.memberChanged || w.rfmAt !== null || Object.keys(w.attributePatch).length > 0;

/** The lane-owned member fields as the runner left them. */
async function writeMembers(c: pg.ClientBase, all: RunResult[]): Promise<void> {
  const runs = all.filter(changesMember);
  if (!runs.length) return;
  await c.query(
    `INSERT INTO member (id, order_count, total_spent, first_purchase_at, last_purchase_at, tier, tags, attributes)
     SELECT r.id, r.order_count, r.total_spent, to_timestamp(r.first_purchase_at / 1000), to_timestamp(r.last_purchase_at / 1000),
            r.tier, ARRAY(SELECT jsonb_array_elements_text(r.tags)), r.attributes
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, order_count int, total_spent numeric, first_purchase_at float8,
          last_purchase_at float8, tier text, tags jsonb, attributes jsonb)
     ON CONFLICT (id) DO UPDATE SET
       order_count = EXCLUDED.order_count, total_spent = EXCLUDED.total_spent,
       first_purchase_at = EXCLUDED.first_purchase_at, last_purchase_at = EXCLUDED.last_purchase_at,
       tier = EXCLUDED.tier, tags = EXCLUDED.tags,
       attributes = member.attributes || EXCLUDED.attributes, updated_at = now()`,
    [json(runs.map(({ member: m, writes: w }) => ({ id: m.id, order_count: m.orderCount, total_spent: m.totalSpent, first_purchase_at: m.firstPurchaseAt, last_purchase_at: m.lastPurchaseAt, tier: m.tier, tags: m.tags, attributes: w.attributePatch })))],
  );
  for (const { member: m, writes: w } of runs) if (w.rfmAt !== null && m.rfm) await writeRfmScore(c, m.id, m.rfm, w.rfmAt);
}

/**
 * The points ledger owns the balance. New lots go in as one statement; deductions spend lots
 * first-in, first-out, one by one (the runner already clamped them). A zero earn row is a
 * purchase whose points did not fit under the balance's ceiling: kept as the record.
 */
async function writePoints(c: pg.ClientBase, runs: RunResult[]): Promise<void> {
  const ops = runs.flatMap((r) => r.writes.pointsOps.map((op) => ({ ...op, memberId: r.member.id })));
  const lots = ops.filter((op) => op.delta > 0 || (op.delta === 0 && op.kind === 'earn'));
  if (lots.length) {
    await c.query(
      `WITH added AS (
         INSERT INTO points_entry (member_id, kind, delta, remaining, reason, source, expires_at, at, idempotency_key)
         SELECT r.member_id, r.kind, r.delta, r.delta, r.reason, r.source, to_timestamp(r.expires_at / 1000), to_timestamp(r.at / 1000), r.key
         FROM jsonb_to_recordset($1::jsonb) AS r(member_id text, kind text, delta int, reason text, source text, expires_at float8, at float8, key text)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING member_id, delta
       )
       UPDATE member m SET points_balance = points_balance + a.sum
       FROM (SELECT member_id, sum(delta) AS sum FROM added GROUP BY member_id) a WHERE m.id = a.member_id`,
      [json(lots.map((op) => ({ member_id: op.memberId, kind: op.kind, delta: op.delta, reason: op.reason, source: op.source, expires_at: op.expiresAt, at: op.at, key: op.key })))],
    );
  }
  for (const op of ops.filter((o) => o.delta < 0)) await applyPoints(c, op, true);
}

async function writeJourneys(c: pg.ClientBase, journeys: Iterable<JourneyState>): Promise<void> {
  const dirty = [...journeys].filter((j) => j.dirty);
  if (!dirty.length) return;
  await c.query(
    `INSERT INTO journey (id, workflow_id, version_id, member_id, status, current_node, snapshot, wake_at,
                          entry_count, entered_at, ended_at, last_error, inbox, updated_at)
     SELECT r.id, r.workflow_id, r.version_id, r.member_id, r.status, r.current_node, r.snapshot,
            to_timestamp(r.wake_at / 1000), r.entry_count, to_timestamp(r.entered_at / 1000),
            to_timestamp(r.ended_at / 1000), r.last_error, r.inbox, now()
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, workflow_id uuid, version_id uuid, member_id text, status text,
          current_node text, snapshot jsonb, wake_at float8, entry_count int, entered_at float8, ended_at float8, last_error text, inbox jsonb)
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, current_node = EXCLUDED.current_node,
       snapshot = EXCLUDED.snapshot, wake_at = EXCLUDED.wake_at, entry_count = EXCLUDED.entry_count,
       entered_at = EXCLUDED.entered_at, ended_at = EXCLUDED.ended_at, last_error = EXCLUDED.last_error, inbox = EXCLUDED.inbox, updated_at = now()`,
    [
      json(
        dirty.map((j) => ({
          id: j.id,
          workflow_id: j.workflowId,
          version_id: j.versionId,
          member_id: j.memberId,
          status: j.status,
          current_node: j.currentNode,
          snapshot: j.snapshot,
          wake_at: j.wakeAt,
          entry_count: j.entryCount,
          entered_at: j.enteredAt,
          ended_at: j.endedAt,
          last_error: j.lastError,
          inbox: j.inbox,
        })),
      ),
    ],
  );
}

async function writeSteps(c: pg.ClientBase, steps: StepRow[]): Promise<void> {
  if (!steps.length) return;
  await c.query(
    `INSERT INTO journey_step (journey_id, workflow_id, member_id, at, from_node, to_node, cause, event_seq, path, reason)
     SELECT r.journey_id, r.workflow_id, r.member_id, to_timestamp(r.at / 1000), r.from_node, r.to_node, r.cause,
            r.event_seq, ARRAY(SELECT jsonb_array_elements_text(r.path)), r.reason
     FROM jsonb_to_recordset($1::jsonb) AS r(journey_id uuid, workflow_id uuid, member_id text, at float8,
          from_node text, to_node text, cause text, event_seq bigint, path jsonb, reason text)`,
    [json(steps.map((s) => ({ journey_id: s.journeyId, workflow_id: s.workflowId, member_id: s.memberId, at: s.at, from_node: s.fromNode, to_node: s.toNode, cause: s.cause, event_seq: s.eventSeq, path: s.path, reason: s.reason })))],
  );
}

/** The runner decided stock from a fresh read; confirming it here fails the pass if another lane took it meanwhile. */
async function confirmStock(c: pg.ClientBase, runs: RunResult[]): Promise<void> {
  const taken = new Map<string, number>();
  for (const r of runs) for (const [template, n] of r.writes.stockTaken) taken.set(template, (taken.get(template) ?? 0) + n);
  for (const [template, n] of taken) {
    const r = await c.query(`UPDATE coupon_template SET issued_count = issued_count + $2 WHERE key = $1 AND (stock_limit IS NULL OR issued_count + $2 <= stock_limit)`, [template, n]);
    if (!r.rowCount) throw new StockChanged(template);
  }
}

/**
 * The idempotency key makes each effect (and the coupon or task it carries) happen once,
 * however many times this lane runs: a conflicting effect inserts nothing.
 */
async function writeEffects(c: pg.ClientBase, effects: EffectRow[]): Promise<void> {
  if (!effects.length) return;
  await c.query(
    `WITH r AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(idempotency_key text, journey_id uuid, workflow_id uuid,
         member_id text, node_id text, kind text, payload jsonb, status text, at float8,
         coupon_code text, coupon_template text, coupon_expires_at float8, task jsonb, not_before float8)
     ), ins AS (
       INSERT INTO effect (id, idempotency_key, journey_id, workflow_id, member_id, node_id, kind, payload, status, at, not_before)
       SELECT gen_random_uuid(), idempotency_key, journey_id, workflow_id, member_id, node_id, kind, payload, status,
              to_timestamp(at / 1000), to_timestamp(not_before / 1000)
       FROM r ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id, idempotency_key
     ), coupons AS (
       INSERT INTO coupon (id, code, template, member_id, issued_at, expires_at, effect_id)
       SELECT gen_random_uuid(), r.coupon_code, r.coupon_template, r.member_id, to_timestamp(r.at / 1000),
              to_timestamp(r.coupon_expires_at / 1000), ins.id
       FROM ins JOIN r USING (idempotency_key) WHERE r.coupon_code IS NOT NULL
     )
     INSERT INTO task (id, member_id, workflow_id, type, title, assignee, priority, due_at, created_at, effect_id)
     SELECT gen_random_uuid(), r.member_id, r.workflow_id, r.task->>'type', r.task->>'title', r.task->>'assignee',
            r.task->>'priority', to_timestamp((r.task->>'dueAt')::float8 / 1000), to_timestamp(r.at / 1000), ins.id
     FROM ins JOIN r USING (idempotency_key) WHERE r.task IS NOT NULL`,
    [
      json(
        effects.map((e) => ({
          idempotency_key: e.idempotencyKey,
          journey_id: e.journeyId,
          workflow_id: e.workflowId,
          member_id: e.memberId,
          node_id: e.nodeId,
          kind: e.kind,
          payload: e.payload,
          status: e.status,
          at: e.at,
          coupon_code: e.coupon?.code ?? null,
          coupon_template: e.coupon?.template ?? null,
          coupon_expires_at: e.coupon?.expiresAt ?? null,
          task: e.task ?? null,
          not_before: e.notBefore ?? null,
        })),
      ),
    ],
  );
}

/** Events the runner raised, in the order raised (seq follows the rows). */
async function writeEvents(c: pg.ClientBase, runs: RunResult[]): Promise<void> {
  const raised = runs.flatMap((r) => r.writes.raised.map((e) => ({ ...e, member_id: r.member.id, applied: e.applied ?? false })));
  if (!raised.length) return;
  await c.query(
    `INSERT INTO event (member_id, type, occurred_at, received_at, properties, processed_at)
     SELECT r.member_id, r.type, to_timestamp(r.at / 1000), to_timestamp(r.at / 1000), r.properties, CASE WHEN r.applied THEN now() END
     FROM jsonb_to_recordset($1::jsonb) AS r(member_id text, type text, at float8, properties jsonb, applied boolean)`,
    [json(raised)],
  );
}

/** Next moments of time triggers, and a record of each fire (its moment is its period: it fires once). */
async function writeTriggers(c: pg.ClientBase, runs: RunResult[]): Promise<void> {
  const dues = runs.flatMap((r) => [...r.writes.dues.values()].map((d) => ({ workflow_id: d.workflowId, member_id: r.member.id, occurrence_at: d.occurrenceAt, due_at: d.dueAt })));
  if (dues.length) {
    await c.query(
      `INSERT INTO trigger_due (workflow_id, member_id, occurrence_at, due_at)
       SELECT r.workflow_id, r.member_id, to_timestamp(r.occurrence_at / 1000), to_timestamp(r.due_at / 1000)
       FROM jsonb_to_recordset($1::jsonb) AS r(workflow_id uuid, member_id text, occurrence_at float8, due_at float8)
       ON CONFLICT (workflow_id, member_id) DO UPDATE SET occurrence_at = EXCLUDED.occurrence_at, due_at = EXCLUDED.due_at`,
      [json(dues)],
    );
  }
  const fires = runs.flatMap((r) =>
    r.writes.fires.map((f) => ({ workflow_id: f.workflowId, member_id: r.member.id, period_key: new Date(f.occurrenceAt).toISOString(), fired_at: f.firedAt, lateness_ms: Math.max(0, Math.round(f.firedAt - f.occurrenceAt)) })),
  );
  if (fires.length) {
    await c.query(
      `INSERT INTO trigger_fire (workflow_id, member_id, period_key, fire_at, lateness_ms)
       SELECT r.workflow_id, r.member_id, r.period_key, to_timestamp(r.fired_at / 1000), r.lateness_ms
       FROM jsonb_to_recordset($1::jsonb) AS r(workflow_id uuid, member_id text, period_key text, fired_at float8, lateness_ms bigint)
       ON CONFLICT DO NOTHING`,
      [json(fires)],
    );
  }
}
