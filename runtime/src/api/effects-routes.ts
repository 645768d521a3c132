import type Router from '@koa/router';
import { monitoringRoutes } from '@memberflow/shared/api/monitoring-routes';
import type { AppDeps } from './app-deps.ts';
import { mountRoute } from './mount-route.ts';

export function effectsRoutes(router: Router, deps: AppDeps): void {
  // Newest first; `?status=failed` is the admin's list of deliveries that gave up, with the error.
  mountRoute(router, monitoringRoutes.effects, async ({ query: q }) => {
    const { rows } = await deps.engine.db.pool.query(
      `SELECT idempotency_key AS key, workflow_id AS "workflowId", member_id AS "memberId", node_id AS "nodeId", kind, status,
              payload, at, attempts, error, not_before AS "notBefore", done_at AS "doneAt"
       FROM effect
       WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR workflow_id = $2) AND ($3::text IS NULL OR member_id = $3)
         AND ($4::text IS NULL OR kind = $4)
       ORDER BY at DESC, created_at DESC LIMIT $5`,
      [q.status ?? null, q.workflowId ?? null, q.memberId ?? null, q.kind ?? null, q.limit],
    );
    return { effects: rows };
  });
}
