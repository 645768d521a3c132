import type Router from '@koa/router';
import { analyticsRoutes } from '@memberflow/shared/api/analytics-routes';
import { segmentRoutes } from '@memberflow/shared/api/segment-routes';
import { MEMBER_CSV_HEADER, memberCsvRow } from '../members/member-rows.ts';
import { churnRisk } from '../metrics/churn-risk.ts';
import { retentionAnalytics } from '../metrics/retention-analytics.ts';
import { toCsv } from '../monitoring/csv-export.ts';
import { evaluateSegmentDraft } from '../segments/segment-evaluate.ts';
import { allSegmentMembers, segmentMembers } from '../segments/segment-members.ts';
import { getSegment } from '../segments/segment-store.ts';
import type { AppDeps } from './app-deps.ts';
import { notFound } from './http-error.ts';
import { mountRoute } from './mount-route.ts';

/** The Segments and Analytics pages' routes, mounted from their shared contracts (RFM's are in rfm-routes.ts). */
export function insightsRoutes(router: Router, deps: AppDeps): void {
  const { pool } = deps.engine.db;
  const now = () => deps.engine.clock.now();

  mountRoute(router, segmentRoutes.evaluate, ({ body, ctx }) => {
    // The editor aborts the request when the condition changes again: stop counting for nobody.
    const gone = new AbortController();
    ctx.res.once('close', () => !ctx.res.writableFinished && gone.abort());
    return evaluateSegmentDraft(pool, body.condition, body.limit, now(), gone.signal);
  });
  mountRoute(router, segmentRoutes.members, async ({ params, query }) => {
    const page = await segmentMembers(pool, params.key ?? '', query.limit, query.offset);
    if (!page) throw notFound('Segment');
    return page;
  });
  mountRoute(router, segmentRoutes.membersCsv, async ({ params, ctx }) => {
    const key = params.key ?? '';
    if (!(await getSegment(pool, key))) throw notFound('Segment');
    const rows: unknown[][] = [];
    for await (const page of allSegmentMembers(pool, key)) rows.push(...page.map(memberCsvRow));
    ctx.type = 'text/csv';
    ctx.attachment(`segment-${key}.csv`);
    return toCsv(MEMBER_CSV_HEADER, rows);
  });

  mountRoute(router, analyticsRoutes.retention, ({ query }) => retentionAnalytics(pool, query.from ?? 0, query.to ?? now()));
  mountRoute(router, analyticsRoutes.churnRisk, ({ query }) => churnRisk(pool, now(), query.factor, query.limit));
}
