import type Router from '@koa/router';
import { workflowRoutes } from '@memberflow/shared/api/workflow-routes';
import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { workflowTemplates } from '@memberflow/shared/templates/catalog';
import { auditRequest } from '../monitoring/audit.ts';
import { estimateEntries } from '../engine/trigger-dues.ts';
import { admitOnLive, definitionFor, DraftNotReady, liveDefinition, NotLive, versionDefinition } from '../workflows/going-live.ts';
import { controlWorkflow, migrateMembers } from '../workflows/workflow-control.ts';
import { archiveWorkflow, duplicateWorkflow, createWorkflow, getWorkflow, listWorkflows, publishWorkflow, saveDraft, workflowStats } from '../workflows/workflow-store.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError, notFound } from './http-error.ts';
import { mountRoute } from './mount-route.ts';

export function workflowsRoutes(router: Router, deps: AppDeps): void {
  const { db } = deps.engine;
  const idOf = (params: Record<string, string>) => params.id!;
  mountRoute(router, workflowRoutes.templates, async () => ({ templates: workflowTemplates.map(({ key, name, description }) => ({ key, name, description })) }));
  mountRoute(router, workflowRoutes.list, async () => ({ workflows: await listWorkflows(db) }));
  mountRoute(router, workflowRoutes.create, ({ body }) => createWorkflow(db, body));
  mountRoute(router, workflowRoutes.get, ({ params }) => getWorkflow(db, idOf(params)));
  mountRoute(router, workflowRoutes.saveDraft, ({ params, body }) => saveDraft(db, idOf(params), body));
  // The body is parsed before anything happens: a bad choice publishes nothing.
  mountRoute(router, workflowRoutes.publish, async ({ params, body: { entry }, ctx }) => {
    const id = idOf(params);
    const r = await publishWorkflow(db, id, deps.config);
    let enteringNow = 0;
    try {
      enteringNow = await admitOnLive(deps.engine, id, await versionDefinition(db, r.versionId), entry);
    } finally {
      // The version is live either way, so the publish is on record even if admitting failed.
      await auditRequest(ctx, db.pool, 'workflow.publish', 'workflow', id, { version: r.version, entry, enteringNow });
    }
    return { ...r, enteringNow };
  });
  mountRoute(router, workflowRoutes.resume, async ({ params, body: { entry }, ctx }) => {
    const id = idOf(params);
    const r = await controlWorkflow(db, deps.engine.clock, id, 'resume');
    let enteringNow = 0;
    try {
      enteringNow = await admitOnLive(deps.engine, id, await liveDefinition(db, id), entry);
    } finally {
      await auditRequest(ctx, db.pool, 'workflow.resume', 'workflow', id, { ...r, entry, enteringNow });
    }
    return { ...r, enteringNow };
  });
  for (const action of ['pause', 'stop'] as const) {
    mountRoute(router, workflowRoutes[action], async ({ params, ctx }) => {
      const r = await controlWorkflow(db, deps.engine.clock, idOf(params), action);
      await auditRequest(ctx, db.pool, `workflow.${action}`, 'workflow', idOf(params), r);
      return r;
    });
  }
  mountRoute(router, workflowRoutes.entryEstimate, async ({ params, query }) => {
    const definition = await definitionFor(db, idOf(params), query.version).catch(estimateRefusal);
    return estimateEntries(deps.engine, definition);
  });
  mountRoute(router, workflowRoutes.migrate, async ({ params, body, ctx }) => {
    const r = await migrateMembers(db, deps.engine.clock, deps.engine.versions, idOf(params), body);
    await auditRequest(ctx, db.pool, 'workflow.migrate', 'workflow', idOf(params), { ...body, ...r });
    return r;
  });
  mountRoute(router, workflowRoutes.duplicate, async ({ params, ctx }) => {
    const copy = await duplicateWorkflow(db, idOf(params));
    await auditRequest(ctx, db.pool, 'workflow.duplicate', 'workflow', idOf(params), { copy: copy.id });
    return copy;
  });
  mountRoute(router, workflowRoutes.archive, async ({ params, ctx }) => {
    const archived = await archiveWorkflow(db, idOf(params));
    await auditRequest(ctx, db.pool, 'workflow.archive', 'workflow', idOf(params));
    return archived;
  });
  mountRoute(router, workflowRoutes.version, async ({ params }) => {
    const v = Number(params.version);
    const { rows } = Number.isInteger(v) && v >= 1 && v <= 2_147_483_647 && /^[0-9a-f-]{36}$/i.test(idOf(params))
      ? await db.pool.query<{ version: number; publishedAt: Date; definition: WorkflowDefinition }>(
          `SELECT version, published_at AS "publishedAt", definition FROM workflow_version WHERE workflow_id = $1 AND version = $2`,
          [idOf(params), v],
        )
      : { rows: [] };
    if (!rows[0]) throw notFound('Version');
    // The same text JSON would make of the Date, given as the string the contract says.
    return { ...rows[0], publishedAt: rows[0].publishedAt.toISOString() };
  });
  mountRoute(router, workflowRoutes.stats, ({ params }) => workflowStats(db, idOf(params)));
}

function estimateRefusal(e: unknown): never {
  if (e instanceof NotLive) throw new HttpError(409, { error: `No estimate: ${e.message}`, issues: [{ field: 'version', message: 'the workflow is not published yet' }] });
  if (e instanceof DraftNotReady) {
    const issues = e.violations.map((v) => ({ field: v.nodeId ? `nodes.${v.nodeId}${v.field ? `.${v.field}` : ''}` : 'nodes', message: v.message }));
    throw new HttpError(422, { error: `No estimate: ${e.message}`, issues: issues.length ? issues : [{ field: 'nodes', message: e.message }], violations: e.violations });
  }
  throw e;
}
