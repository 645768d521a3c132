import type Router from '@koa/router';
import { AuditQuery, DashboardQuery, ExportQuery, FailureTargets } from '@memberflow/shared/api/monitoring';
import { auditRequest } from '../monitoring/audit.ts';
import { toCsv } from '../monitoring/csv-export.ts';
import { workflowDashboard } from '../monitoring/dashboard.ts';
import { actOnFailures, listFailures } from '../monitoring/failures.ts';
import { prometheus, queueHealth } from '../monitoring/queue-health.ts';
import { StatsHub, statsHubFor } from '../monitoring/stats-hub.ts';
import { getWorkflow, workflowStats } from '../workflows/workflow-store.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError, parseBody } from './http-error.ts';
import { openLiveStream } from './live-stream.ts';

/** How often the live stats are recomputed while someone watches. */
const STATS_INTERVAL_MS = 2000;

export function monitoringRoutes(router: Router, deps: AppDeps): void {
  const { db, clock } = deps.engine;
  const queues = () => ({ steps: deps.queue, ...(deps.effectQueue ? { effects: deps.effectQueue } : {}) });

  router.get('/metrics', async (ctx) => {
    ctx.type = 'text/plain; version=0.0.4';
    ctx.body = prometheus(await queueHealth(deps.engine, queues()));
  });
  router.get('/api/v1/health/queues', async (ctx) => {
    ctx.body = await queueHealth(deps.engine, queues());
  });
  router.get('/api/v1/workflows/:id/dashboard', async (ctx) => {
    const { days } = parseBody(DashboardQuery, ctx.query, 'query');
    ctx.body = await workflowDashboard(db, ctx.params.id!, days, clock.now());
  });

  router.get('/api/v1/workflows/:id/failures', async (ctx) => {
    await getWorkflow(db, ctx.params.id!);
    ctx.body = await listFailures(db, ctx.params.id!);
  });
  router.post('/api/v1/workflows/:id/failures/:action', async (ctx) => {
    const action = ctx.params.action;
    if (action !== 'retry' && action !== 'skip' && action !== 'exit') throw new HttpError(404, { error: `No failure action "${action}" (retry, skip, exit)` });
    const target = parseBody(FailureTargets, ctx.request.body);
    await getWorkflow(db, ctx.params.id!);
    if (!deps.effectQueue) throw new HttpError(503, { error: 'The effect queue is not available in this process' });
    const r = await actOnFailures(db, { steps: deps.queue, effects: deps.effectQueue }, ctx.params.id!, action, target);
    await auditRequest(ctx, db.pool, `failures.${action}`, 'workflow', ctx.params.id!, { ...target, ...r });
    ctx.body = r;
  });

  // Live counts for the canvas overlay: a Server-Sent Events stream, a snapshot every 2 s when they change.
  // One computation per workflow per tick, shared by every stream on it (stats-hub.ts).
  const hub = statsHubFor(db, () => new StatsHub((id) => workflowStats(db, id), STATS_INTERVAL_MS))!;
  router.get('/api/v1/workflows/:id/stats/stream', async (ctx) => {
    const id = ctx.params.id!;
    await getWorkflow(db, id);
    await openLiveStream(ctx, deps, (sink) =>
      hub.subscribe(id, {
        data: (json) => sink.write([`event: stats\ndata: ${json}\n\n`]),
        idle: () => sink.write(),
        fail: () => sink.end(),
      }),
    );
  });

  router.get('/api/v1/workflows/:id/export/members.csv', async (ctx) => {
    const { node } = parseBody(ExportQuery, ctx.query, 'query');
    await getWorkflow(db, ctx.params.id!);
    const { rows } = await db.pool.query(
      `SELECT j.member_id, m.name, m.phone, m.email, j.status, j.current_node, j.entered_at, j.wake_at FROM journey j LEFT JOIN member m ON m.id = j.member_id
       WHERE j.workflow_id = $1 AND ($2::text IS NULL OR (j.current_node = $2 AND j.status IN ('active', 'waiting'))) ORDER BY j.member_id`,
      [ctx.params.id, node ?? null],
    );
    ctx.type = 'text/csv';
    ctx.attachment(`members${node ? `-${node}` : ''}.csv`);
    ctx.body = toCsv(['member_id', 'name', 'phone', 'email', 'status', 'node', 'entered_at', 'wake_at'], rows.map((r) => [r.member_id, r.name, r.phone, r.email, r.status, r.current_node, r.entered_at, r.wake_at]));
  });
  router.get('/api/v1/workflows/:id/export/effects.csv', async (ctx) => {
    await getWorkflow(db, ctx.params.id!);
    const { rows } = await db.pool.query(
      `SELECT member_id, node_id, kind, status, at, attempts, error, payload FROM effect WHERE workflow_id = $1 ORDER BY at, member_id`,
      [ctx.params.id],
    );
    ctx.type = 'text/csv';
    ctx.attachment('effects.csv');
    ctx.body = toCsv(['member_id', 'node', 'kind', 'status', 'at', 'attempts', 'error', 'payload'], rows.map((r) => [r.member_id, r.node_id, r.kind, r.status, r.at, r.attempts, r.error, r.payload]));
  });
  router.get('/api/v1/members/:id/trace.csv', async (ctx) => {
    const { rows } = await db.pool.query(
      `SELECT w.name AS workflow, s.at, s.from_node, s.to_node, s.cause, s.reason FROM journey_step s JOIN workflow w ON w.id = s.workflow_id
       WHERE s.member_id = $1 ORDER BY s.id`,
      [ctx.params.id],
    );
    ctx.type = 'text/csv';
    ctx.attachment(`trace-${ctx.params.id}.csv`);
    ctx.body = toCsv(['workflow', 'at', 'from', 'to', 'cause', 'reason'], rows.map((r) => [r.workflow, r.at, r.from_node, r.to_node, r.cause, r.reason]));
  });

  router.get('/api/v1/audit', async (ctx) => {
    const q = parseBody(AuditQuery, ctx.query, 'query');
    const { rows } = await db.pool.query(
      `SELECT at, actor, action, target_type AS "targetType", target_id AS "targetId", details FROM audit_log
       WHERE ($1::text IS NULL OR target_id = $1) ORDER BY id DESC LIMIT $2`,
      [q.targetId ?? null, q.limit],
    );
    ctx.body = { entries: rows };
  });
}
