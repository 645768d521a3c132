import '../zod-messages.ts';
import { z } from 'zod';
import { PointsChange, Recharge, Spend } from './loyalty.ts';
import type { MemberCoupon, MemberRecord, MemberTrace, StoredEvent } from './member-records.ts';
import type { MemberPoints, MemberStoredValue } from './member-admin.ts';
import { MemberBatch, MemberBody, MemberEventsQuery, MemberSearch } from './members.ts';
import { defineRoute } from './route-contract.ts';

/** `?recreate=1` (or true) on PUT: an admin recreates an erased id as a new person. */
export const RecreateQuery = z.object({
  recreate: z
    .enum(['1', '0', 'true', 'false'], { error: 'must be 1 or 0' })
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

const Balance = z.object({ balance: z.number(), duplicate: z.boolean() });
type Balance = z.infer<typeof Balance>;
/** A recharge answers its bonus too, unless it was a repeat of an earlier idempotency key. */
const RechargeAnswer = z.union([
  z.object({ bonus: z.number(), balance: z.number(), duplicate: z.literal(false) }),
  z.object({ balance: z.number(), duplicate: z.literal(true) }),
]);

const points = (mode: 'award' | 'redeem') =>
  defineRoute<Balance>()({
    method: 'POST',
    path: `/api/v1/members/:id/points/${mode}`,
    access: 'ingest',
    body: PointsChange,
    answer: Balance,
    summary: mode === 'award' ? "Add points to a member's balance" : "Take points from a member's balance",
    description: 'A repeated idempotencyKey changes nothing and answers duplicate: true. 409 for an erased member or, on redeem, too few points.',
    example: { body: { points: 200, reason: mode === 'award' ? 'Store opening bonus' : 'Gift redeemed at the counter', idempotencyKey: `pos-4711-${mode}` } },
  });

export const memberRoutes = {
  search: defineRoute<{ members: MemberRecord[]; next: string | null }>()({
    method: 'GET',
    path: '/api/v1/members',
    access: 'read',
    query: MemberSearch,
    summary: 'Search members by id, name, email or phone, tier, tag or RFM segment',
    description: 'Keyset paging by id: pass the previous page\'s `next` as `after`.',
  }),
  upsertBatch: defineRoute<{ upserted: number }>()({
    method: 'POST',
    path: '/api/v1/members',
    access: 'ingest',
    body: MemberBatch,
    answer: z.object({ upserted: z.number().int() }),
    summary: 'Create or update up to 1,000 members',
    description: 'Omitted fields stay as they are. An erased id is a 409 and nothing is stored.',
    example: { body: { members: [{ id: 'm-1001', name: 'Li Na', phone: '+86 138 0013 8000', tags: ['vip'], consents: { sms: true } }] } },
  }),
  upsert: defineRoute<MemberRecord>()({
    method: 'PUT',
    path: '/api/v1/members/:id',
    access: 'ingest',
    body: MemberBody,
    query: RecreateQuery,
    summary: 'Create or update one member',
    description: 'An erased id is a 409, unless an admin adds `?recreate=1` (a new person with that id).',
    example: { body: { name: 'Li Na', email: 'li.na@example.com', timeZone: 'Asia/Shanghai', attributes: { store: 'SH-01' } } },
  }),
  get: defineRoute<MemberRecord>()({ method: 'GET', path: '/api/v1/members/:id', access: 'read', summary: 'One member with balances, tier and RFM scores' }),
  erase: defineRoute<{ erased: true }>()({
    method: 'DELETE',
    path: '/api/v1/members/:id',
    access: 'admin',
    answer: z.object({ erased: z.literal(true) }),
    summary: "Erase a member's personal data (right to be forgotten)",
    description: 'Final: anonymous ledger totals stay, the id cannot be used again without `?recreate=1`.',
  }),
  journeys: defineRoute<MemberTrace>()({
    method: 'GET',
    path: '/api/v1/members/:id/journeys',
    access: 'read',
    summary: "A member's journeys with their steps, refused entries and standing with time triggers",
  }),
  events: defineRoute<{ events: StoredEvent[] }>()({
    method: 'GET',
    path: '/api/v1/members/:id/events',
    access: 'read',
    query: MemberEventsQuery,
    summary: "A member's recent events, newest first, each processed, pending or failed",
  }),
  coupons: defineRoute<{ coupons: MemberCoupon[] }>()({ method: 'GET', path: '/api/v1/members/:id/coupons', access: 'read', summary: "A member's coupons" }),
  points: defineRoute<MemberPoints>()({
    method: 'GET',
    path: '/api/v1/members/:id/points',
    access: 'read',
    summary: "A member's points balance, lots expiring soon and the latest 200 ledger entries",
  }),
  awardPoints: points('award'),
  redeemPoints: points('redeem'),
  storedValue: defineRoute<MemberStoredValue>()({
    method: 'GET',
    path: '/api/v1/members/:id/stored-value',
    access: 'read',
    summary: "A member's stored-value balance and the latest 200 entries",
  }),
  recharge: defineRoute<z.infer<typeof RechargeAnswer>>()({
    method: 'POST',
    path: '/api/v1/members/:id/stored-value/recharge',
    access: 'ingest',
    body: Recharge,
    answer: RechargeAnswer,
    summary: "Add to a member's stored value (with the programme's recharge bonus)",
    description: 'Raises a recharge event, as workflows expect. A repeated idempotencyKey answers duplicate: true.',
    example: { body: { amount: 500, idempotencyKey: 'pos-4711-recharge' } },
  }),
  spend: defineRoute<Balance>()({
    method: 'POST',
    path: '/api/v1/members/:id/stored-value/spend',
    access: 'ingest',
    body: Spend,
    answer: Balance,
    summary: "Pay from a member's stored value",
    description: '409 when the balance is too low.',
    example: { body: { amount: 88.5, orderId: 'SO-20260301-17', idempotencyKey: 'pos-4711-spend' } },
  }),
};
