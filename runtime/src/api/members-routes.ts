import type Router from '@koa/router';
import type { AppDeps } from './app-deps.ts';
import { notFound } from './http-error.ts';

export function membersRoutes(router: Router, deps: AppDeps): void {
  const { pool } = deps.engine.db;
  router.get('/api/v1/members/:id', async (ctx) => {
    const { rows } = await pool.query('SELECT * FROM member WHERE id = $1', [ctx.params.id]);
    if (!rows[0]) throw notFound('Member');
    ctx.body = rows[0];
  });
  // Every journey of a member with its steps: the start of "why did this happen?".
  router.get('/api/v1/members/:id/journeys', async (ctx) => {
    const journeys = await pool.query(
      `SELECT j.id, j.workflow_id AS "workflowId", w.name AS "workflowName", v.version, j.status,
              j.current_node AS "currentNode", j.wake_at AS "wakeAt", j.entry_count AS "entryCount",
              j.entered_at AS "enteredAt", j.ended_at AS "endedAt", j.last_error AS "lastError"
       FROM journey j JOIN workflow w ON w.id = j.workflow_id JOIN workflow_version v ON v.id = j.version_id
       WHERE j.member_id = $1 ORDER BY j.entered_at`,
      [ctx.params.id],
    );
    const steps = await pool.query(
      `SELECT journey_id AS "journeyId", at, from_node AS "fromNode", to_node AS "toNode", cause, path, reason
       FROM journey_step WHERE member_id = $1 ORDER BY id`,
      [ctx.params.id],
    );
    ctx.body = {
      journeys: journeys.rows.map((j) => ({ ...j, steps: steps.rows.filter((s) => s.journeyId === j.id) })),
    };
  });
  router.get('/api/v1/members/:id/coupons', async (ctx) => {
    const { rows } = await pool.query(
      `SELECT code, template, status, issued_at AS "issuedAt", expires_at AS "expiresAt" FROM coupon WHERE member_id = $1 ORDER BY issued_at`,
      [ctx.params.id],
    );
    ctx.body = { coupons: rows };
  });
}
