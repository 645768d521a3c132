import type Router from '@koa/router';
import { CreateWorkflowBody, EntryEstimateQuery, GoLiveBody, MigrateBody, SaveDraftBody, type ControlResult, type PublishResult } from '@memberflow/shared/api/workflows';
import { auditRequest } from '../monitoring/audit.ts';
import { HttpError, notFound } from './http-error.ts';
import { workflowTemplates } from '@memberflow/shared/templates/catalog';
import { estimateEntries } from '../engine/trigger-dues.ts';
import { admitOnLive, definitionFor, DraftNotReady, liveDefinition, NotLive, versionDefinition } from '../workflows/going-live.ts';
import { controlWorkflow, migrateMembers } from '../workflows/workflow-control.ts';
import { archiveWorkflow, duplicateWorkflow, createWorkflow, getWorkflow, listWorkflows, publishWorkflow, saveDraft, workflowStats } from '../workflows/workflow-store.ts';
import type { AppDeps } from './app-deps.ts';
import { parseBody } from './http-error.ts';

export function workflowsRoutes(router: Router, deps: AppDeps): void {
  const { db } = deps.engine;
  router.get('/api/v1/templates', (ctx) => {
    ctx.body = { templates: workflowTemplates.map(({ key, name, description }) => ({ key, name, description })) };
  });
  router.get('/api/v1/workflows', async (ctx) => {
    ctx.body = { workflows: await listWorkflows(db) };
  });
  router.post('/api/v1/workflows', async (ctx) => {
    ctx.status = 201;
    ctx.body = await createWorkflow(db, parseBody(CreateWorkflowBody, ctx.request.body));
  });
  router.get('/api/v1/workflows/:id', async (ctx) => {
    ctx.body = await getWorkflow(db, ctx.params.id!);
  });
  router.put('/api/v1/workflows/:id/draft', async (ctx) => {
    ctx.body = await saveDraft(db, ctx.params.id!, parseBody(SaveDraftBody, ctx.request.body));
  });
  router.post('/api/v1/workflows/:id/publish', async (ctx) => {
    // Parsed first: a bad choice publishes nothing.
    const { entry } = parseBody(GoLiveBody, ctx.request.body ?? {});
    const r = await publishWorkflow(db, ctx.params.id!, deps.config);
    let enteringNow = 0;
    try {
      enteringNow = await admitOnLive(deps.engine, ctx.params.id!, await versionDefinition(db, r.versionId), entry);
    } finally {
      // The version is live either way, so the publish is on record even if admitting failed.
      await auditRequest(ctx, db.pool, 'workflow.publish', 'workflow', ctx.params.id!, { version: r.version, entry, enteringNow });
    }
    ctx.status = 201;
    ctx.body = { ...r, enteringNow } satisfies PublishResult;
  });
  router.post('/api/v1/workflows/:id/resume', async (ctx) => {
    const { entry } = parseBody(GoLiveBody, ctx.request.body ?? {});
    const r = await controlWorkflow(db, deps.engine.clock, ctx.params.id!, 'resume');
    let enteringNow = 0;
    try {
      enteringNow = await admitOnLive(deps.engine, ctx.params.id!, await liveDefinition(db, ctx.params.id!), entry);
    } finally {
      await auditRequest(ctx, db.pool, 'workflow.resume', 'workflow', ctx.params.id!, { ...r, entry, enteringNow });
    }
    ctx.body = { ...r, enteringNow } satisfies ControlResult;
  });
  for (const action of ['pause', 'stop'] as const) {
    router.post(`/api/v1/workflows/:id/${action}`, async (ctx) => {
      ctx.body = await controlWorkflow(db, deps.engine.clock, ctx.params.id!, action);
      await auditRequest(ctx, db.pool, `workflow.${action}`, 'workflow', ctx.params.id!, ctx.body as Record<string, unknown>);
    });
  }
  // Who would enter: the saved draft (the publish dialog) or the live version (resuming).
  router.get('/api/v1/workflows/:id/entry-estimate', async (ctx) => {
    const { version } = parseBody(EntryEstimateQuery, ctx.query, 'query');
    const definition = await definitionFor(db, ctx.params.id!, version).catch(estimateRefusal);
    ctx.body = await estimateEntries(deps.engine, definition);
  });
  router.post('/api/v1/workflows/:id/migrate', async (ctx) => {
    const body = parseBody(MigrateBody, ctx.request.body);
    ctx.body = await migrateMembers(db, deps.engine.clock, deps.engine.versions, ctx.params.id!, body);
    await auditRequest(ctx, db.pool, 'workflow.migrate', 'workflow', ctx.params.id!, { ...body, ...(ctx.body as object) });
  });
  router.post('/api/v1/workflows/:id/duplicate', async (ctx) => {
    ctx.status = 201;
    ctx.body = await duplicateWorkflow(db, ctx.params.id!);
    await auditRequest(ctx, db.pool, 'workflow.duplicate', 'workflow', ctx.params.id!, { copy: (ctx.body as { id: string }).id });
  });
  router.post('/api/v1/workflows/:id/archive', async (ctx) => {
    ctx.body = await archiveWorkflow(db, ctx.params.id!);
    await auditRequest(ctx, db.pool, 'workflow.archive', 'workflow', ctx.params.id!);
  });
  router.get('/api/v1/workflows/:id/versions/:version', async (ctx) => {
    const v = Number(ctx.params.version);
    const { rows } = Number.isInteger(v) && v >= 1 && v <= 2_147_483_647 && /^[0-9a-f-]{36}$/i.test(ctx.params.id!)
      ? await db.pool.query(`SELECT version, published_at AS "publishedAt", definition FROM workflow_version WHERE workflow_id = $1 AND version = $2`, [ctx.params.id, v])
      : { rows: [] };
    if (!rows[0]) throw notFound('Version');
    ctx.body = rows[0];
  });
  router.get('/api/v1/workflows/:id/stats', async (ctx) => {
    ctx.body = await workflowStats(db, ctx.params.id!);
  });
}

function estimateRefusal(e: unknown): never {
  if (e instanceof NotLive) throw new HttpError(409, { error: `No estimate: ${e.message}`, issues: [{ field: 'version', message: 'the workflow is not published yet' }] });
  if (e instanceof DraftNotReady) {
    const issues = e.violations.map((v) => ({ field: v.nodeId ? `nodes.${v.nodeId}${v.field ? `.${v.field}` : ''}` : 'nodes', message: v.message }));
    throw new HttpError(422, { error: `No estimate: ${e.message}`, issues: issues.length ? issues : [{ field: 'nodes', message: e.message }], violations: e.violations });
  }
  throw e;
}
