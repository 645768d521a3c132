import type Router from '@koa/router';
import { monitoringRoutes as routes } from '@memberflow/shared/api/monitoring-routes';
import { auditRequest } from '../monitoring/audit.ts';
import { toCsv } from '../monitoring/csv-export.ts';
import { workflowDashboard } from '../monitoring/dashboard.ts';
import { actOnFailures, listFailures } from '../monitoring/failures.ts';
import { queueHealth } from '../monitoring/queue-health.ts';
import { StatsHub, statsHubFor } from '../monitoring/stats-hub.ts';
import { getWorkflow, workflowStats } from '../workflows/workflow-store.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError } from './http-error.ts';
import { openLiveStream } from './live-stream.ts';
import { mountRoute } from './mount-route.ts';

/** How often the live stats are recomputed while someone watches. */
const STATS_INTERVAL_MS = 2000;

export function monitoringRoutes(router: Router, deps: AppDeps): void {
  const { db, clock } = deps.engine;
  const queues = () => ({ steps: deps.queue, ...(deps.effectQueue ? { effects: deps.effectQueue } : {}) });
  const idOf = (params: Record<string, string>) => params.id!;

  mountRoute(router, routes.queueHealth, () => queueHealth(deps.engine, queues()));
  mountRoute(router, routes.dashboard, ({ params, query: { days } }) => workflowDashboard(db, idOf(params), days, clock.now()));

  mountRoute(router, routes.failures, async ({ params }) => {
    await getWorkflow(db, idOf(params));
    return listFailures(db, idOf(params));
  });
  mountRoute(router, routes.actOnFailures, async ({ params, body: target, ctx }) => {
    const action = params.action;
    if (action !== 'retry' && action !== 'skip' && action !== 'exit') throw new HttpError(404, { error: `No failure action "${action}" (retry, skip, exit)` });
    await getWorkflow(db, idOf(params));
    if (!deps.effectQueue) throw new HttpError(503, { error: 'The effect queue is not available in this process' });
    const r = await actOnFailures(db, { steps: deps.queue, effects: deps.effectQueue }, idOf(params), action, target);
    await auditRequest(ctx, db.pool, `failures.${action}`, 'workflow', idOf(params), { ...target, ...r });
    return r;
  });

  // Live counts for the canvas overlay: a Server-Sent Events stream, a snapshot every 2 s when they change.
  // One computation per workflow per tick, shared by every stream on it (stats-hub.ts).
  const hub = statsHubFor(db, () => new StatsHub((id) => workflowStats(db, id), STATS_INTERVAL_MS))!;
  mountRoute(router, routes.statsStream, async ({ params, ctx }) => {
    const id = idOf(params);
    await getWorkflow(db, id);
    await openLiveStream(ctx, deps, (sink) =>
      hub.subscribe(id, {
        data: (json) => sink.write([`event: stats\ndata: ${json}\n\n`]),
        idle: () => sink.write(),
        fail: () => sink.end(),
      }),
    );
  });

  exportRoutes(router, deps);
  mountRoute(router, routes.audit, async ({ query: q }) => {
    const { rows } = await db.pool.query(
      `SELECT at, actor, action, target_type AS "targetType", target_id AS "targetId", details FROM audit_log
       WHERE ($1::text IS NULL OR target_id = $1) ORDER BY id DESC LIMIT $2`,
      [q.targetId ?? null, q.limit],
    );
    return { entries: rows };
  });
}

/** CSV exports for spreadsheets: a workflow's members and effects, and a member's trace. */
function exportRoutes(router: Router, deps: AppDeps): void {
  const { db } = deps.engine;
  mountRoute(router, routes.membersCsv, async ({ params, query: { node }, ctx }) => {
    await getWorkflow(db, params.id!);
    const { rows } = await db.pool.query(
      `SELECT j.member_id, m.name, m.phone, m.email, j.status, j.current_node, j.entered_at, j.wake_at FROM journey j LEFT JOIN member m ON m.id = j.member_id
       WHERE j.workflow_id = $1 AND ($2::text IS NULL OR (j.current_node = $2 AND j.status IN ('active', 'waiting'))) ORDER BY j.member_id`,
      [params.id, node ?? null],
    );
    ctx.attachment(`members${node ? `-${node}` : ''}.csv`);
    return toCsv(['member_id', 'name', 'phone', 'email', 'status', 'node', 'entered_at', 'wake_at'], rows.map((r) => [r.member_id, r.name, r.phone, r.email, r.status, r.current_node, r.entered_at, r.wake_at]));
  });
  mountRoute(router, routes.effectsCsv, async ({ params, ctx }) => {
    await getWorkflow(db, params.id!);
    const { rows } = await db.pool.query(
      `SELECT member_id, node_id, kind, status, at, attempts, error, payload FROM effect WHERE workflow_id = $1 ORDER BY at, member_id`,
      [params.id],
    );
    ctx.attachment('effects.csv');
    return toCsv(['member_id', 'node', 'kind', 'status', 'at', 'attempts', 'error', 'payload'], rows.map((r) => [r.member_id, r.node_id, r.kind, r.status, r.at, r.attempts, r.error, r.payload]));
  });
  mountRoute(router, routes.traceCsv, async ({ params, ctx }) => {
    const { rows } = await db.pool.query(
      `SELECT w.name AS workflow, s.at, s.from_node, s.to_node, s.cause, s.reason FROM journey_step s JOIN workflow w ON w.id = s.workflow_id
       WHERE s.member_id = $1 ORDER BY s.id`,
      [params.id],
    );
    ctx.attachment(`trace-${params.id}.csv`);
    return toCsv(['workflow', 'at', 'from', 'to', 'cause', 'reason'], rows.map((r) => [r.workflow, r.at, r.from_node, r.to_node, r.cause, r.reason]));
  });
}
