import '../zod-messages.ts';
import { z } from 'zod';
import type { CouponTemplate } from './loyalty.ts';
import { defineRoute } from './route-contract.ts';

export const COUPON_STATUSES = ['issued', 'redeemed', 'expired', 'voided'] as const;
export type CouponStatus = (typeof COUPON_STATUSES)[number];

/** One template's coupons by what became of them; `active` are issued and still valid. */
export interface CouponCounts {
  issued: number;
  active: number;
  redeemed: number;
  expired: number;
  voided: number;
  /** redeemed / issued, or null before any was issued. */
  redemptionRate: number | null;
}

export interface CouponReport {
  /** Counts over all time, by template key (templates without coupons are absent). */
  templates: Record<string, CouponCounts>;
  /** Per UTC day of the period and template: coupons issued and redeemed that day. */
  daily: { day: string; template: string; issued: number; redeemed: number }[];
  since: string;
}

export const CouponReportQuery = z.object({
  days: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(730, 'must be at most 730').default(90),
});

export const CouponListQuery = z.object({
  template: z.string().max(40).optional(),
  /** Part of a code, or a member id. */
  q: z.string().trim().max(128).optional(),
  status: z.enum(COUPON_STATUSES).optional(),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').default(50),
});

export interface CouponRow {
  code: string;
  template: string;
  memberId: string;
  status: CouponStatus;
  issuedAt: string;
  expiresAt: string | null;
  redeemedAt: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  orderId: string | null;
}

/** Redeemed at the counter by staff: the order it paid for. */
export const StaffRedeemBody = z.object({
  orderAmount: z.number({ error: 'must be a number' }).min(0, 'must be 0 or more').max(100_000_000).default(0),
  orderId: z.string().trim().max(100).optional(),
});

export const VoidCouponBody = z.object({
  reason: z.string({ error: 'say why' }).trim().min(1, 'say why').max(200, 'must be at most 200 characters'),
});

export interface RedeemResult {
  code: string;
  template: string;
  kind: string | null;
  discount: number;
}

export const couponRoutes = {
  report: defineRoute<CouponReport>()({
    method: 'GET',
    path: '/api/v1/coupon-report',
    summary: 'Issued, redeemed and expired coupons per template, with redemption rates',
    access: 'read',
    query: CouponReportQuery,
  }),
  list: defineRoute<{ coupons: CouponRow[] }>()({
    method: 'GET',
    path: '/api/v1/coupons',
    summary: 'Coupons, filtered by member, template or status',
    access: 'read',
    query: CouponListQuery,
  }),
  // Staff at the counter, from the back office (the till's own call is POST /api/v1/coupons/:code/redeem, ingest).
  redeem: defineRoute<RedeemResult>()({
    method: 'POST',
    path: '/api/v1/members/:id/coupons/:code/redeem',
    summary: "Redeem a member's coupon at the counter (staff, from the back office)",
    example: { body: { orderAmount: 128, orderId: 'POS-20261202-0042' } },
    access: 'edit',
    body: StaffRedeemBody,
  }),
  void: defineRoute<CouponRow>()({
    method: 'POST',
    path: '/api/v1/members/:id/coupons/:code/void',
    summary: "Void a member's coupon, saying why",
    example: { body: { reason: 'Issued by mistake' } },
    access: 'edit',
    body: VoidCouponBody,
  }),
  // Archived templates issue no more coupons; issued ones stay valid.
  archiveTemplate: defineRoute<CouponTemplate>()({
    method: 'POST',
    path: '/api/v1/coupon-templates/:key/archive',
    summary: 'Archive a coupon template: it issues no more coupons; issued ones stay valid',
    access: 'edit',
  }),
  restoreTemplate: defineRoute<CouponTemplate>()({
    method: 'POST',
    path: '/api/v1/coupon-templates/:key/restore',
    summary: 'Restore an archived coupon template',
    access: 'edit',
  }),
};
