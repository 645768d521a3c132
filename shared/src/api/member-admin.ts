import '../zod-messages.ts';
import { z } from 'zod';
import { MemberInput } from './members.ts';
import { defineRoute } from './route-contract.ts';

const m = MemberInput.shape;

/** PATCH /api/v1/members/:id from the Members page: what staff may change; omitted fields stay. */
export const MemberProfileBody = z
  .object({
    name: m.name,
    phone: m.phone,
    email: m.email,
    birthday: m.birthday,
    timeZone: m.timeZone,
    tags: m.tags,
    consents: m.consents,
    attributes: m.attributes,
  })
  .strict();
export type MemberProfileBody = z.infer<typeof MemberProfileBody>;

/** A manual points adjustment: signed, never zero, always with a reason (kept in the ledger and the audit log). */
export const PointsAdjustBody = z.object({
  delta: z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(-10_000_000, 'must be at least -10,000,000')
    .max(10_000_000, 'must be at most 10,000,000')
    .refine((n) => n !== 0, 'must not be 0'),
  reason: z.string({ error: 'say why' }).trim().min(1, 'say why').max(200, 'must be at most 200 characters'),
});

/** Points staff give a member (a goodwill gift, a prize): always with a reason, kept in the ledger and the audit log. */
export const PointsGiftBody = z.object({
  points: z
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(10_000_000, 'must be at most 10,000,000'),
  reason: z.string({ error: 'say why' }).trim().min(1, 'say why').max(200, 'must be at most 200 characters'),
  idempotencyKey: z.string().min(1).max(200).optional(),
});
export type PointsGiftBody = z.infer<typeof PointsGiftBody>;

/** GET /api/v1/members/:id/points */
export interface MemberPoints {
  balance: number;
  /** What may be spent now: the balance less lots still in their protection period. */
  available: number;
  /** Lots in their protection period, soonest spendable first. */
  pending: { points: number; availableAt: string }[];
  expiring: { points: number; expiresAt: string }[];
  ledger: {
    kind: 'earn' | 'redeem' | 'expire' | 'adjust' | 'gift';
    delta: number;
    remaining: number;
    reason: string;
    /** The reason as message keys (ledger.<key>) and values, when the programme wrote it. */
    reasonParts: { key: string; vars: Record<string, string | number> }[] | null;
    source: string;
    at: string;
    expiresAt: string | null;
    availableAt: string | null;
  }[];
}

/** GET /api/v1/members/:id/stored-value */
export interface MemberStoredValue {
  balance: number;
  history: {
    kind: 'recharge' | 'bonus' | 'spend' | 'refund' | 'adjust';
    amount: number;
    balanceAfter: number;
    reason: string;
    at: string;
  }[];
}

/** GET /api/v1/imports/:id: a member CSV import as it runs, with the first 1,000 problems by line and field. */
export interface ImportJobStatus {
  id: string;
  kind: 'members_csv' | 'cdnow';
  status: 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  failed: number;
  errors: { row: number; field: string; message: string }[];
  createdAt: string;
  finishedAt: string | null;
}

export const memberAdminRoutes = {
  updateProfile: defineRoute<{ id: string }>()({
    method: 'PATCH',
    path: '/api/v1/members/:id',
    summary: "Edit a member's profile, tags and consents",
    example: { body: { name: '李雷', phone: '13800000001', tags: ['vip'], consents: { sms: true } } },
    access: 'edit',
    body: MemberProfileBody,
  }),
  /** Tags members carry, most used first: the inspector's tag picker suggests them. */
  tags: defineRoute<{ tags: { tag: string; members: number }[] }>()({
    method: 'GET',
    path: '/api/v1/member-tags',
    summary: 'Tags in use, with how many members carry each',
    access: 'read',
  }),
  adjustPoints: defineRoute<{ balance: number }>()({
    method: 'POST',
    path: '/api/v1/members/:id/points/adjust',
    summary: 'Add or take points by hand, saying why',
    example: { body: { delta: 200, reason: 'Goodwill after a late delivery' } },
    access: 'edit',
    body: PointsAdjustBody,
  }),
  giftPoints: defineRoute<{ balance: number; duplicate: boolean }>()({
    method: 'POST',
    path: '/api/v1/members/:id/points/gift',
    summary: 'Give a member points as staff, saying why (a ledger gift, audited)',
    example: { body: { points: 300, reason: 'Prize: store anniversary draw', idempotencyKey: 'draw-2026-07' } },
    access: 'edit',
    body: PointsGiftBody,
  }),
};
