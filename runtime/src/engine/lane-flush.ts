import type { RunResult } from '@memberflow/shared/runner/run-member';
import type pg from 'pg';
import { applyPoints } from '../loyalty/points-ledger.ts';
import { writeRows } from './lane-flush-rows.ts';

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
  await confirmStock(c, runs);
  await writeRows(c, runs);
}

/**
 * Whether the pass changed the member's own row. Stored events may (and create the member),
 * as do tiers, tags, attributes and RFM; a pass of wake-ups and trigger moments only (a blast)
 * leaves the row alone, which spares a row version per member.
 */
const changesMember = ({ writes: w }: RunResult) => w.processedSeqs.length > 0 || w.memberChanged || w.rfmAt !== null || Object.keys(w.attributePatch).length > 0;

/** The lane-owned member fields as the runner left them, and the RFM scores where purchases rescored the member. */
async function writeMembers(c: pg.ClientBase, all: RunResult[]): Promise<void> {
  const runs = all.filter(changesMember);
  if (!runs.length) return;
  await c.query(
    `INSERT INTO member (id, order_count, total_spent, first_purchase_at, last_purchase_at, tier, tags, attributes, rfm_r, rfm_f, rfm_m, rfm_segment, rfm_at, sign_in_streak, last_sign_in_day)
     SELECT r.id, r.order_count, r.total_spent, to_timestamp(r.first_purchase_at / 1000), to_timestamp(r.last_purchase_at / 1000),
            r.tier, ARRAY(SELECT jsonb_array_elements_text(r.tags)), r.attributes, r.rfm_r, r.rfm_f, r.rfm_m, r.rfm_segment, to_timestamp(r.rfm_at / 1000),
            coalesce(r.sign_in_streak, 0), r.last_sign_in_day::date
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, order_count int, total_spent numeric, first_purchase_at float8,
          last_purchase_at float8, tier text, tags jsonb, attributes jsonb, rfm_r int, rfm_f int, rfm_m int, rfm_segment text, rfm_at float8,
          sign_in_streak int, last_sign_in_day text)
     ON CONFLICT (id) DO UPDATE SET
       order_count = EXCLUDED.order_count, total_spent = EXCLUDED.total_spent,
       first_purchase_at = EXCLUDED.first_purchase_at, last_purchase_at = EXCLUDED.last_purchase_at,
       tier = EXCLUDED.tier, tags = EXCLUDED.tags,
       sign_in_streak = EXCLUDED.sign_in_streak, last_sign_in_day = EXCLUDED.last_sign_in_day,
       attributes = member.attributes || EXCLUDED.attributes, updated_at = now(),
       rfm_r = CASE WHEN EXCLUDED.rfm_at IS NULL THEN member.rfm_r ELSE EXCLUDED.rfm_r END,
       rfm_f = CASE WHEN EXCLUDED.rfm_at IS NULL THEN member.rfm_f ELSE EXCLUDED.rfm_f END,
       rfm_m = CASE WHEN EXCLUDED.rfm_at IS NULL THEN member.rfm_m ELSE EXCLUDED.rfm_m END,
       rfm_segment = CASE WHEN EXCLUDED.rfm_at IS NULL THEN member.rfm_segment ELSE EXCLUDED.rfm_segment END,
       rfm_at = coalesce(EXCLUDED.rfm_at, member.rfm_at)`,
    [json(runs.map(memberRow))],
  );
}

function memberRow({ member: m, writes: w }: RunResult) {
  const rfm = w.rfmAt !== null && m.rfm ? { rfm_r: m.rfm.r, rfm_f: m.rfm.f, rfm_m: m.rfm.m, rfm_segment: m.rfm.segment, rfm_at: w.rfmAt } : {};
  return { id: m.id, order_count: m.orderCount, total_spent: m.totalSpent, first_purchase_at: m.firstPurchaseAt, last_purchase_at: m.lastPurchaseAt, tier: m.tier, tags: m.tags, attributes: w.attributePatch, sign_in_streak: m.signInStreak ?? 0, last_sign_in_day: m.lastSignInDay ?? null, ...rfm };
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
         INSERT INTO points_entry (member_id, kind, delta, remaining, reason, source, expires_at, at, idempotency_key, available_at, reason_parts)
         SELECT r.member_id, r.kind, r.delta, r.delta, r.reason, r.source, to_timestamp(r.expires_at / 1000), to_timestamp(r.at / 1000), r.key,
                to_timestamp(r.available_at / 1000), r.parts
         FROM jsonb_to_recordset($1::jsonb) AS r(member_id text, kind text, delta int, reason text, source text, expires_at float8, at float8, key text, available_at float8, parts jsonb)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING member_id, delta, idempotency_key
       ), coupons AS (
         -- A programme coupon (a streak bonus) goes in only with its points row: a replay inserts neither.
         INSERT INTO coupon (id, code, template, member_id, issued_at, expires_at)
         SELECT gen_random_uuid(), c.code, c.template, c.member_id, to_timestamp(c.at / 1000), to_timestamp(c.expires_at / 1000)
         FROM jsonb_to_recordset($2::jsonb) AS c(member_id text, template text, code text, at float8, expires_at float8, key text)
         WHERE c.key IN (SELECT idempotency_key FROM added)
       )
       UPDATE member m SET points_balance = points_balance + a.sum
       FROM (SELECT member_id, sum(delta) AS sum FROM added GROUP BY member_id) a WHERE m.id = a.member_id`,
      [
        json(lots.map((op) => ({ member_id: op.memberId, kind: op.kind, delta: op.delta, reason: op.reason, source: op.source, expires_at: op.expiresAt, at: op.at, key: op.key, available_at: op.availableAt ?? null, parts: op.parts ?? null }))),
        json(runs.flatMap((r) => r.writes.programmeCoupons.map((c) => ({ member_id: r.member.id, template: c.template, code: c.code, at: c.at, expires_at: c.expiresAt, key: c.key })))),
      ],
    );
  }
  for (const op of ops.filter((o) => o.delta < 0)) await applyPoints(c, op, true);
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
