import type { CreateWorkflowBody, JourneyCounts, JourneyStatus, WorkflowDetail, WorkflowStats, WorkflowStatus, WorkflowSummary } from '@memberflow/shared/api/workflows';
import { defaultSettings, SCHEMA_VERSION, WorkflowDefinition } from '@memberflow/shared/definition';
import { pinNodeVersions } from '@memberflow/shared/pinned-module';
import { workflowTemplates } from '@memberflow/shared/templates/catalog';
import { validateWorkflow } from '@memberflow/shared/validate';
import type { Violation } from '@memberflow/shared/violations';
import type { Database } from '../db/database.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { HttpError, notFound, parseBody } from '../api/http-error.ts';
import { checkWebhookUrl, type WebhookTargetPolicy } from '../channels/webhook-target-guard.ts';
import { forgetLiveWorkflows } from '../engine/live-workflows-cache.ts';
import { missingReferences } from './known-references.ts';

const emptyCounts = (): JourneyCounts => ({ active: 0, waiting: 0, completed: 0, converted: 0, exited: 0, failed: 0 });

const blankDefinition = (): WorkflowDefinition => ({
  schemaVersion: SCHEMA_VERSION,
  // Named for what it is, so nobody publishes an "any purchase" trigger by accident.
  nodes: [{ id: 'trigger', kind: 'event_trigger', label: 'Any purchase', position: { x: 0, y: 0 }, config: { eventType: 'purchase', filters: [] } }],
  edges: [],
  settings: defaultSettings(),
});

async function journeyCounts(db: Database, workflowIds: string[]): Promise<Map<string, JourneyCounts>> {
  const { rows } = await db.pool.query<{ workflow_id: string; status: JourneyStatus; n: number }>(
    'SELECT workflow_id, status, count(*)::int AS n FROM journey WHERE workflow_id = ANY($1::uuid[]) GROUP BY 1, 2',
    [workflowIds],
  );
  const out = new Map<string, JourneyCounts>();
  for (const r of rows) {
    const c = out.get(r.workflow_id) ?? emptyCounts();
    c[r.status] = r.n;
    out.set(r.workflow_id, c);
  }
  return out;
}

// Definitions are plain JSON data; Prisma's JSON input type just cannot see that through zod's types.
const asJson = (d: WorkflowDefinition) => d as unknown as Prisma.InputJsonValue;

type WorkflowRecord = {
  id: string;
  name: string;
  description: string;
  status: string;
  draft: unknown;
  liveVersionId: string | null;
  updatedAt: Date;
  versions: { id: string; version: number; publishedAt: Date }[];
};

const withVersions = { versions: { orderBy: { version: 'desc' }, select: { id: true, version: true, publishedAt: true } } } as const;

function summary(r: WorkflowRecord, counts: JourneyCounts | undefined): WorkflowSummary {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    status: r.status as WorkflowStatus,
    liveVersion: r.versions.find((v) => v.id === r.liveVersionId)?.version ?? null,
    updatedAt: r.updatedAt.toISOString(),
    journeys: counts ?? emptyCounts(),
  };
}

export async function listWorkflows(db: Database): Promise<WorkflowSummary[]> {
  const rows = await db.prisma.workflow.findMany({ where: { status: { not: 'archived' } }, orderBy: { createdAt: 'asc' }, include: withVersions });
  const counts = await journeyCounts(db, rows.map((r) => r.id));
  return rows.map((r) => summary(r, counts.get(r.id)));
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

export async function getWorkflow(db: Database, id: string): Promise<WorkflowDetail> {
  const row = isUuid(id) ? await db.prisma.workflow.findUnique({ where: { id }, include: withVersions }) : null;
  if (!row) throw notFound('Workflow');
  const counts = await journeyCounts(db, [id]);
  const checked = validateWorkflow(row.draft);
  return {
    ...summary(row, counts.get(id)),
    draft: checked.definition ?? (row.draft as WorkflowDefinition),
    violations: checked.violations,
    versions: row.versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt.toISOString() })),
  };
}

export async function createWorkflow(db: Database, body: CreateWorkflowBody): Promise<WorkflowDetail> {
  let draft: WorkflowDefinition = blankDefinition();
  if (body.templateKey !== undefined) {
    const t = workflowTemplates.find((x) => x.key === body.templateKey);
    if (!t) {
      throw new HttpError(400, {
        error: `Invalid request body: templateKey "${body.templateKey}" is not a known template`,
        issues: [{ field: 'templateKey', message: 'is not a known template' }],
      });
    }
    draft = structuredClone(t.definition);
  } else if (body.definition !== undefined) {
    draft = parseBody(WorkflowDefinition, body.definition, 'definition');
  }
  const row = await db.prisma.workflow.create({
    data: { name: body.name, description: body.description, status: 'draft', draft: asJson(draft), templateKey: body.templateKey ?? null },
  });
  return getWorkflow(db, row.id);
}

export async function saveDraft(db: Database, id: string, patch: { name?: string; description?: string; definition: WorkflowDefinition }): Promise<WorkflowDetail> {
  await getWorkflow(db, id);
  await db.prisma.workflow.update({
    where: { id },
    data: { draft: asJson(patch.definition), ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.description !== undefined ? { description: patch.description } : {}) },
  });
  return getWorkflow(db, id);
}

