import '../zod-messages.ts';
import { z } from 'zod';
import { CouponTemplateKey } from './loyalty.ts';

/** What a reward is: a coupon (issued from a template), a gift or a product the shop hands over. */
export const MALL_ITEM_KINDS = ['coupon', 'gift', 'product'] as const;
export type MallItemKind = (typeof MALL_ITEM_KINDS)[number];

/**
 * How it is paid: points only; points plus a cash amount the shop collects; or points taken
 * off an order (every `points` points are `deductionValue` money off, within min/max points).
 */
export const MALL_PRICINGS = ['points', 'cash_points', 'deduction'] as const;
export type MallPricing = (typeof MALL_PRICINGS)[number];

/** Per-member limits count within the current calendar period (UTC), or over all time when null. */
export const MALL_LIMIT_PERIODS = ['day', 'week', 'month', 'year'] as const;
export type MallLimitPeriod = (typeof MALL_LIMIT_PERIODS)[number];

export const MallItemKey = CouponTemplateKey;

const MAX_POINTS = 10_000_000;
const pointsField = z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(MAX_POINTS);
const money = z.number({ error: 'must be a number' }).min(0, 'must be 0 or more').max(100_000_000);

const itemFields = {
  name: z.string({ error: 'give the reward a name' }).trim().min(1, 'give the reward a name').max(120),
  description: z.string().max(1000).default(''),
  kind: z.enum(MALL_ITEM_KINDS, { error: 'must be coupon, gift or product' }),
  /** The coupon template a coupon reward issues (kind coupon only). */
  couponTemplate: MallItemKey.nullable().default(null),
  pricing: z.enum(MALL_PRICINGS, { error: 'must be points, cash_points or deduction' }),
  /** The points price; for a deduction, the points that make one step of money off. */
  points: pointsField,
  /** The cash part of a cash + points price (0 otherwise). */
  cash: money.default(0),
  /** Money off per `points` points (deduction only). */
  deductionValue: money.nullable().default(null),
  deductionMinPoints: pointsField.nullable().default(null),
  deductionMaxPoints: pointsField.nullable().default(null),
  /** Left to redeem; null is unlimited. */
  stock: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(0, 'must be 0 or more').max(1_000_000_000).nullable().default(null),
  /** Redemptions one member may make (per period when set); null is no limit. */
  perMemberLimit: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(1_000_000).nullable().default(null),
  limitPeriod: z.enum(MALL_LIMIT_PERIODS, { error: 'must be day, week, month or year' }).nullable().default(null),
};
type ItemFields = z.infer<z.ZodObject<typeof itemFields>>;

/** The rules between fields, each issue on the field to fix. */
function checkItem(t: ItemFields, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (t.kind === 'coupon' && !t.couponTemplate) issue('couponTemplate', 'pick the coupon template this reward issues');
  if (t.kind !== 'coupon' && t.couponTemplate) issue('couponTemplate', 'only a coupon reward issues a coupon');
  if (t.pricing === 'cash_points' && t.cash <= 0) issue('cash', 'a cash + points price needs a cash amount greater than 0');
  if (t.pricing !== 'cash_points' && t.cash > 0) issue('cash', 'only a cash + points price has a cash part');
  if (t.pricing === 'deduction') {
    if (!t.deductionValue) issue('deductionValue', 'say how much money off the points are worth');
    const min = t.deductionMinPoints ?? t.points;
    if (min % t.points) issue('deductionMinPoints', `must be a multiple of ${t.points}`);
    if (t.deductionMaxPoints !== null && t.deductionMaxPoints % t.points) issue('deductionMaxPoints', `must be a multiple of ${t.points}`);
    if (t.deductionMaxPoints !== null && t.deductionMaxPoints < min) issue('deductionMaxPoints', `must be at least ${min}`);
  } else if (t.deductionValue !== null || t.deductionMinPoints !== null || t.deductionMaxPoints !== null) {
    issue('deductionValue', 'only a points deduction has a money-off value and min/max');
  }
  if (t.limitPeriod !== null && t.perMemberLimit === null) issue('perMemberLimit', 'set how many per period, or clear the period');
}

/** PUT /api/v1/points-mall/items/:key: the reward without its key (the path names it). */
export const MallItemBody = z.object(itemFields).superRefine(checkItem);
export const MallItemInput = z.object({ key: MallItemKey, ...itemFields }).superRefine(checkItem);
export type MallItemInput = z.infer<typeof MallItemInput>;

export const MallItem = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(MALL_ITEM_KINDS),
  couponTemplate: z.string().nullable(),
  pricing: z.enum(MALL_PRICINGS),
  points: z.number().int(),
  cash: z.number(),
  deductionValue: z.number().nullable(),
  deductionMinPoints: z.number().int().nullable(),
  deductionMaxPoints: z.number().int().nullable(),
  stock: z.number().int().nullable(),
  perMemberLimit: z.number().int().nullable(),
  limitPeriod: z.enum(MALL_LIMIT_PERIODS).nullable(),
  /** Redemptions not refunded, over all time. */
  redeemed: z.number().int(),
  archivedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type MallItem = z.infer<typeof MallItem>;

const idempotencyKey = z.string({ error: 'is required: the same key answers the same redemption' }).trim().min(1, 'is required: the same key answers the same redemption').max(200);
const redeemFields = {
  idempotencyKey,
  /** Points to spend on a deduction (a multiple of the item's points, within its min/max); ignored otherwise. */
  points: pointsField.optional(),
  orderId: z.string().trim().max(100).optional(),
};

/** POST /api/v1/points-mall/:item/redeem: the shop's system redeems for a member. */
export const MallRedeemBody = z.object({ memberId: z.string({ error: 'is required' }).min(1, 'is required').max(128), ...redeemFields });
export type MallRedeemBody = z.infer<typeof MallRedeemBody>;
/** POST /api/v1/members/:id/points-mall/:item/redeem: staff on the member's page. */
export const StaffMallRedeemBody = z.object(redeemFields);

export const MallRefundBody = z.object({
  reason: z.string({ error: 'say why' }).trim().min(1, 'say why').max(200, 'must be at most 200 characters'),
});

export const MallRedemption = z.object({
  id: z.string(),
  item: z.string(),
  itemName: z.string(),
  kind: z.enum(MALL_ITEM_KINDS),
  pricing: z.enum(MALL_PRICINGS),
  memberId: z.string(),
  points: z.number().int(),
  /** Cash the shop collects (cash + points). */
  cash: z.number(),
  /** Money off the order (deduction). */
  deduction: z.number(),
  couponCode: z.string().nullable(),
  orderId: z.string().nullable(),
  /** Points left after this redemption. */
  balance: z.number().int(),
  status: z.enum(['redeemed', 'refunded']),
  source: z.enum(['api', 'staff']),
  at: z.string(),
  refundedAt: z.string().nullable(),
  refundReason: z.string().nullable(),
});
export type MallRedemption = z.infer<typeof MallRedemption>;

export const MallRedemptionQuery = z.object({
  item: z.string().max(40).optional(),
  memberId: z.string().max(128).optional(),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').default(50),
});

export const MallReportQuery = z.object({
  days: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(730, 'must be at most 730').default(30),
});

export const MallReport = z.object({
  /** Per UTC day and item: redemptions made that day and points they spent, refunds made that day. */
  daily: z.array(z.object({ day: z.string(), item: z.string(), redeemed: z.number().int(), points: z.number().int(), refunded: z.number().int() })),
  since: z.string(),
});
export type MallReport = z.infer<typeof MallReport>;
