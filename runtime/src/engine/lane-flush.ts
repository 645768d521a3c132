import type { MemberFacts } from '@memberflow/shared/member-facts';
import type { JourneyState } from '@memberflow/shared/runner/journey-state';
import type { RunResult } from '@memberflow/shared/runner/run-member';
import type { RunnerWrites } from '@memberflow/shared/runner/runner-writes';
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

/** Writes everything a runner pass decided, in a handful of statements (the lane holds the member's lock). */
export async function flushRun(c: pg.ClientBase, run: RunResult): Promise<void> {
  const w = run.writes;
  await writeMember(c, run.member, w);
  await writePoints(c, run.member.id, w);
  await writeJourneys(c, run.journeys);
  await writeSteps(c, w);
  await confirmStock(c, w);
  await writeEffects(c, w);
  await writeEvents(c, run.member.id, w);
  await writeTriggers(c, run.member.id, w);
  if (w.refusals.size) {
    await c.query(
      `INSERT INTO entry_refusal (workflow_id, member_id, at, cause, reason)
       SELECT r.workflow_id, $1, to_timestamp(r.at / 1000), r.cause, r.reason
       FROM jsonb_to_recordset($2::jsonb) AS r(workflow_id uuid, at float8, cause text, reason text)
       ON CONFLICT (workflow_id, member_id) DO UPDATE SET at = EXCLUDED.at, cause = EXCLUDED.cause, reason = EXCLUDED.reason`,
      [run.member.id, json([...w.refusals].map(([workflow_id, r]) => ({ workflow_id, ...r })))],
    );
  }
  if (w.processedSeqs.length) await c.query('UPDATE event SET processed_at = now() WHERE seq = ANY($1::bigint[])', [w.processedSeqs]);
}

/** The lane-owned member fields as the runner left them. */
async function writeMember(c: pg.ClientBase, m: MemberFacts, w: RunnerWrites): Promise<void> {
  await c.query(
    `INSERT INTO member (id, order_count, total_spent, first_purchase_at, last_purchase_at, tier, tags, attributes)
     VALUES ($1, $2, $3, to_timestamp($4::float8 / 1000), to_timestamp($5::float8 / 1000), $6, $7, $8)
     ON CONFLICT (id) DO UPDATE SET
       order_count = EXCLUDED.order_count, total_spent = EXCLUDED.total_spent,
       first_purchase_at = EXCLUDED.first_purchase_at, last_purchase_at = EXCLUDED.last_purchase_at,
       tier = EXCLUDED.tier, tags = EXCLUDED.tags,
       attributes = member.attributes || EXCLUDED.attributes, updated_at = now()`,
    [m.id, m.orderCount, m.totalSpent, m.firstPurchaseAt, m.lastPurchaseAt, m.tier, m.tags, JSON.stringify(w.attributePatch)],
  );
  if (w.rfmAt !== null && m.rfm) await writeRfmScore(c, m.id, m.rfm, w.rfmAt);
}

/**
 * The points ledger owns the balance. New lots go in as one statement; deductions spend lots
 * first-in, first-out, one by one (the runner already clamped them). A zero earn row is a
 * purchase whose points did not fit under the balance's ceiling: kept as the record.
 */
