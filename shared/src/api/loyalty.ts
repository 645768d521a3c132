import '../zod-messages.ts';
import { z } from 'zod';
import { notYearZero, YEAR_ZERO_MESSAGE } from '../json-input.ts';

const Money = z.number().positive('must be greater than 0').max(100_000_000);
const Key = z.string().min(1).max(200).optional();

export const PointsChange = z.object({
  points: z.number().int('must be a whole number').positive('must be greater than 0').max(10_000_000),
  reason: z.string().min(1, 'say why').max(200),
  idempotencyKey: Key,
});

export const Recharge = z.object({ amount: Money, idempotencyKey: Key });
export const Spend = z.object({ amount: Money, orderId: z.string().max(100).optional(), idempotencyKey: Key });

const couponTemplateFields = {
  name: z.string().min(1, 'give the template a name').max(120),
  kind: z.enum(['amount_off', 'percent_off', 'free_shipping', 'gift']),
  value: z.number().min(0).max(1_000_000).default(0),
  minSpend: z.number().min(0).max(100_000_000).default(0),
  validityDays: z.number().int().min(1).max(3650).nullable().default(null),
  validFrom: z.iso.datetime({ offset: true }).refine(notYearZero, YEAR_ZERO_MESSAGE).nullable().default(null),
  validTo: z.iso.datetime({ offset: true }).refine(notYearZero, YEAR_ZERO_MESSAGE).nullable().default(null),
  oncePerMember: z.boolean().default(false),
  stockLimit: z.number().int().min(1).max(1_000_000_000).nullable().default(null),
};
type CouponTemplateFields = z.infer<z.ZodObject<typeof couponTemplateFields>>;

function checkCouponTemplate(t: CouponTemplateFields, ctx: z.RefinementCtx): void {
  if (t.kind === 'percent_off' && (t.value <= 0 || t.value > 100)) ctx.addIssue({ code: 'custom', path: ['value'], message: 'a percentage must be 1-100' });
  if (t.kind === 'amount_off' && t.value <= 0) ctx.addIssue({ code: 'custom', path: ['value'], message: 'an amount off must be greater than 0' });
  if (t.validityDays === null && t.validTo === null) ctx.addIssue({ code: 'custom', path: ['validityDays'], message: 'set validity days or a fixed end date' });
  if (t.validFrom && t.validTo && Date.parse(t.validFrom) >= Date.parse(t.validTo)) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'must be after validFrom' });
}

export const CouponTemplateKey = z.string().min(1).max(40).regex(/^[A-Z0-9_-]+$/, 'use capitals, digits, "_" or "-" (e.g. COMEBACK10)');

/** PUT /api/v1/coupon-templates/:key: the template without its key (the path names it). */
export const CouponTemplateBody = z.object(couponTemplateFields).superRefine(checkCouponTemplate);

export const CouponTemplateInput = z.object({ key: CouponTemplateKey, ...couponTemplateFields }).superRefine(checkCouponTemplate);
export type CouponTemplateInput = z.infer<typeof CouponTemplateInput>;

export const Redeem = z.object({
  memberId: z.string().min(1, 'is required').max(128),
  orderAmount: z.number().min(0).max(100_000_000).default(0),
  orderId: z.string().max(100).optional(),
});

export const TierInput = z.object({
  key: z.string().min(1).max(40).regex(/^[a-z0-9_]+$/, 'use lowercase letters, digits and "_"'),
  name: z.string().min(1).max(60),
  rank: z.number().int().min(1).max(100),
  basis: z.enum(['spend', 'points']).default('spend'),
  period: z.enum(['lifetime', 'calendar_year', 'rolling_12m']).default('lifetime'),
  // Stored as numeric(14, 2): at most 10 billion in spend or points.
  threshold: z.number().min(0).max(10_000_000_000),
  pointsMultiplier: z.number().min(0).max(100).default(1),
  benefits: z.string().max(1000).default(''),
});
export type TierInput = z.infer<typeof TierInput>;
export const TierList = z
  .object({ tiers: z.array(TierInput).max(20) })
  .superRefine((v, ctx) => {
    const ranks = new Set<number>();
    v.tiers.forEach((t, i) => {
      if (ranks.has(t.rank)) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'rank'], message: `rank ${t.rank} is used twice` });
      ranks.add(t.rank);
    });
  });

/** A coupon template as the API returns it (GET /api/v1/coupon-templates); dates are epoch ms. */
export interface CouponTemplate {
  key: string;
  name: string;
  kind: 'amount_off' | 'percent_off' | 'free_shipping' | 'gift';
  value: number;
  minSpend: number;
  validityDays: number | null;
  validFrom: number | null;
  validTo: number | null;
  oncePerMember: boolean;
  stockLimit: number | null;
  issuedCount: number;
  /** When it was archived (epoch ms): it issues no more coupons. Null while in use. */
  archivedAt: number | null;
}
