import type pg from 'pg';
import type { EngineDeps } from '../engine/member-lane.ts';
import { withMemberLocks } from '../members/member-lock.ts';
import { expireCoupons } from './coupons.ts';
import { expireDuePoints } from './points-ledger.ts';
import { readTiers } from './program-store.ts';
import { reviewTierBatch, tierReviewStatus } from './tier-review.ts';
import { qualifyingTier, rankOf } from '@memberflow/shared/runner/programme';
import { loadPointsEarned } from '../engine/lane-load.ts';
import { loadMemberFacts } from '../engine/member-facts-loader.ts';

export interface MaintenanceResult {
  pointsExpired: number;
  couponsExpired: number;
  downgraded: number;
  /** Members moved by re-rating after a ladder change (a page of members per run). */
  rerated: number;
}

/**
 * Periodic programme upkeep: expire points lots past their date, expire coupons, and review
 * tiers: a member whose standing no longer reaches their tier moves down to the one it does;
 * after a ladder change, every member is re-rated, a page per run (tier-review.ts).
 * Every change is raised as an event (points_changed, tier_changed) for workflows.
 */
export async function maintainLoyalty(deps: EngineDeps, raise: (memberId: string, type: string, props: Record<string, unknown>, at: number) => Promise<void>): Promise<MaintenanceResult> {
  const { db, clock } = deps;
  const now = clock.now();
  const expired = await expireDuePoints(db.pool, now);
  for (const e of expired) await raise(e.memberId, 'points_changed', { delta: -e.expired, balance: e.balance, reason: 'points expired' }, now);
  const couponsExpired = await expireCoupons(db.pool, now);

  const tiers = await readTiers(db.pool);
  let downgraded = 0;
  // While the ladder's re-rating runs it moves members both ways, saying why; the routine review waits.
  if (tiers.length && !(await tierReviewStatus(db.pool))?.pending) {
    const { rows } = await db.pool.query<{ id: string; tier: string }>(`SELECT id, tier FROM member WHERE tier IS NOT NULL AND deleted_at IS NULL ORDER BY id`);
    for (const m of rows) {
      const to = await withMemberLocks(db, [m.id], async (c: pg.PoolClient) => {
        // The same standing rule the runner applies on purchases, over the member as stored.
        const member = await loadMemberFacts(c, m.id, now);
        const q = qualifyingTier(tiers, member, await loadPointsEarned(c, m.id, now), now);
        if (rankOf(tiers, q?.key ?? null) >= rankOf(tiers, m.tier)) return undefined; // still qualifies
        await c.query('UPDATE member SET tier = $2, updated_at = now() WHERE id = $1', [m.id, q?.key ?? null]);
        return q?.key ?? null;
      });
      if (to === undefined) continue;
      downgraded++;
      await raise(m.id, 'tier_changed', { from: m.tier, tier: to, direction: 'down' }, now);
    }
  }
  const rerated = await reviewTierBatch(deps, raise);
  return { pointsExpired: expired.length, couponsExpired, downgraded, rerated };
}
