/**
 * Retention metrics a marketer reads, from each customer's purchase history in a window.
 * Pure and browser-safe; the runtime aggregates purchases per customer in SQL and calls this.
 *
 * Definitions (months are calendar months in UTC):
 * - customers: members with at least one purchase in [from, to).
 * - repeat-purchase rate: customers with 2+ orders in the window / customers.
 * - average customer lifetime value (CLV): revenue in the window / customers; per cohort, the
 *   cohort's revenue from its first purchase up to `to` / the cohort's size.
 * - top-customer share: revenue of the top ⌈20%⌉ of customers by revenue / all revenue.
 * - cohort: the month of a member's first purchase ever; only cohorts starting in the window
 *   are reported (an earlier customer has no complete history in it).
 * - retention in month k: share of the cohort purchasing in its k-th month after the cohort
 *   month (k = 0 is the cohort month itself, always 100%).
 * - churn by month k: share of the cohort whose last purchase (up to `to`) came before month k,
 *   i.e. who never bought again from month k on. It only grows with k. Recent months overstate
 *   it: a customer may yet come back after `to`, so read the last two or three with care.
 */

export interface CustomerHistory {
  /** YYYY-MM of the first purchase ever, or null when that was before the window. */
  cohort: string | null;
  orders: number;
  revenue: number;
  /** Months after the cohort month with a purchase (0 = the cohort month), any order. */
  activeMonths: number[];
}

export interface CohortRow {
  cohort: string;
  size: number;
  revenue: number;
  clv: number;
  /** Customers of the cohort purchasing in month k, k = 0 up to the month holding `to`. */
  active: number[];
  retention: number[];
  churn: number[];
}

export interface RetentionMetrics {
  from: string;
  to: string;
  customers: number;
  orders: number;
  revenue: number;
  repeatCustomers: number;
  repeatPurchaseRate: number | null;
  averageClv: number | null;
  topCustomers: { share: number; customers: number; revenue: number; revenueShare: number | null };
  cohorts: CohortRow[];
}

/** Months since year 0 of a UTC instant: consecutive months differ by 1. */
export const monthNumber = (ms: number) => {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

const cohortNumber = (cohort: string) => Number(cohort.slice(0, 4)) * 12 + Number(cohort.slice(5, 7)) - 1;

/** Money is summed in cents so that 0.1 + 0.2 stays 0.3. */
const cents = (x: number) => Math.round(x * 100);

export function topRevenueShare(revenues: readonly number[], share = 0.2): { customers: number; revenue: number; revenueShare: number | null } {
  // ⌈share·n⌉ with a rounding guard (0.2·15 is 3.0000000000000004 in floating point).
  const n = Math.ceil(share * revenues.length - 1e-9);
  const sorted = [...revenues].sort((a, b) => b - a);
  const total = sorted.reduce((s, r) => s + cents(r), 0);
  const top = sorted.slice(0, n).reduce((s, r) => s + cents(r), 0);
  return { customers: n, revenue: top / 100, revenueShare: total === 0 ? null : top / total };
}

export function retentionMetrics(customers: readonly CustomerHistory[], window: { from: number; to: number }, topShare = 0.2): RetentionMetrics {
  const revenueCents = customers.reduce((s, c) => s + cents(c.revenue), 0);
  const repeatCustomers = customers.filter((c) => c.orders >= 2).length;
  const lastMonth = monthNumber(window.to - 1);

  const byCohort = new Map<string, CustomerHistory[]>();
  for (const c of customers) if (c.cohort !== null) byCohort.set(c.cohort, [...(byCohort.get(c.cohort) ?? []), c]);
  const cohorts = [...byCohort.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cohort, members]): CohortRow => {
      const months = Math.max(1, lastMonth - cohortNumber(cohort) + 1);
      const active = new Array<number>(months).fill(0);
      // lastIn[k]: customers whose last purchase was in month k; churn(k) sums them below k.
      const lastIn = new Array<number>(months).fill(0);
      for (const m of members) {
        for (const k of new Set(m.activeMonths)) if (k >= 0 && k < months) active[k]!++;
        lastIn[Math.min(months - 1, Math.max(0, ...m.activeMonths))]!++;
      }
      const size = members.length;
      const revenue = members.reduce((s, m) => s + cents(m.revenue), 0) / 100;
      let gone = 0;
      const churn = active.map((_, k) => {
        if (k > 0) gone += lastIn[k - 1]!;
        return gone / size;
      });
      return { cohort, size, revenue, clv: revenue / size, active, retention: active.map((a) => a / size), churn };
    });

  return {
    from: new Date(window.from).toISOString(),
    to: new Date(window.to).toISOString(),
    customers: customers.length,
    orders: customers.reduce((s, c) => s + c.orders, 0),
    revenue: revenueCents / 100,
    repeatCustomers,
    repeatPurchaseRate: customers.length ? repeatCustomers / customers.length : null,
    averageClv: customers.length ? revenueCents / 100 / customers.length : null,
    topCustomers: { share: topShare, ...topRevenueShare(customers.map((c) => c.revenue), topShare) },
    cohorts,
  };
}

/**
 * Churn by month k over every cohort old enough to have a month k, weighted by cohort size: the
 * share of those customers whose last purchase came before month k. Young cohorts drop out of
 * the later points instead of pulling them down.
 */
export function churnCurve(cohorts: readonly Pick<CohortRow, 'size' | 'churn'>[]): { month: number; churn: number; customers: number }[] {
  const months = Math.max(0, ...cohorts.map((c) => c.churn.length));
  return Array.from({ length: months }, (_, k) => {
    const reaching = cohorts.filter((c) => c.churn.length > k);
    const customers = reaching.reduce((s, c) => s + c.size, 0);
    const churned = reaching.reduce((s, c) => s + Math.round(c.churn[k]! * c.size), 0);
    return { month: k, churn: customers ? churned / customers : 0, customers };
  });
}
