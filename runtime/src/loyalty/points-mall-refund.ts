import type { MallRedemption } from '@memberflow/shared/api/points-mall';
import type pg from 'pg';
import type { Database } from '../db/database.ts';
import { withMemberLocks } from '../members/member-lock.ts';
import { MallNotFound, MallRefused } from './points-mall-errors.ts';
import { refundPoints, type LotDraw } from './points-mall-lots.ts';
import { readRedemption } from './points-mall-redemptions.ts';

interface Held {
  member_id: string;
  item_key: string;
  points: number;
  status: string;
  coupon_code: string | null;
  lots: LotDraw[];
}

/** Voids the coupon a redemption issued, if still unused; a used coupon means the reward was consumed. */
async function voidIssuedCoupon(c: pg.ClientBase, code: string, reason: string, now: number): Promise<void> {
  const coupon = (await c.query<{ status: string; expires_at: Date | null }>('SELECT status, expires_at FROM coupon WHERE code = $1 FOR UPDATE', [code])).rows[0];
  if (!coupon || coupon.status === 'voided' || coupon.status === 'expired') return;
  if (coupon.status === 'redeemed') throw new MallRefused('coupon', `coupon ${code} was already used: the reward cannot be refunded`);
  if (coupon.expires_at && coupon.expires_at.getTime() <= now) return;
  await c.query(`UPDATE coupon SET status = 'voided', voided_at = to_timestamp($2::float8 / 1000), void_reason = $3 WHERE code = $1`, [code, now, reason]);
}

/**
 * Refunds a redemption: its points back as a ledger row (to the lots they came from), the
 * reward's stock restored and an unused coupon voided. Refunding again answers the same refund.
 * Returns the redemption, whether this call refunded it and the balance after.
 */
export async function refundRedemption(db: Database, id: string, reason: string, now: number): Promise<{ redemption: MallRedemption; refunded: boolean; balance: number | null }> {
  const { memberId } = await readRedemption(db.pool, id);
  return withMemberLocks(db, [memberId], async (c) => {
    const r = (await c.query<Held>('SELECT member_id, item_key, points, status, coupon_code, lots FROM points_mall_redemption WHERE id = $1 FOR UPDATE', [id])).rows[0];
    if (!r) throw new MallNotFound(`No redemption ${id}`);
    if (r.status === 'refunded') return { redemption: await readRedemption(c, id), refunded: false, balance: null };
    if (r.coupon_code) await voidIssuedCoupon(c, r.coupon_code, `points mall refund: ${reason}`, now);
    const balance = await refundPoints(c, { memberId, points: r.points, reason: `points mall refund: ${r.item_key} (${reason})`, at: now, key: `mall-refund:${id}`, lots: r.lots });
    // Row lock on the reward after the member's lock, in the same order as a redemption takes them.
    await c.query('SELECT 1 FROM points_mall_item WHERE key = $1 FOR UPDATE', [r.item_key]);
    await c.query('UPDATE points_mall_item SET stock = stock + 1 WHERE key = $1 AND stock IS NOT NULL', [r.item_key]);
    await c.query('UPDATE points_mall_item SET redeemed_count = greatest(redeemed_count - 1, 0) WHERE key = $1', [r.item_key]);
    await c.query(`UPDATE points_mall_redemption SET status = 'refunded', refunded_at = to_timestamp($2::float8 / 1000), refund_reason = $3 WHERE id = $1`, [id, now, reason]);
    return { redemption: await readRedemption(c, id), refunded: true, balance };
  });
}
