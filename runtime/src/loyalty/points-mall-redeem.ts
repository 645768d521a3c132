import { randomUUID } from 'node:crypto';
import type { MallItem, MallRedemption } from '@memberflow/shared/api/points-mall';
import type pg from 'pg';
import type { Database } from '../db/database.ts';
import { withMemberLocks } from '../members/member-lock.ts';
import { couponCode } from './coupon-code.ts';
import { readCouponTemplates, reserveStock } from './coupons.ts';
import { MallInvalid, MallNotFound, MallRefused } from './points-mall-errors.ts';
import { readMallItem } from './points-mall-items.ts';
import { spendPoints } from './points-mall-lots.ts';
import { readRedemption } from './points-mall-redemptions.ts';

export interface RedeemRequest {
  memberId: string;
  item: string;
  idempotencyKey: string;
  /** Points to spend on a deduction reward. */
  points?: number | undefined;
  orderId?: string | undefined;
  source: 'api' | 'staff';
  actor: string;
}

/** What the reward costs this time: points, the cash the shop collects, the money off an order. */
export function priceOf(item: MallItem, asked: number | undefined): { points: number; cash: number; deduction: number } {
  if (item.pricing === 'points') return { points: item.points, cash: 0, deduction: 0 };
  if (item.pricing === 'cash_points') return { points: item.points, cash: item.cash, deduction: 0 };
  const min = item.deductionMinPoints ?? item.points;
  const points = asked ?? min;
  if (points % item.points) throw new MallInvalid('points', `must be a multiple of ${item.points}`);
  if (points < min) throw new MallInvalid('points', `must be at least ${min}`);
  if (item.deductionMaxPoints !== null && points > item.deductionMaxPoints) throw new MallInvalid('points', `must be at most ${item.deductionMaxPoints}`);
  return { points, cash: 0, deduction: Math.round((points / item.points) * (item.deductionValue ?? 0) * 100) / 100 };
}

/** Refuses an archived or sold-out reward, or a member at the reward's limit for the period. */
async function checkAvailable(c: pg.ClientBase, item: MallItem, memberId: string, now: number): Promise<void> {
  if (item.archivedAt) throw new MallRefused('item', `${item.key} is archived: it can no longer be redeemed`);
  if (item.stock !== null && item.stock <= 0) throw new MallRefused('stock', `${item.key} is out of stock`);
  if (item.perMemberLimit === null) return;
  const { rows } = await c.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM points_mall_redemption WHERE member_id = $1 AND item_key = $2 AND status = 'redeemed'
       AND ($3::text IS NULL OR at >= date_trunc($3, to_timestamp($4::float8 / 1000) AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')`,
    [memberId, item.key, item.limitPeriod, now],
  );
  if (rows[0]!.n >= item.perMemberLimit) {
    const per = item.limitPeriod ? ` per ${item.limitPeriod}` : '';
    throw new MallRefused('perMemberLimit', `${memberId} has redeemed ${item.key} ${rows[0]!.n} time(s): the limit is ${item.perMemberLimit}${per}`);
  }
}

/** Issues the reward's coupon the way coupons are issued elsewhere: template rules, its stock taken, a fresh code. */
async function issueCoupon(c: pg.ClientBase, template: string, memberId: string, now: number): Promise<string> {
  const t = (await readCouponTemplates(c)).get(template);
  if (!t || t.archivedAt !== null) throw new MallRefused('couponTemplate', `coupon template ${template} is ${t ? 'archived' : 'gone'}`);
  if (t.oncePerMember) {
    const held = await c.query('SELECT 1 FROM coupon WHERE member_id = $1 AND template = $2', [memberId, template]);
    if (held.rowCount) throw new MallRefused('couponTemplate', `once per member: ${memberId} already holds a ${template} coupon`);
  }
  if (!(await reserveStock(c, template))) throw new MallRefused('couponTemplate', `${template} coupons are sold out`);
  const code = couponCode(template);
  const expiresAt = t.validTo ?? (t.validityDays !== null ? now + t.validityDays * 86_400_000 : null);
  await c.query(
    `INSERT INTO coupon (id, code, template, member_id, issued_at, expires_at) VALUES (gen_random_uuid(), $1, $2, $3, to_timestamp($4::float8 / 1000), to_timestamp($5::float8 / 1000))`,
    [code, template, memberId, now, expiresAt],
  );
  return code;
}

/** The earlier answer for a replayed key; a key used for another member or reward is refused. */
async function replay(c: pg.ClientBase, r: RedeemRequest): Promise<MallRedemption | null> {
  const seen = (await c.query<{ id: string; member_id: string; item_key: string }>('SELECT id::text AS id, member_id, item_key FROM points_mall_redemption WHERE idempotency_key = $1', [r.idempotencyKey])).rows[0];
  if (!seen) return null;
  if (seen.member_id !== r.memberId || seen.item_key !== r.item) throw new MallRefused('idempotencyKey', `idempotency key ${r.idempotencyKey} was used for another redemption`);
  return readRedemption(c, seen.id);
}

/**
 * Redeems a reward for a member in one transaction: the member's lock, then the reward's row
 * lock, so two members after the last one in stock are decided one after the other. Returns the
 * redemption and whether it is new (a replayed key answers the first redemption again).
 */
export async function redeemMallItem(db: Database, r: RedeemRequest, now: number): Promise<{ redemption: MallRedemption; created: boolean }> {
  try {
    return await withMemberLocks(db, [r.memberId], async (c) => {
      const earlier = await replay(c, r);
      if (earlier) return { redemption: earlier, created: false };
      const member = (await c.query<{ deleted_at: Date | null }>('SELECT deleted_at FROM member WHERE id = $1', [r.memberId])).rows[0];
      if (!member) throw new MallNotFound(`Member ${r.memberId} not found`);
      if (member.deleted_at) throw new MallRefused('memberId', `member ${r.memberId} was erased`);
      const item = await readMallItem(c, r.item, true);
      await checkAvailable(c, item, r.memberId, now);
      const price = priceOf(item, r.points);
      const id = randomUUID();
      const spent = await spendPoints(c, { memberId: r.memberId, points: price.points, reason: `points mall: ${item.key}`, at: now, key: `mall:${id}` });
      const code = item.kind === 'coupon' ? await issueCoupon(c, item.couponTemplate!, r.memberId, now) : null;
      await c.query('UPDATE points_mall_item SET stock = stock - 1 WHERE key = $1 AND stock IS NOT NULL', [item.key]);
      await c.query('UPDATE points_mall_item SET redeemed_count = redeemed_count + 1 WHERE key = $1', [item.key]);
      await c.query(
        `INSERT INTO points_mall_redemption (id, item_key, member_id, idempotency_key, points, cash, deduction, coupon_code, order_id, balance_after, lots, source, actor, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, to_timestamp($14::float8 / 1000))`,
        [id, item.key, r.memberId, r.idempotencyKey, price.points, price.cash, price.deduction, code, r.orderId ?? null, spent.balance, JSON.stringify(spent.lots), r.source, r.actor, now],
      );
      return { redemption: await readRedemption(c, id), created: true };
    });
  } catch (e) {
    // The same key sent for another member at the same moment: the unique index decides.
    if ((e as { code?: string }).code === '23505' && String((e as { constraint?: string }).constraint).includes('idempotency'))
      throw new MallRefused('idempotencyKey', `idempotency key ${r.idempotencyKey} was used for another redemption`);
    throw e;
  }
}
