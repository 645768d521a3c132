import type { PersistedJourney } from '@memberflow/shared/journey-machine';
import type { MemberFacts } from '@memberflow/shared/member-facts';
import type { JourneyStatus } from '@memberflow/shared/api/workflows';
import type pg from 'pg';
import { reserveStock } from '../loyalty/coupons.ts';
import { writeRfmScore } from '../rfm/rfm-rescore.ts';
import { applyPoints, type PointsOp } from '../loyalty/points-ledger.ts';

/** A journey row as the lane holds it while applying a member's events. */
export interface JourneyState {
  id: string;
  workflowId: string;
  /** Not stored on the journey; read with it for {{workflow.name}}. */
  workflowName: string;
  /** Its workflow is paused: the lane leaves it alone. */
  held: boolean;
  versionId: string;
  memberId: string;
  status: JourneyStatus;
  currentNode: string;
  snapshot: PersistedJourney;
  wakeAt: number | null;
  entryCount: number;
  enteredAt: number;
  endedAt: number | null;
  lastError: string | null;
  dirty: boolean;
}

export interface StepRow {
  journeyId: string;
  workflowId: string;
  memberId: string;
  at: number;
  fromNode: string | null;
  toNode: string;
  cause: string;
  eventSeq: number | null;
  path: string[];
  reason: string;
}

export interface EffectRow {
  idempotencyKey: string;
  journeyId: string;
  workflowId: string;
  memberId: string;
  nodeId: string;
  kind: string;
  payload: Record<string, unknown>;
  status: 'done' | 'pending' | 'held' | 'skipped';
  notBefore?: number;
  at: number;
  coupon?: { code: string; template: string; expiresAt: number | null; limited?: boolean };
  task?: { type: string; title: string; assignee: string; priority: string; dueAt: number };
}

export interface RaisedEvent {
  type: string;
  at: number;
  properties: Record<string, unknown>;
  /** Applied in the pass that raised it: stored as already processed. */
  applied?: boolean;
}

/** Everything one lane pass decided, written in a handful of statements at its end. */
export class LaneWrites {
  readonly steps: StepRow[] = [];
  readonly effects: EffectRow[] = [];
  readonly processedSeqs: number[] = [];
  /** Events the engine raises for the member (tier_changed, enroll), applied in a later pass. */
  readonly raised: RaisedEvent[] = [];
  /** The latest coupon per journey entry, for {{coupon.*}} in later messages. */
  readonly latestCoupon = new Map<string, Record<string, unknown>>();
  readonly attributePatch: Record<string, unknown> = {};
  /** Points changes (programme earn rules, workflow awards), applied to the ledger after the member row. */
  readonly pointsOps: PointsOp[] = [];
  memberChanged = false;
  /** Set when a purchase rescored the member's RFM in this pass: written once at the end. */
  rfmAt: number | null = null;
  /** Per workflow: the latest trigger match the entry rule refused, kept for "why didn't they enter?". */
  readonly refusals = new Map<string, { at: number; cause: string; reason: string }>();

  raise(type: string, at: number, properties: Record<string, unknown>): void {
    this.raised.push({ type, at, properties });
  }

