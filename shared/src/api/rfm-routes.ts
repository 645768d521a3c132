import '../zod-messages.ts';
import { z } from 'zod';
import { rfmGroups, type RfmGroup } from '../rfm.ts';
import type { RfmSummary } from './analytics.ts';
import { MemberPage, MemberPageQuery } from './member-row.ts';
import { defineRoute } from './route-contract.ts';

export const RfmGroupName = z.enum(rfmGroups);

const Score = z.coerce.number().int('must be a whole number').min(1, 'must be 1 to 5').max(5, 'must be 1 to 5');

/** One cell of the R×FM grid: recency score by FM = round((F + M) / 2). */
export const RfmCell = z.object({
  r: z.number().int(),
  fm: z.number().int(),
  group: RfmGroupName,
  members: z.number().int(),
  revenue: z.number(),
});

export const RfmGroupTotal = z.object({
  group: RfmGroupName,
  members: z.number().int(),
  /** Of scored members; null when nobody is scored. */
  memberShare: z.number().nullable(),
  revenue: z.number(),
  /** Of scored members' lifetime revenue; null when there is none. */
  revenueShare: z.number().nullable(),
});

export const RfmGrid = z.object({
  computedAt: z.string().nullable(),
  scored: z.number().int(),
  unscored: z.number().int(),
  revenue: z.number(),
  /** All 25 cells, R5 first. */
  cells: z.array(RfmCell),
  /** Every group, in the shared order. */
  groups: z.array(RfmGroupTotal),
});
export type RfmGrid = z.infer<typeof RfmGrid>;

/** ?group= or ?r=&fm= (one cell), with paging. */
export const RfmMembersQuery = MemberPageQuery.extend({
  group: RfmGroupName.optional(),
  r: Score.optional(),
  fm: Score.optional(),
}).refine((q) => (q.r === undefined) === (q.fm === undefined), {
  message: 'give both r and fm, or neither',
  path: ['fm'],
});

export const RfmProgress = z.object({
  running: z.boolean(),
  done: z.number().int(),
  total: z.number().int(),
  startedAt: z.string().nullable(),
});
export type RfmProgress = z.infer<typeof RfmProgress>;

const Boundaries = z.object({
  recency: z.array(z.number()),
  frequency: z.array(z.number()),
  monetary: z.array(z.number()),
  population: z.number().int(),
  asOf: z.number(),
});

/** What a recompute did: members scored, skipped (their lane rescored them meanwhile) and cleared. */
export const RfmRecomputeAnswer = z.object({
  scored: z.number().int(),
  skipped: z.number().int(),
  cleared: z.number().int(),
  boundaries: Boundaries,
  computedAt: z.string(),
});
export type RfmRecomputeAnswer = z.infer<typeof RfmRecomputeAnswer>;

const RfmSummaryAnswer: z.ZodType<RfmSummary> = z.object({
  computedAt: z.string().nullable(),
  boundaries: Boundaries.nullable(),
  groups: z.record(RfmGroupName, z.number().int()) as z.ZodType<Record<RfmGroup, number>>,
  unscored: z.number().int(),
});

export const rfmRoutes = {
  // Synchronous: a few batched statements per 2,000 members; progress is read from `progress` meanwhile.
  recompute: defineRoute<RfmRecomputeAnswer>()({
    method: 'POST',
    path: '/api/v1/rfm/recompute',
    summary: "Recompute every member's RFM scores in the background",
    access: 'edit',
    answer: RfmRecomputeAnswer,
  }),
  summary: defineRoute<RfmSummary>()({
    method: 'GET',
    path: '/api/v1/rfm/summary',
    summary: 'RFM segments and their members',
    access: 'read',
    answer: RfmSummaryAnswer,
  }),
  grid: defineRoute<RfmGrid>()({
    method: 'GET',
    path: '/api/v1/rfm/grid',
    summary: 'Members by recency and frequency score',
    access: 'read',
    answer: RfmGrid,
  }),
  members: defineRoute<MemberPage>()({
    method: 'GET',
    path: '/api/v1/rfm/members',
    summary: 'Members of an RFM segment or cell',
    access: 'read',
    query: RfmMembersQuery,
    answer: MemberPage,
  }),
  progress: defineRoute<RfmProgress>()({
    method: 'GET',
    path: '/api/v1/rfm/recompute/progress',
    summary: 'How far the RFM recompute has come',
    access: 'read',
    answer: RfmProgress,
  }),
};
