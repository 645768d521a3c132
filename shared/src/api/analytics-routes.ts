import '../zod-messages.ts';
import { z } from 'zod';
import type { RetentionMetrics } from '../retention-metrics.ts';
import { MetricsQuery } from './analytics.ts';
import { defineRoute } from './route-contract.ts';

export const CohortRowSchema = z.object({
  cohort: z.string(),
  size: z.number().int(),
  revenue: z.number(),
  clv: z.number(),
  active: z.array(z.number().int()),
  retention: z.array(z.number()),
  churn: z.array(z.number()),
});

/** Churn by month k over all cohorts that reached month k, weighted by cohort size. */
export const ChurnPoint = z.object({ month: z.number().int(), churn: z.number(), customers: z.number().int() });

export const RetentionReport = z.object({
  from: z.string(),
  /** The end of the period, or the end of the month of its last purchase when that is earlier (months without any purchase say nothing). */
  to: z.string(),
  customers: z.number().int(),
  orders: z.number().int(),
  revenue: z.number(),
  repeatCustomers: z.number().int(),
  repeatPurchaseRate: z.number().nullable(),
  averageClv: z.number().nullable(),
  topCustomers: z.object({
    share: z.number(),
    customers: z.number().int(),
    revenue: z.number(),
    revenueShare: z.number().nullable(),
  }),
  cohorts: z.array(CohortRowSchema),
  churnCurve: z.array(ChurnPoint),
  /** First and last applied purchase ever, for choosing a period. */
  history: z.object({ firstPurchaseAt: z.string().nullable(), lastPurchaseAt: z.string().nullable() }),
});
export type RetentionReport = z.infer<typeof RetentionReport>;

export const ChurnRiskQuery = z.object({
  /** At risk when the days since the last purchase reach this many times the member's usual gap. */
  factor: z.coerce.number('must be a number').min(1, 'must be at least 1').max(20, 'must be at most 20').default(1.5),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').default(50),
});

export const ChurnRiskMember = z.object({
  id: z.string(),
  name: z.string().nullable(),
  orderCount: z.number().int(),
  totalSpent: z.number(),
  lastPurchaseAt: z.string(),
  daysSinceLastPurchase: z.number().int(),
  /** Average days between their purchases: (last - first) / (orders - 1). */
  usualGapDays: z.number(),
  /** daysSinceLastPurchase / usualGapDays. */
  ratio: z.number(),
  rfmSegment: z.string().nullable(),
});

export const ChurnRiskReport = z.object({
  asOf: z.string(),
  factor: z.number(),
  /** Members with two or more purchases: only they have a usual gap. */
  considered: z.number().int(),
  atRisk: z.number().int(),
  /** Members by how far past their usual gap they are: [from, to) in multiples of it, to null = no end. */
  buckets: z.array(z.object({ from: z.number(), to: z.number().nullable(), members: z.number().int() })),
  /** The most valuable members at risk first. */
  members: z.array(ChurnRiskMember),
});
export type ChurnRiskReport = z.infer<typeof ChurnRiskReport>;

/** GET /api/v1/metrics: the retention metrics alone, as the shared computation returns them. */
const RetentionMetricsAnswer = RetentionReport.omit({ churnCurve: true, history: true });

export const analyticsRoutes = {
  metrics: defineRoute<RetentionMetrics>()({
    method: 'GET',
    path: '/api/v1/metrics',
    summary: 'Retention metrics over a period: repeat rate, revenue per member, conversions',
    access: 'read',
    query: MetricsQuery,
    answer: RetentionMetricsAnswer,
  }),
  retention: defineRoute<RetentionReport>()({
    method: 'GET',
    path: '/api/v1/analytics/retention',
    summary: 'Cohort retention by first-purchase month',
    access: 'read',
    query: MetricsQuery,
    answer: RetentionReport,
  }),
  churnRisk: defineRoute<ChurnRiskReport>()({
    method: 'GET',
    path: '/api/v1/analytics/churn-risk',
    summary: 'Members most at risk of lapsing',
    access: 'read',
    query: ChurnRiskQuery,
    answer: ChurnRiskReport,
  }),
};
