import type { CreateWorkflowBody, JourneyCounts, JourneyStatus, WorkflowDetail, WorkflowStats, WorkflowStatus, WorkflowSummary } from '@memberflow/shared/api/workflows';
import { SCHEMA_VERSION, WorkflowDefinition } from '@memberflow/shared/definition';
import { workflowTemplates } from '@memberflow/shared/templates/catalog';
import { validateWorkflow } from '@memberflow/shared/validate';
import type { Database } from '../db/database.ts';
import { withTransaction } from '../db/transaction.ts';
import { HttpError, notFound } from '../api/http-error.ts';

const emptyCounts = (): JourneyCounts => ({ active: 0, waiting: 0, completed: 0, converted: 0, exited: 0, failed: 0 });

const blankDefinition = (): WorkflowDefinition => ({
  schemaVersion: SCHEMA_VERSION,
  nodes: [{ id: 'trigger', kind: 'event_trigger', label: 'Trigger', position: { x: 0, y: 0 }, config: { eventType: 'purchase', filters: [] } }],
  edges: [],
  settings: { entry: 'once_at_a_time' },
});

interface WorkflowRow {
  id: string;
  name: string;
  description: string;
  status: string;
  draft: unknown;
  live_version: number | null;
  updated_at: Date;
}

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

const SELECT_WORKFLOW = `
  SELECT w.id, w.name, w.description, w.status, w.draft, w.updated_at, v.version AS live_version
  FROM workflow w LEFT JOIN workflow_version v ON v.id = w.live_version_id`;

function summary(r: WorkflowRow, counts: JourneyCounts | undefined): WorkflowSummary {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    status: r.status as WorkflowStatus,
    liveVersion: r.live_version,
    updatedAt: r.updated_at.toISOString(),
    journeys: counts ?? emptyCounts(),
  };
}

export async function listWorkflows(db: Database): Promise<WorkflowSummary[]> {
  const { rows } = await db.pool.query<WorkflowRow>(`${SELECT_WORKFLOW} WHERE w.status <> 'archived' ORDER BY w.created_at`);
  const counts = await journeyCounts(db, rows.map((r) => r.id));
  return rows.map((r) => summary(r, counts.get(r.id)));
}

export async function getWorkflow(db: Database, id: string): Promise<WorkflowDetail> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('Workflow');
  const { rows } = await db.pool.query<WorkflowRow>(`${SELECT_WORKFLOW} WHERE w.id = $1`, [id]);
  const row = rows[0];
  if (!row) throw notFound('Workflow');
  const versions = await db.pool.query<{ version: number; published_at: Date }>(
    'SELECT version, published_at FROM workflow_version WHERE workflow_id = $1 ORDER BY version DESC',
    [id],
  );
  const counts = await journeyCounts(db, [id]);
  const checked = validateWorkflow(row.draft);
  return {
    ...summary(row, counts.get(id)),
    draft: checked.definition ?? (row.draft as WorkflowDefinition),
    violations: checked.violations,
    versions: versions.rows.map((v) => ({ version: v.version, publishedAt: v.published_at.toISOString() })),
  };
}

export async function createWorkflow(db: Database, body: CreateWorkflowBody): Promise<WorkflowDetail> {
  let draft: unknown = blankDefinition();
  if (body.templateKey !== undefined) {
    const t = workflowTemplates.find((x) => x.key === body.templateKey);
    if (!t) throw new HttpError(400, { error: `Invalid request body: templateKey "${body.templateKey}" is not a known template`, issues: [{ field: 'templateKey', message: 'is not a known template' }] });
    draft = structuredClone(t.definition);
  } else if (body.definition !== undefined) {
    const parsed = WorkflowDefinition.safeParse(body.definition);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ field: ['definition', ...i.path].join('.'), message: i.message }));
      throw new HttpError(400, { error: `Invalid request body: ${issues[0]!.field} ${issues[0]!.message}`, issues });
    }
    draft = parsed.data;
  }
  const { rows } = await db.pool.query<{ id: string }>(
    'INSERT INTO workflow (id, name, description, status, draft, template_key) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5) RETURNING id',
    [body.name, body.description, 'draft', JSON.stringify(draft), body.templateKey ?? null],
  );
  return getWorkflow(db, rows[0]!.id);
}

export async function saveDraft(db: Database, id: string, patch: { name?: string; description?: string; definition: WorkflowDefinition }): Promise<WorkflowDetail> {
  await getWorkflow(db, id);
  await db.pool.query(
    'UPDATE workflow SET draft = $2, name = COALESCE($3, name), description = COALESCE($4, description), updated_at = now() WHERE id = $1',
    [id, JSON.stringify(patch.definition), patch.name ?? null, patch.description ?? null],
  );
  return getWorkflow(db, id);
}

/** Freezes the draft as a new immutable version and makes it live; members already in keep theirs. */
export async function publishWorkflow(db: Database, id: string): Promise<{ version: number; versionId: string }> {
  const wf = await getWorkflow(db, id);
  if (wf.violations.length > 0) {
    throw new HttpError(422, { error: `Cannot publish: ${wf.violations.length} problem(s) remain, first: ${wf.violations[0]!.message}`, violations: wf.violations });
  }
  return withTransaction(db.pool, async (c) => {
    await c.query('SELECT 1 FROM workflow WHERE id = $1 FOR UPDATE', [id]);
    const { rows } = await c.query<{ id: string; version: number }>(
      `INSERT INTO workflow_version (id, workflow_id, version, definition)
       SELECT gen_random_uuid(), $1, COALESCE(max(version), 0) + 1, $2 FROM workflow_version WHERE workflow_id = $1
       RETURNING id, version`,
      [id, JSON.stringify(wf.draft)],
    );
    const v = rows[0]!;
    await c.query(`UPDATE workflow SET live_version_id = $2, status = 'active', updated_at = now() WHERE id = $1`, [id, v.id]);
    return { version: v.version, versionId: v.id };
  });
}

export async function workflowStats(db: Database, id: string): Promise<WorkflowStats> {
  const wf = await getWorkflow(db, id);
  const current = await db.pool.query<{ current_node: string; n: number }>(
    `SELECT current_node, count(*)::int AS n FROM journey WHERE workflow_id = $1 AND status IN ('active', 'waiting') GROUP BY 1`,
    [id],
  );
  const entered = await db.pool.query<{ node: string; n: number }>(
    `SELECT node, count(*)::int AS n FROM journey_step, unnest(path) AS node WHERE workflow_id = $1 GROUP BY 1`,
    [id],
  );
  const nodes: WorkflowStats['nodes'] = {};
  for (const r of entered.rows) nodes[r.node] = { current: 0, entered: r.n };
  for (const r of current.rows) nodes[r.current_node] = { entered: nodes[r.current_node]?.entered ?? 0, current: r.n };
  return { version: wf.liveVersion, journeys: wf.journeys, nodes };
}