async function writePoints(c: pg.ClientBase, memberId: string, w: RunnerWrites): Promise<void> {
  const lots = w.pointsOps.filter((op) => op.delta > 0 || (op.delta === 0 && op.kind === 'earn'));
  if (lots.length) {
    await c.query(
      `WITH added AS (
         INSERT INTO points_entry (member_id, kind, delta, remaining, reason, source, expires_at, at, idempotency_key)
         SELECT $1, r.kind, r.delta, r.delta, r.reason, r.source, to_timestamp(r.expires_at / 1000), to_timestamp(r.at / 1000), r.key
         FROM jsonb_to_recordset($2::jsonb) AS r(kind text, delta int, reason text, source text, expires_at float8, at float8, key text)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING delta
       )
       UPDATE member SET points_balance = points_balance + (SELECT coalesce(sum(delta), 0) FROM added) WHERE id = $1`,
      [memberId, json(lots.map((op) => ({ kind: op.kind, delta: op.delta, reason: op.reason, source: op.source, expires_at: op.expiresAt, at: op.at, key: op.key })))],
    );
  }
  for (const op of w.pointsOps.filter((o) => o.delta < 0)) await applyPoints(c, op, true);
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

async function writeSteps(c: pg.ClientBase, w: RunnerWrites): Promise<void> {
  if (!w.steps.length) return;
  await c.query(
    `INSERT INTO journey_step (journey_id, workflow_id, member_id, at, from_node, to_node, cause, event_seq, path, reason)
     SELECT r.journey_id, r.workflow_id, r.member_id, to_timestamp(r.at / 1000), r.from_node, r.to_node, r.cause,
            r.event_seq, ARRAY(SELECT jsonb_array_elements_text(r.path)), r.reason
     FROM jsonb_to_recordset($1::jsonb) AS r(journey_id uuid, workflow_id uuid, member_id text, at float8,
          from_node text, to_node text, cause text, event_seq bigint, path jsonb, reason text)`,
    [json(w.steps.map((s) => ({ journey_id: s.journeyId, workflow_id: s.workflowId, member_id: s.memberId, at: s.at, from_node: s.fromNode, to_node: s.toNode, cause: s.cause, event_seq: s.eventSeq, path: s.path, reason: s.reason })))],
  );
}

/** The runner decided stock from a fresh read; confirming it here fails the pass if another lane took it meanwhile. */
async function confirmStock(c: pg.ClientBase, w: RunnerWrites): Promise<void> {
  for (const [template, n] of w.stockTaken) {
    const r = await c.query(`UPDATE coupon_template SET issued_count = issued_count + $2 WHERE key = $1 AND (stock_limit IS NULL OR issued_count + $2 <= stock_limit)`, [template, n]);
    if (!r.rowCount) throw new StockChanged(template);
  }
}

/**
 * The idempotency key makes each effect (and the coupon or task it carries) happen once,
 * however many times this lane runs: a conflicting effect inserts nothing.
 */
async function writeEffects(c: pg.ClientBase, w: RunnerWrites): Promise<void> {
  if (!w.effects.length) return;
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
        w.effects.map((e) => ({
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

async function writeEvents(c: pg.ClientBase, memberId: string, w: RunnerWrites): Promise<void> {
  if (!w.raised.length) return;
  await c.query(
    `INSERT INTO event (member_id, type, occurred_at, received_at, properties, processed_at)
     SELECT $1, r.type, to_timestamp(r.at / 1000), to_timestamp(r.at / 1000), r.properties, CASE WHEN r.applied THEN now() END
     FROM jsonb_to_recordset($2::jsonb) AS r(type text, at float8, properties jsonb, applied boolean)`,
    [memberId, json(w.raised.map((r) => ({ ...r, applied: r.applied ?? false })))],
  );
}

/** Next moments of time triggers, and a record of each fire (its moment is its period: it fires once). */
async function writeTriggers(c: pg.ClientBase, memberId: string, w: RunnerWrites): Promise<void> {
  if (w.dues.size) {
    await c.query(
      `INSERT INTO trigger_due (workflow_id, member_id, occurrence_at, due_at)
       SELECT r.workflow_id, $1, to_timestamp(r.occurrence_at / 1000), to_timestamp(r.due_at / 1000)
       FROM jsonb_to_recordset($2::jsonb) AS r(workflow_id uuid, occurrence_at float8, due_at float8)
       ON CONFLICT (workflow_id, member_id) DO UPDATE SET occurrence_at = EXCLUDED.occurrence_at, due_at = EXCLUDED.due_at`,
      [memberId, json([...w.dues.values()].map((d) => ({ workflow_id: d.workflowId, occurrence_at: d.occurrenceAt, due_at: d.dueAt })))],
    );
  }
  if (w.fires.length) {
    await c.query(
      `INSERT INTO trigger_fire (workflow_id, member_id, period_key, fire_at, lateness_ms)
       SELECT r.workflow_id, $1, r.period_key, to_timestamp(r.fired_at / 1000), r.lateness_ms
       FROM jsonb_to_recordset($2::jsonb) AS r(workflow_id uuid, period_key text, fired_at float8, lateness_ms bigint)
       ON CONFLICT DO NOTHING`,
      [memberId, json(w.fires.map((f) => ({ workflow_id: f.workflowId, period_key: new Date(f.occurrenceAt).toISOString(), fired_at: f.firedAt, lateness_ms: Math.max(0, Math.round(f.firedAt - f.occurrenceAt)) })))],
    );
  }
}
