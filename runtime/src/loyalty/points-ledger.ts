import type pg from 'pg';
import { HttpError } from '../api/http-error.ts';

import type { PointsOp } from '@memberflow/shared/runner/runner-writes';
export type { PointsOp };

export class InsufficientPoints extends Error {}

import { MAX_POINTS_BALANCE } from '@memberflow/shared/loyalty-program';
export { MAX_POINTS_BALANCE };

/**
 * Applies one change to the ledger and the member's balance, inside the caller's transaction
 * (which must hold the member's lane lock). Returns the new balance, or null when the key was
 * applied before.
 */
export async function applyPoints(c: pg.ClientBase, op: PointsOp, allowNegative = false): Promise<number | null> {
  if (op.delta === 0) return null;
  if (op.key) {
    const seen = await c.query('SELECT 1 FROM points_entry WHERE idempotency_key = $1', [op.key]);
    if (seen.rowCount) return null;
  }
  const bal = (await c.query<{ points_balance: number }>('SELECT points_balance FROM member WHERE id = $1 FOR UPDATE', [op.memberId])).rows[0];
  if (!bal) throw new Error(`member ${op.memberId} does not exist`);
  const after = bal.points_balance + op.delta;
  if (Math.abs(after) > MAX_POINTS_BALANCE) {
    const message = `the balance would be ${after}, beyond the ${MAX_POINTS_BALANCE.toLocaleString('en-US')} points a member can hold`;
    throw new HttpError(409, { error: `Cannot change points: ${message}`, issues: [{ field: 'points', message }] });
  }
  if (op.delta < 0) await spendLots(c, op, bal.points_balance, allowNegative);
  await c.query(
    `INSERT INTO points_entry (member_id, kind, delta, remaining, reason, source, expires_at, at, idempotency_key, available_at, reason_parts)
     VALUES ($1, $2, $3, $4, $5, $6, to_timestamp($7::float8 / 1000), to_timestamp($8::float8 / 1000), $9, to_timestamp($10::float8 / 1000), $11)`,
    [op.memberId, op.kind, op.delta, Math.max(op.delta, 0), op.reason, op.source, op.expiresAt, op.at, op.key, op.availableAt ?? null, op.parts ? JSON.stringify(op.parts) : null],
  );
  const r = await c.query<{ points_balance: number }>('UPDATE member SET points_balance = points_balance + $2, updated_at = now() WHERE id = $1 RETURNING points_balance', [op.memberId, op.delta]);
  return r.rows[0]!.points_balance;
}

/**
 * Spends lots for a deduction: spendable lots first (those expiring first, then the oldest),
 * so points still in their protection period are never redeemed. Only a forced deduction
 * (allowNegative: the runner's, or a programme allowing negative balances) reaches into
 * protected lots, then goes negative, so the lots always add up to the balance.
 */
async function spendLots(c: pg.ClientBase, op: PointsOp, balance: number, allowNegative: boolean): Promise<void> {
  const need = -op.delta;
  if (!allowNegative) {
    const { available, pending } = await pointsSplit(c, op.memberId, op.at, balance);
    if (available < need) {
      const held = pending.length ? ` to spend (${pending.reduce((s, p) => s + p.points, 0)} more become spendable from ${new Date(pending[0]!.availableAt).toISOString()})` : '';
      throw new InsufficientPoints(`member has ${available} points${held}, ${need} needed`);
    }
  }
  await c.query(
    `WITH lots AS (
       SELECT id, remaining, sum(remaining) OVER (ORDER BY coalesce(available_at > to_timestamp($3::float8 / 1000), false), expires_at NULLS LAST, at, id) - remaining AS before
       FROM points_entry WHERE member_id = $1 AND remaining > 0
     )
     UPDATE points_entry p SET remaining = p.remaining - LEAST(p.remaining, GREATEST($2 - lots.before, 0))
     FROM lots WHERE p.id = lots.id AND lots.before < $2`,
    [op.memberId, need, op.at],
  );
}

/** The balance split at `now`: what may be spent, and lots still in their protection period (soonest first). */
export async function pointsSplit(c: pg.ClientBase | pg.Pool, memberId: string, now: number, balance: number): Promise<{ available: number; pending: { points: number; availableAt: number }[] }> {
  const { rows } = await c.query<{ remaining: number; available_at: Date }>(
    `SELECT remaining, available_at FROM points_entry WHERE member_id = $1 AND remaining > 0 AND available_at > to_timestamp($2::float8 / 1000) ORDER BY available_at`,
    [memberId, now],
  );
  const pending = rows.map((r) => ({ points: r.remaining, availableAt: r.available_at.getTime() }));
  return { available: balance - pending.reduce((s, p) => s + p.points, 0), pending };
}

/**
 * Expires what is left of lots past their date: an `expire` row per lot, balances reduced.
 * Set-based, so one statement handles any number of members. Returns members and balances.
 */
export async function expireDuePoints(c: pg.ClientBase | pg.Pool, now: number): Promise<{ memberId: string; expired: number; balance: number }[]> {
  const { rows } = await c.query<{ member_id: string; expired: number; balance: number }>(
    `WITH lots AS (
       SELECT id, member_id, remaining, expires_at FROM points_entry
       WHERE remaining > 0 AND expires_at <= to_timestamp($1::float8 / 1000) FOR UPDATE
     ), due AS (
       -- RETURNING from the CTE gives what each lot held before it was zeroed.
       UPDATE points_entry p SET remaining = 0 FROM lots WHERE p.id = lots.id
       RETURNING lots.member_id, lots.remaining AS was, lots.expires_at
     ), lost AS (
       SELECT member_id, sum(was)::int AS expired, max(expires_at) AS at FROM due GROUP BY member_id
     ), rows AS (
       INSERT INTO points_entry (member_id, kind, delta, remaining, reason, source, at, idempotency_key)
       SELECT member_id, 'expire', -expired, 0, 'points expired', 'expiry', at, 'expire:' || member_id || ':' || (extract(epoch FROM at) * 1000)::bigint FROM lost
       ON CONFLICT (idempotency_key) DO NOTHING
     )
     UPDATE member m SET points_balance = m.points_balance - lost.expired, updated_at = now()
     FROM lost WHERE m.id = lost.member_id
     RETURNING m.id AS member_id, lost.expired, m.points_balance AS balance`,
    [now],
  );
  return rows.map((r) => ({ memberId: r.member_id, expired: r.expired, balance: r.balance }));
}

/** Lots that still hold points and will expire: what points-expiring triggers look at. */
export async function expiringLots(c: pg.ClientBase, memberId: string): Promise<{ points: number; expiresAt: number }[]> {
  const { rows } = await c.query<{ remaining: number; expires_at: Date }>(
    `SELECT remaining, expires_at FROM points_entry WHERE member_id = $1 AND remaining > 0 AND expires_at IS NOT NULL ORDER BY expires_at`,
    [memberId],
  );
  return rows.map((r) => ({ points: r.remaining, expiresAt: r.expires_at.getTime() }));
}