const denyPrivate: WebhookTargetPolicy = { webhookAllowPrivate: false, webhookAllowedHosts: [] };

/**
 * call_webhook nodes whose URL is, as written, a target webhooks may not reach (127.0.0.1,
 * 10.0.0.5, [::1], localhost...): early feedback; names resolve only at send time, checked again.
 */
function webhookTargetViolations(def: WorkflowDefinition, targets: WebhookTargetPolicy): Violation[] {
  const out: Violation[] = [];
  for (const n of def.nodes) {
    const url = n.kind === 'call_webhook' ? n.config.url : undefined;
    if (typeof url !== 'string') continue;
    const check = checkWebhookUrl(url, targets);
    if (!check.ok) out.push({ code: 'config', nodeId: n.id, field: 'config.url', message: check.reason });
  }
  return out;
}

/**
 * Freezes the draft as a new immutable version, each node pinned to its kind's latest behaviour
 * version, and makes it live; members already in keep theirs.
 * `targets` says which webhook targets this runtime may call (WEBHOOK_ALLOWED_HOSTS...).
 * `checkReferences: false` is for a backtest's throwaway schema, which holds no loyalty data.
 */
export async function publishWorkflow(
  db: Database,
  id: string,
  targets: WebhookTargetPolicy = denyPrivate,
  { checkReferences = true }: { checkReferences?: boolean } = {},
): Promise<{ version: number; versionId: string }> {
  const wf = await getWorkflow(db, id);
  if (wf.violations.length > 0) {
    throw new HttpError(422, {
      error: `Cannot publish: ${wf.violations.length} problem(s) remain; first: ${wf.violations[0]!.message}`,
      violations: wf.violations,
    });
  }
  // A coupon template, tier or segment that does not exist would fail (or never match) for every member.
  const missing = checkReferences ? await missingReferences(db.pool, wf.draft) : [];
  if (missing.length > 0) {
    throw new HttpError(422, { error: `Cannot publish: ${missing.length} problem(s) remain; first: ${missing[0]!.message}`, violations: missing });
  }
  const refused = webhookTargetViolations(wf.draft, targets);
  if (refused.length > 0) {
    throw new HttpError(400, {
      error: `Cannot publish: node "${refused[0]!.nodeId}": ${refused[0]!.message}`,
      issues: refused.map((v) => ({ field: `nodes.${v.nodeId}.${v.field}`, message: v.message })),
      violations: refused,
    });
  }
  return db.prisma.$transaction(async (tx) => {
    // Two publishes at once must not both take the same version number.
    await tx.$executeRaw`SELECT 1 FROM workflow WHERE id = ${id}::uuid FOR UPDATE`;
    const last = await tx.workflowVersion.aggregate({ where: { workflowId: id }, _max: { version: true } });
    // Each node keeps the behaviour version of its kind as of today, however long its members wait.
    const definition = asJson(pinNodeVersions(wf.draft));
    const v = await tx.workflowVersion.create({ data: { workflowId: id, version: (last._max.version ?? 0) + 1, definition } });
    await tx.workflow.update({ where: { id }, data: { liveVersionId: v.id, status: 'active' } });
    return { version: v.version, versionId: v.id };
  }).finally(() => forgetLiveWorkflows(db.schema));
}

export async function workflowStats(db: Database, id: string): Promise<WorkflowStats> {
  const wf = await getWorkflow(db, id);
  const byNode = await db.pool.query<{ current_node: string; status: JourneyStatus; n: number }>(
    `SELECT current_node, status, count(*)::int AS n FROM journey WHERE workflow_id = $1 GROUP BY 1, 2`,
    [id],
  );
  const entered = await db.pool.query<{ node: string; n: number }>(
    `SELECT node, count(*)::int AS n FROM journey_step, unnest(path) AS node WHERE workflow_id = $1 GROUP BY 1`,
    [id],
  );
  const nodes: WorkflowStats['nodes'] = {};
  const at = (node: string) => (nodes[node] ??= { current: 0, entered: 0, passed: 0, completed: 0, converted: 0, exited: 0, failed: 0 });
  for (const r of entered.rows) at(r.node).entered = r.n;
  for (const r of byNode.rows) {
    const n = at(r.current_node);
    if (r.status === 'active' || r.status === 'waiting') n.current += r.n;
    else n[r.status] += r.n;
  }
  for (const n of Object.values(nodes)) n.passed = Math.max(0, n.entered - n.current - n.completed - n.converted - n.exited - n.failed);
  return { version: wf.liveVersion, journeys: wf.journeys, nodes };
}

/** A new draft with the same definition and settings, named "(copy)": nothing live is copied. */
export async function duplicateWorkflow(db: Database, id: string): Promise<WorkflowDetail> {
  const wf = await getWorkflow(db, id);
  return createWorkflow(db, { name: `${wf.name} (copy)`.slice(0, 120), description: wf.description, definition: wf.draft });
}

/** Archived workflows leave the list; a live one must be stopped first so no member is left mid-journey. */
export async function archiveWorkflow(db: Database, id: string): Promise<WorkflowDetail> {
  const wf = await getWorkflow(db, id);
  if (wf.status === 'active' || wf.status === 'paused') {
    throw new HttpError(409, { error: `Stop "${wf.name}" before archiving it: members are still in it` });
  }
  await db.prisma.workflow.update({ where: { id }, data: { status: 'archived' } });
  return getWorkflow(db, id);
}
