import { z } from 'zod';
import type { RfmBoundaries, RfmGroup } from '../rfm.ts';

/** A date (2026-01-01, midnight UTC) or an ISO date-time, as epoch milliseconds. */
const Instant = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be a date like 2026-01-01 or an ISO date-time')
  .transform((s, ctx) => {
    const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: 'is not a real date' });
      return z.NEVER;
    }
    return ms;
  });

/** GET /api/v1/metrics?from&to: purchases in [from, to); from defaults to the beginning, to to now. */
export const MetricsQuery = z
  .object({ from: Instant.optional(), to: Instant.optional() })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, { message: 'must be after from', path: ['to'] });
export type MetricsQuery = z.infer<typeof MetricsQuery>;

/** GET /api/v1/rfm/summary */
export interface RfmSummary {
  computedAt: string | null;
  boundaries: RfmBoundaries | null;
  /** Members per named group, every group listed. */
  groups: Record<RfmGroup, number>;
  /** Members without a score (never bought, or not scored yet). */
  unscored: number;
}
