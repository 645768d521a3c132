import type { JourneyCounts } from '@memberflow/shared/api/workflows';

/** The periods a dashboard offers, in days. Two years reach a seeded demo's first entries. */
export const DASHBOARD_PERIODS = [7, 30, 90, 365, 730] as const;

/**
 * The next longer period when nobody entered in this one but the workflow has journeys: a
 * dashboard opened on a quiet workflow should show its members, not zeros. Null to stay.
 */
export function widerPeriod(days: number, entered: number, journeys: JourneyCounts): number | null {
  const total = Object.values(journeys).reduce((s, n) => s + n, 0);
  if (entered > 0 || total === 0) return null;
  return DASHBOARD_PERIODS.find((p) => p > days) ?? null;
}