  /** Writes the lane-owned member fields as the lane left them (the lane holds the member's lock). */
  async flush(client: pg.ClientBase, m: MemberFacts, journeys: Iterable<JourneyState>): Promise<void> {
    const memberId = m.id;
    await client.query(
      `INSERT INTO member (id, order_count, total_spent, first_purchase_at, last_purchase_at, tier, tags, attributes)
       VALUES ($1, $2, $3, to_timestamp($4::float8 / 1000), to_timestamp($5::float8 / 1000), $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET
         order_count = EXCLUDED.order_count, total_spent = EXCLUDED.total_spent,
         first_purchase_at = EXCLUDED.first_purchase_at, last_purchase_at = EXCLUDED.last_purchase_at,
         tier = EXCLUDED.tier, tags = EXCLUDED.tags,
         attributes = member.attributes || EXCLUDED.attributes, updated_at = now()`,
      [memberId, m.orderCount, m.totalSpent, m.firstPurchaseAt, m.lastPurchaseAt, m.tier, m.tags, JSON.stringify(this.attributePatch)],
    );
    if (this.rfmAt !== null && m.rfm) await writeRfmScore(client, memberId, m.rfm, this.rfmAt);

    // The points ledger owns the balance. New lots (earn rules, awards) go in as one statement;
    // deductions spend lots first-in, first-out, one by one (the lane already clamped them).
    // A zero earn row is a purchase whose points did not fit under the balance's ceiling: kept as the record.
    const lots = this.pointsOps.filter((op) => op.delta > 0 || (op.delta === 0 && op.kind === 'earn'));
    if (lots.length) {
      await client.query(
        `WITH added AS (
           INSERT INTO points_entry (member_id, kind, delta, remaining, reason, source, expires_at, at, idempotency_key)
           SELECT $1, r.kind, r.delta, r.delta, r.reason, r.source, to_timestamp(r.expires_at / 1000), to_timestamp(r.at / 1000), r.key
           FROM jsonb_to_recordset($2::jsonb) AS r(kind text, delta int, reason text, source text, expires_at float8, at float8, key text)
           ON CONFLICT (idempotency_key) DO NOTHING RETURNING delta
         )
         UPDATE member SET points_balance = points_balance + (SELECT coalesce(sum(delta), 0) FROM added) WHERE id = $1`,
        [memberId, JSON.stringify(lots.map((op) => ({ kind: op.kind, delta: op.delta, reason: op.reason, source: op.source, expires_at: op.expiresAt, at: op.at, key: op.key })))],
      );
    }
    for (const op of this.pointsOps.filter((o) => o.delta < 0)) await applyPoints(client, op, true);

    const dirty = [...journeys].filter((j) => j.dirty);
    if (dirty.length) {
      await client.query(
        `INSERT INTO journey (id, workflow_id, version_id, member_id, status, current_node, snapshot, wake_at,
                              entry_count, entered_at, ended_at, last_error, updated_at)
         SELECT r.id, r.workflow_id, r.version_id, r.member_id, r.status, r.current_node, r.snapshot,
                to_timestamp(r.wake_at / 1000), r.entry_count, to_timestamp(r.entered_at / 1000),
                to_timestamp(r.ended_at / 1000), r.last_error, now()
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, workflow_id uuid, version_id uuid, member_id text, status text,
              current_node text, snapshot jsonb, wake_at float8, entry_count int, entered_at float8, ended_at float8, last_error text)
         ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, current_node = EXCLUDED.current_node,
           snapshot = EXCLUDED.snapshot, wake_at = EXCLUDED.wake_at, entry_count = EXCLUDED.entry_count,
           entered_at = EXCLUDED.entered_at, ended_at = EXCLUDED.ended_at, last_error = EXCLUDED.last_error, updated_at = now()`,
        [
          JSON.stringify(
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
            })),
          ),
        ],
      );
    }

    if (this.steps.length) {
      await client.query(
        `INSERT INTO journey_step (journey_id, workflow_id, member_id, at, from_node, to_node, cause, event_seq, path, reason)
         SELECT r.journey_id, r.workflow_id, r.member_id, to_timestamp(r.at / 1000), r.from_node, r.to_node, r.cause,
                r.event_seq, ARRAY(SELECT jsonb_array_elements_text(r.path)), r.reason
         FROM jsonb_to_recordset($1::jsonb) AS r(journey_id uuid, workflow_id uuid, member_id text, at float8,
              from_node text, to_node text, cause text, event_seq bigint, path jsonb, reason text)`,
        [
          JSON.stringify(
            this.steps.map((s) => ({
              journey_id: s.journeyId,
              workflow_id: s.workflowId,
              member_id: s.memberId,
              at: s.at,
              from_node: s.fromNode,
              to_node: s.toNode,
              cause: s.cause,
              event_seq: s.eventSeq,
              path: s.path,
              reason: s.reason,
            })),
          ),
        ],
      );
    }

    // Limited templates: take stock for each coupon; a sold-out one becomes a recorded skip.
    for (const e of this.effects) {
      if (!e.coupon?.limited || (await reserveStock(client, e.coupon.template))) continue;
      e.payload = { template: e.coupon.template, skipped: `${e.coupon.template} is out of stock` };
      e.status = 'skipped';
      delete e.coupon;
    }

    if (this.effects.length) {
      // The idempotency key makes each effect (and the coupon it carries) happen once,
      // however many times this lane runs: a conflicting effect inserts nothing.
      await client.query(
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
          JSON.stringify(
            this.effects.map((e) => ({
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

    if (this.raised.length) {
      await client.query(
        `INSERT INTO event (member_id, type, occurred_at, properties, processed_at)
         SELECT $1, r.type, to_timestamp(r.at / 1000), r.properties, CASE WHEN r.applied THEN now() END
         FROM jsonb_to_recordset($2::jsonb) AS r(type text, at float8, properties jsonb, applied boolean)`,
        [memberId, JSON.stringify(this.raised.map((r) => ({ ...r, applied: r.applied ?? false })))],
      );
    }

    if (this.refusals.size) {
      await client.query(
        `INSERT INTO entry_refusal (workflow_id, member_id, at, cause, reason)
         SELECT r.workflow_id, $1, to_timestamp(r.at / 1000), r.cause, r.reason
         FROM jsonb_to_recordset($2::jsonb) AS r(workflow_id uuid, at float8, cause text, reason text)
         ON CONFLICT (workflow_id, member_id) DO UPDATE SET at = EXCLUDED.at, cause = EXCLUDED.cause, reason = EXCLUDED.reason`,
        [memberId, JSON.stringify([...this.refusals].map(([workflow_id, r]) => ({ workflow_id, ...r })))],
      );
    }

    if (this.processedSeqs.length) {
      await client.query('UPDATE event SET processed_at = now() WHERE seq = ANY($1::bigint[])', [this.processedSeqs]);
    }
  }
}
