import type { RunResult } from '@memberflow/shared/runner/run-member';
import type pg from 'pg';

/**
 * One part of the batch's write statement: a data-modifying CTE over one jsonb parameter,
 * `$P` standing for that parameter's number. Parts touch separate tables (or, for `event`,
 * separate rows), so they may run as one statement: one round trip for the batch's rows.
 */
interface Part {
  sql: string;
  rows: unknown[];
}

const journeys = (runs: RunResult[]): Part => ({
  sql: `journeys AS (
     INSERT INTO journey (id, workflow_id, version_id, member_id, status, current_node, snapshot, wake_at, entry_count, entered_at, ended_at, last_error, inbox, updated_at)
     SELECT r.id, r.workflow_id, r.version_id, r.member_id, r.status, r.current_node, r.snapshot, to_timestamp(r.wake_at / 1000), r.entry_count,
            to_timestamp(r.entered_at / 1000), to_timestamp(r.ended_at / 1000), r.last_error, r.inbox, now()
     FROM jsonb_to_recordset($P::jsonb) AS r(id uuid, workflow_id uuid, version_id uuid, member_id text, status text,
          current_node text, snapshot jsonb, wake_at float8, entry_count int, entered_at float8, ended_at float8, last_error text, inbox jsonb)
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, current_node = EXCLUDED.current_node,
       snapshot = EXCLUDED.snapshot, wake_at = EXCLUDED.wake_at, entry_count = EXCLUDED.entry_count,
       entered_at = EXCLUDED.entered_at, ended_at = EXCLUDED.ended_at, last_error = EXCLUDED.last_error, inbox = EXCLUDED.inbox, updated_at = now())`,
  rows: runs
    .flatMap((r) => r.journeys)
    .filter((j) => j.dirty)
    .map((j) => ({
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
});

const steps = (runs: RunResult[]): Part => ({
  sql: `steps AS (
     INSERT INTO journey_step (journey_id, workflow_id, member_id, at, from_node, to_node, cause, event_seq, path, reason, reason_parts)
     SELECT r.journey_id, r.workflow_id, r.member_id, to_timestamp(r.at / 1000), r.from_node, r.to_node, r.cause,
            r.event_seq, ARRAY(SELECT jsonb_array_elements_text(r.path)), r.reason, r.reason_parts
     FROM jsonb_to_recordset($P::jsonb) AS r(journey_id uuid, workflow_id uuid, member_id text, at float8,
          from_node text, to_node text, cause text, event_seq bigint, path jsonb, reason text, reason_parts jsonb))`,
  rows: runs.flatMap((r) =>
    r.writes.steps.map((s) => ({ journey_id: s.journeyId, workflow_id: s.workflowId, member_id: s.memberId, at: s.at, from_node: s.fromNode, to_node: s.toNode, cause: s.cause, event_seq: s.eventSeq, path: s.path, reason: s.reason, reason_parts: s.parts ?? null })),
  ),
});

/**
 * The idempotency key makes each effect (and the coupon or task it carries) happen once,
 * however many times a lane runs: a conflicting effect inserts nothing, nor its coupon or task.
 */
const effects = (runs: RunResult[]): Part => ({
  sql: `fx AS (
     SELECT * FROM jsonb_to_recordset($P::jsonb) AS r(idempotency_key text, journey_id uuid, workflow_id uuid,
       member_id text, node_id text, kind text, payload jsonb, status text, at float8,
       coupon_code text, coupon_template text, coupon_expires_at float8, task jsonb, not_before float8)
   ), fx_ins AS (
     INSERT INTO effect (id, idempotency_key, journey_id, workflow_id, member_id, node_id, kind, payload, status, at, not_before)
     SELECT gen_random_uuid(), idempotency_key, journey_id, workflow_id, member_id, node_id, kind, payload, status,
            to_timestamp(at / 1000), to_timestamp(not_before / 1000)
     FROM fx ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING id, idempotency_key
   ), fx_coupons AS (
     INSERT INTO coupon (id, code, template, member_id, issued_at, expires_at, effect_id)
     SELECT gen_random_uuid(), fx.coupon_code, fx.coupon_template, fx.member_id, to_timestamp(fx.at / 1000),
            to_timestamp(fx.coupon_expires_at / 1000), fx_ins.id
     FROM fx_ins JOIN fx USING (idempotency_key) WHERE fx.coupon_code IS NOT NULL
   ), fx_tasks AS (
     INSERT INTO task (id, member_id, workflow_id, type, title, assignee, priority, due_at, created_at, effect_id)
     SELECT gen_random_uuid(), fx.member_id, fx.workflow_id, fx.task->>'type', fx.task->>'title', fx.task->>'assignee',
            fx.task->>'priority', to_timestamp((fx.task->>'dueAt')::float8 / 1000), to_timestamp(fx.at / 1000), fx_ins.id
     FROM fx_ins JOIN fx USING (idempotency_key) WHERE fx.task IS NOT NULL)`,
  rows: runs.flatMap((r) =>
    r.writes.effects.map((e) => ({
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
});

/** Events the runner raised, in the order raised (seq follows the rows). */
const raised = (runs: RunResult[]): Part => ({
  sql: `raised AS (
     INSERT INTO event (member_id, type, occurred_at, received_at, properties, processed_at)
     SELECT r.member_id, r.type, to_timestamp(r.at / 1000), to_timestamp(r.at / 1000), r.properties, CASE WHEN r.applied THEN now() END
     FROM jsonb_to_recordset($P::jsonb) AS r(member_id text, type text, at float8, properties jsonb, applied boolean))`,
  rows: runs.flatMap((r) => r.writes.raised.map((e) => ({ member_id: r.member.id, type: e.type, at: e.at, properties: e.properties, applied: e.applied ?? false }))),
});

const processed = (runs: RunResult[]): Part => ({
  sql: `processed AS (
     UPDATE event SET processed_at = now() WHERE seq IN (SELECT value::bigint FROM jsonb_array_elements_text($P::jsonb)))`,
  rows: runs.flatMap((r) => r.writes.processedSeqs),
});

/** Next moments of time triggers, and a record of each fire (its moment is its period: it fires once). */
const dues = (runs: RunResult[]): Part => ({
  sql: `dues AS (
     INSERT INTO trigger_due (workflow_id, member_id, occurrence_at, due_at)
     SELECT r.workflow_id, r.member_id, to_timestamp(r.occurrence_at / 1000), to_timestamp(r.due_at / 1000)
     FROM jsonb_to_recordset($P::jsonb) AS r(workflow_id uuid, member_id text, occurrence_at float8, due_at float8)
     ON CONFLICT (workflow_id, member_id) DO UPDATE SET occurrence_at = EXCLUDED.occurrence_at, due_at = EXCLUDED.due_at)`,
  rows: runs.flatMap((r) => [...r.writes.dues.values()].map((d) => ({ workflow_id: d.workflowId, member_id: r.member.id, occurrence_at: d.occurrenceAt, due_at: d.dueAt }))),
});

const fires = (runs: RunResult[]): Part => ({
  sql: `fires AS (
     INSERT INTO trigger_fire (workflow_id, member_id, period_key, fire_at, lateness_ms)
     SELECT r.workflow_id, r.member_id, r.period_key, to_timestamp(r.fired_at / 1000), r.lateness_ms
     FROM jsonb_to_recordset($P::jsonb) AS r(workflow_id uuid, member_id text, period_key text, fired_at float8, lateness_ms bigint)
     ON CONFLICT DO NOTHING)`,
  rows: runs.flatMap((r) =>
    r.writes.fires.map((f) => ({ workflow_id: f.workflowId, member_id: r.member.id, period_key: new Date(f.occurrenceAt).toISOString(), fired_at: f.firedAt, lateness_ms: Math.max(0, Math.round(f.firedAt - f.occurrenceAt)) })),
  ),
});

const refusals = (runs: RunResult[]): Part => ({
  sql: `refusals AS (
     INSERT INTO entry_refusal (workflow_id, member_id, at, cause, reason)
     SELECT r.workflow_id, r.member_id, to_timestamp(r.at / 1000), r.cause, r.reason
     FROM jsonb_to_recordset($P::jsonb) AS r(workflow_id uuid, member_id text, at float8, cause text, reason text)
     ON CONFLICT (workflow_id, member_id) DO UPDATE SET at = EXCLUDED.at, cause = EXCLUDED.cause, reason = EXCLUDED.reason)`,
  rows: runs.flatMap((r) => [...r.writes.refusals].map(([workflow_id, x]) => ({ workflow_id, member_id: r.member.id, ...x }))),
});

/**
 * Journeys, steps, effects (with their coupons and tasks), raised and processed events, trigger
 * moments and fires, entry refusals: every row the batch's passes decided, in one statement.
 */
export async function writeRows(c: pg.ClientBase, runs: RunResult[]): Promise<void> {
  const parts = [journeys, steps, effects, raised, processed, dues, fires, refusals].map((f) => f(runs)).filter((p) => p.rows.length > 0);
  if (!parts.length) return;
  const ctes = parts.map((p, i) => p.sql.replace('$P', `$${i + 1}`));
  await c.query(`WITH ${ctes.join(',\n')}\nSELECT 1`, parts.map((p) => JSON.stringify(p.rows)));
}
