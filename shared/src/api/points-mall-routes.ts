import '../zod-messages.ts';
import { z } from 'zod';
import {
  MallItem,
  MallItemBody,
  MallRedeemBody,
  MallRedemption,
  MallRedemptionQuery,
  MallRefundBody,
  MallReport,
  MallReportQuery,
  StaffMallRedeemBody,
} from './points-mall.ts';
import { defineRoute } from './route-contract.ts';

const Items = z.object({ items: z.array(MallItem) });
const Redemptions = z.object({ redemptions: z.array(MallRedemption) });
const refusals =
  '409 names the reason in `issues` (field `points`: not enough points; `stock`: sold out; `perMemberLimit`: limit reached; `item`: archived; `couponTemplate`: its coupons are sold out or archived; `idempotencyKey`: the key was used for another redemption).';

/** The points mall: rewards members buy with points, redemptions and refunds. */
export const pointsMallRoutes = {
  items: defineRoute<z.infer<typeof Items>>()({
    method: 'GET',
    path: '/api/v1/points-mall/items',
    access: 'read',
    answer: Items,
    summary: 'Every reward of the points mall with its price, stock, limits and redemptions',
  }),
  saveItem: defineRoute<MallItem>()({
    method: 'PUT',
    path: '/api/v1/points-mall/items/:key',
    access: 'edit',
    body: MallItemBody,
    answer: MallItem,
    summary: 'Create or change a reward (the key: capitals, digits, "_" or "-")',
    description: 'A coupon reward names a coupon template; cash + points gives the cash part; a deduction gives the money off per `points` points and optional min/max points.',
    example: { body: { name: '10 off coupon', kind: 'coupon', couponTemplate: 'MALL10', pricing: 'points', points: 500, stock: 100, perMemberLimit: 1, limitPeriod: 'month' } },
  }),
  archiveItem: defineRoute<MallItem>()({
    method: 'POST',
    path: '/api/v1/points-mall/items/:key/archive',
    access: 'edit',
    answer: MallItem,
    summary: 'Archive a reward: it can no longer be redeemed; past redemptions stay',
  }),
  restoreItem: defineRoute<MallItem>()({
    method: 'POST',
    path: '/api/v1/points-mall/items/:key/restore',
    access: 'edit',
    answer: MallItem,
    summary: 'Put an archived reward back in the mall',
  }),
  redeem: defineRoute<MallRedemption>()({
    method: 'POST',
    path: '/api/v1/points-mall/:item/redeem',
    access: 'ingest',
    body: MallRedeemBody,
    answer: MallRedemption,
    summary: "Redeem a reward for a member with points (the shop's system); the same idempotencyKey answers the same redemption",
    description: `Spends the lots that expire first, then the oldest. ${refusals}`,
    example: { body: { memberId: 'm-1001', idempotencyKey: 'order-SO-20261203-17', orderId: 'SO-20261203-17' } },
  }),
  staffRedeem: defineRoute<MallRedemption>()({
    method: 'POST',
    path: '/api/v1/members/:id/points-mall/:item/redeem',
    access: 'edit',
    body: StaffMallRedeemBody,
    answer: MallRedemption,
    summary: "Redeem a reward for a member from the member's page (staff, audited)",
    description: refusals,
    example: { body: { idempotencyKey: '6f1c2c1e-staff-1' } },
  }),
  refund: defineRoute<MallRedemption>()({
    method: 'POST',
    path: '/api/v1/points-mall/redemptions/:id/refund',
    access: 'edit',
    body: MallRefundBody,
    answer: MallRedemption,
    summary: 'Refund a redemption: points back in the ledger, stock restored, an unused coupon voided (idempotent)',
    description: '409 when the coupon it issued was already used.',
    example: { body: { reason: 'Order returned' } },
  }),
  redemptions: defineRoute<z.infer<typeof Redemptions>>()({
    method: 'GET',
    path: '/api/v1/points-mall/redemptions',
    access: 'read',
    query: MallRedemptionQuery,
    answer: Redemptions,
    summary: 'Redemptions, newest first, by reward or member',
  }),
  report: defineRoute<MallReport>()({
    method: 'GET',
    path: '/api/v1/points-mall/report',
    access: 'read',
    query: MallReportQuery,
    answer: MallReport,
    summary: 'Redemptions, points spent and refunds per day and reward',
  }),
};
