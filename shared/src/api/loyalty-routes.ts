import '../zod-messages.ts';
import { z } from 'zod';
import { CouponTemplateBody, Redeem, type CouponTemplate } from './loyalty.ts';
import { defineRoute } from './route-contract.ts';

const RedeemAnswer = z.object({ code: z.string(), template: z.string(), kind: z.string().nullable(), discount: z.number() });

/** Coupon templates and the POS side of coupons; the back office's coupon pages are in coupon-admin.ts. */
export const loyaltyRoutes = {
  couponTemplates: defineRoute<{ templates: CouponTemplate[] }>()({
    method: 'GET',
    path: '/api/v1/coupon-templates',
    access: 'read',
    summary: 'Every coupon template with its usage rules, validity and issued count',
  }),
  saveCouponTemplate: defineRoute<CouponTemplate>()({
    method: 'PUT',
    path: '/api/v1/coupon-templates/:key',
    access: 'edit',
    body: CouponTemplateBody,
    summary: 'Create or change a coupon template (the key: capitals, digits, "_" or "-")',
    description: 'Give validityDays (days from issue) or a fixed validTo.',
    example: { body: { name: '10 off your next order', kind: 'amount_off', value: 10, minSpend: 50, validityDays: 30, oncePerMember: true } },
  }),
  redeem: defineRoute<z.infer<typeof RedeemAnswer>>()({
    method: 'POST',
    path: '/api/v1/coupons/:code/redeem',
    access: 'ingest',
    body: Redeem,
    answer: RedeemAnswer,
    summary: "Redeem a member's coupon at checkout: answers the discount",
    description: '404 when the code is not that member\'s; 409 when voided, redeemed, expired, not yet valid or below the minimum spend.',
    example: { body: { memberId: 'm-1001', orderAmount: 120, orderId: 'SO-20260301-17' } },
  }),
  expire: defineRoute<{ expired: number }>()({
    method: 'POST',
    path: '/api/v1/coupons/expire',
    access: 'edit',
    answer: z.object({ expired: z.number().int() }),
    summary: 'Mark issued coupons past their end as expired now (the upkeep does it too)',
  }),
};
