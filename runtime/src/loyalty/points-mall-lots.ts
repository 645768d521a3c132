import type pg from 'pg';
import { applyPoints, InsufficientPoints } from './points-ledger.ts';
import { MallRefused } from './points-mall-errors.ts';

/** How many points a redemption took from one lot: a refund gives them back to that lot. */
export interface LotDraw {
  id: string;
  points: number;
}

async function lotRemaining(c: pg.ClientBase, memberId: string): Promise<Map<string, number>> {
  const { rows } = await c.query<{ id: string; remaining: number }>('SELECT id::text AS id, remaining FROM points_entry WHERE member_id = $1 AND remaining > 0', [memberId]);
  return new Map(rows.map((r) => [r.id, r.remaining]));
}

/**
 * Spends points through the ledger (lots expiring first, then oldest: the ledger decides) and
 * notes which lots paid. Inside the caller's transaction, which holds the member's lock.
 */
export async function spendPoints(c: pg.ClientBase, op: { memberId: string; points: number; reason: string; at: number; key: string }): Promise<{ balance: number; lots: LotDraw[] }> {
  const before = await lotRemaining(c, op.memberId);
  let balance: number | null;
  try {
    balance = await applyPoints(c, { memberId: op.memberId, delta: -op.points, kind: 'redeem', reason: op.reason, source: 'points_mall', at: op.at, expiresAt: null, key: op.key });
  } catch (e) {
    if (e instanceof InsufficientPoints) throw new MallRefused('points', `not enough points: ${e.message}`);
    throw e;
  }
  if (balance === null) throw new Error(`points-mall spend ${op.key} was applied before`);
  const after = await lotRemaining(c, op.memberId);
  const lots = [...before].map(([id, was]) => ({ id, points: was - (after.get(id) ?? 0) })).filter((d) => d.points > 0);
  return { balance, lots };
}

/**
 * Gives a redemption's points back: one ledger row of +points, whose points return to the lots
 * they came from (keeping those lots' expiry). Points of lots that have expired since stay on
 * the refund row as a lot of their own, without expiry: the sweep already took that lot.
 */
export async function refundPoints(c: pg.ClientBase, op: { memberId: string; points: number; reason: string; at: number; key: string; lots: LotDraw[] }): Promise<number> {
  const balance = await applyPoints(c, { memberId: op.memberId, delta: op.points, kind: 'adjust', reason: op.reason, source: 'points_mall', at: op.at, expiresAt: null, key: op.key });
  if (balance === null) throw new Error(`points-mall refund ${op.key} was applied before`);
  const restored = await c.query<{ points: number }>(
    `WITH back AS (
       SELECT (d->>'id')::bigint AS id, (d->>'points')::int AS points FROM jsonb_array_elements($1::jsonb) d
     )
     UPDATE points_entry p SET remaining = p.remaining + back.points FROM back
     WHERE p.id = back.id AND p.member_id = $2 AND (p.expires_at IS NULL OR p.expires_at > to_timestamp($3::float8 / 1000))
     RETURNING back.points`,
    [JSON.stringify(op.lots), op.memberId, op.at],
  );
  const back = restored.rows.reduce((s, r) => s + r.points, 0);
  await c.query('UPDATE points_entry SET remaining = remaining - $2 WHERE idempotency_key = $1', [op.key, back]);
  return balance;
}
