import { MS_PER_DAY } from '@memberflow/shared/duration';
import { meanLift, proportionLift } from '@memberflow/shared/lift';
import type { Database } from '../db/database.ts';
import { HOLDOUT_STATE } from '@memberflow/shared/journey-machine';
import { PURCHASE_AMOUNT_SQL } from '../metrics/purchase-sql.ts';
import { getWorkflow } from '../workflows/workflow-store.ts';

/**
 * What an admin reads for one workflow: entries, conversions and revenue per day; the
 * conversion rate; and, when a holdout exists, the lift on the goal metric (the workflow's
 * conversion event within its window after entry) and on revenue per member, with 95% CIs.
 */
export async function workflowDashboard(db: Database, id: string, days: number, now: number) {
  const wf = await getWorkflow(db, id);
  const conv = wf.draft.settings.conversion;
  const windowMs = conv.withinDays * MS_PER_DAY;
  const since = now - days * MS_PER_DAY;
  // One row per journey: treated or held out, converted within the window, revenue in the window.
  const perJourney = `
    SELECT j.id, j.entered_at, j.current_node = '${HOLDOUT_STATE}' AS held,
      EXISTS (SELECT 1 FROM event e WHERE e.member_id = j.member_id AND e.type = $2 AND e.processed_at IS NOT NULL
              AND e.occurred_at > j.entered_at AND e.occurred_at <= j.entered_at + make_interval(secs => $3::float8 / 1000)) AS converted,
      coalesce((SELECT sum(${PURCHASE_AMOUNT_SQL}) FROM event e WHERE e.member_id = j.member_id AND e.type = 'purchase'
              AND e.processed_at IS NOT NULL AND e.occurred_at > j.entered_at AND e.occurred_at <= j.entered_at + make_interval(secs => $3::float8 / 1000)), 0)::float8 AS revenue
    FROM journey j WHERE j.workflow_id = $1 AND j.entered_at >= to_timestamp($4::float8 / 1000)`;
  const params = [id, conv.eventType, windowMs, since];
  const daily = await db.pool.query<{ day: string; entries: number; conversions: number; revenue: number }>(
    `SELECT to_char(date_trunc('day', entered_at), 'YYYY-MM-DD') AS day, count(*)::int AS entries,
            count(*) FILTER (WHERE converted AND NOT held)::int AS conversions, sum(revenue) FILTER (WHERE NOT held)::float8 AS revenue
     FROM (${perJourney}) x GROUP BY 1 ORDER BY 1`,
    params,
  );
  const groups = await db.pool.query<{ held: boolean; n: number; x: number; sum: number; sum_sq: number }>(
    `SELECT held, count(*)::int AS n, count(*) FILTER (WHERE converted)::int AS x, sum(revenue)::float8 AS sum, sum(revenue * revenue)::float8 AS sum_sq
     FROM (${perJourney}) x GROUP BY held`,
    params,
  );
  const g = (held: boolean) => groups.rows.find((r) => r.held === held) ?? { n: 0, x: 0, sum: 0, sum_sq: 0 };
  const t = g(false);
  const h = g(true);
  return {
    workflow: { id, name: wf.name, status: wf.status, liveVersion: wf.liveVersion },
    period: { from: new Date(since).toISOString(), to: new Date(now).toISOString(), days },
    goal: { eventType: conv.eventType, withinDays: conv.withinDays },
    journeys: wf.journeys,
    entered: t.n + h.n,
    converted: t.x,
    conversionRate: t.n ? t.x / t.n : 0,
    revenue: t.sum ?? 0,
    daily: daily.rows.map((r) => ({ ...r, revenue: r.revenue ?? 0 })),
    holdout:
      h.n > 0
        ? {
            percent: wf.draft.settings.holdoutPercent,
            conversion: proportionLift({ n: t.n, x: t.x }, { n: h.n, x: h.x }),
            revenuePerMember: meanLift({ n: t.n, sum: t.sum ?? 0, sumSq: t.sum_sq ?? 0 }, { n: h.n, sum: h.sum ?? 0, sumSq: h.sum_sq ?? 0 }),
          }
        : null,
  };
}
