import { z } from 'zod';

/** A member as lists of members show them (segments, RFM groups, churn warning). */
export const MemberRow = z.object({
  id: z.string(),
  name: z.string().nullable(),
  orderCount: z.number().int(),
  totalSpent: z.number(),
  lastPurchaseAt: z.string().nullable(),
  rfmSegment: z.string().nullable(),
});
export type MemberRow = z.infer<typeof MemberRow>;

/** ?limit&offset of a page of members. */
export const MemberPageQuery = z.object({
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').default(50),
  offset: z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').max(10_000_000).default(0),
});

export const MemberPage = z.object({ total: z.number().int(), members: z.array(MemberRow) });
export type MemberPage = z.infer<typeof MemberPage>;
