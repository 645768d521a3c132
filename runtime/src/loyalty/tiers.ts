import { MS_PER_DAY } from '@memberflow/shared/duration';
import type pg from 'pg';
import { PURCHASE_AMOUNT_SQL } from '../metrics/purchase-sql.ts';
import type { TierRow } from './program-store.ts';

/** What a member has on a tier's basis over its period, from the event and points ledgers. */
async function standing(c: pg.ClientBase, memberId: string, t: TierRow, now: number): Promise<number> {
  const since =
    t.period === 'lifetime' ? 0 : t.period === 'rolling_12m' ? now - 365 * MS_PER_DAY : Date.UTC(new Date(now).getUTCFullYear(), 0, 1);
  if (t.basis === 'spend') {
    const r = await c.query<{ s: string | null }>(
      `SELECT sum(${PURCHASE_AMOUNT_SQL}) AS s FROM event
       WHERE member_id = $1 AND type = 'purchase' AND processed_at IS NOT NULL AND occurred_at >= to_timestamp($2::float8 / 1000) AND occurred_at <= to_timestamp($3::float8 / 1000)`,
      [memberId, since, now],
    );
    return Number(r.rows[0]?.s ?? 0);
  }
  const r = await c.query<{ s: string | null }>(
    `SELECT sum(delta) AS s FROM points_entry WHERE member_id = $1 AND kind IN ('earn', 'adjust') AND delta > 0 AND at >= to_timestamp($2::float8 / 1000) AND at <= to_timestamp($3::float8 / 1000)`,
    [memberId, since, now],
  );
  return Number(r.rows[0]?.s ?? 0);
}

/** The highest tier whose threshold the member meets now, or null. */
export async function qualifyingTier(c: pg.ClientBase, memberId: string, tiers: TierRow[], now: number, extraSpend = 0): Promise<TierRow | null> {
  for (const t of [...tiers].sort((a, b) => b.rank - a.rank)) {
    const s = (await standing(c, memberId, t, now)) + (t.basis === 'spend' ? extraSpend : 0);
    if (s >= t.threshold) return t;
  }
  return null;
}

export const rankOf = (tiers: TierRow[], key: string | null) => (key === null ? 0 : (tiers.find((t) => t.key === key)?.rank ?? 0));
