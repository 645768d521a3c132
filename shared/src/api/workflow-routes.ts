import '../zod-messages.ts';
import { z } from 'zod';
import { SCHEMA_VERSION, WorkflowDefinition } from '../definition.ts';
import type { Violation, ViolationCode } from '../violations.ts';
import { defineRoute } from './route-contract.ts';
import {
  CreateWorkflowBody,
  EntryEstimateQuery,
  GoLiveBody,
  JourneyStatus,
  MigrateBody,
  SaveDraftBody,
  WorkflowStatus,
  type ControlResult,
  type EntryEstimate,
  type JourneyCounts,
  type MigrateResult,
  type PublishResult,
  type WorkflowDetail,
  type WorkflowStats,
  type WorkflowSummary,
} from './workflows.ts';

/** A starting point offered by "New workflow" (the definition itself stays on the server). */
export interface TemplateSummary {
  key: string;
  name: string;
  description: string;
}

/** GET /api/v1/workflows/:id/versions/:version: one published version, immutable. */
export interface PublishedVersion {
  version: number;
  publishedAt: string;
  definition: WorkflowDefinition;
}

const VIOLATION_CODES = [
  'schema', 'duplicate_id', 'trigger_count', 'config', 'unknown_node', 'unknown_handle',
  'handle_unconnected', 'handle_multiple', 'unreachable', 'cycle_without_wait', 'unknown_reference',
] as const satisfies readonly ViolationCode[];
// A code added to ViolationCode but not here fails to compile, rather than failing answers at run time.
const allCodesListed: [Exclude<ViolationCode, (typeof VIOLATION_CODES)[number]>] extends [never] ? true : false = true;
void allCodesListed;

export const ViolationAnswer: z.ZodType<Violation> = z.object({
  code: z.enum(VIOLATION_CODES),
  message: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  field: z.string().optional(),
  i18n: z.object({ key: z.string(), vars: z.record(z.string(), z.union([z.string(), z.number()])) }).optional(),
});

const Count = z.number().int();
const JourneyCountsAnswer: z.ZodType<JourneyCounts> = z.record(JourneyStatus, Count);

const summaryFields = {
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: WorkflowStatus,
  liveVersion: Count.nullable(),
  updatedAt: z.string(),
  journeys: JourneyCountsAnswer,
};
const WorkflowSummaryAnswer: z.ZodType<WorkflowSummary> = z.object(summaryFields);
export const WorkflowDetailAnswer: z.ZodType<WorkflowDetail> = z.object({
  ...summaryFields,
  draft: WorkflowDefinition,
  violations: z.array(ViolationAnswer),
  versions: z.array(z.object({ version: Count, publishedAt: z.string() })),
});
const ControlAnswer: z.ZodType<ControlResult> = z.object({ status: WorkflowStatus, exited: Count, enteringNow: Count.optional() });
const NodeStats = z.object({ current: Count, entered: Count, passed: Count, completed: Count, converted: Count, exited: Count, failed: Count });
const StatsAnswer: z.ZodType<WorkflowStats> = z.object({ version: Count.nullable(), journeys: JourneyCountsAnswer, nodes: z.record(z.string(), NodeStats) });

/** A draft of one event trigger, the smallest definition that saves (the documented example). */
const exampleDefinition = {
  schemaVersion: SCHEMA_VERSION,
  nodes: [{ id: 'trigger', kind: 'event_trigger', label: 'Any purchase', position: { x: 0, y: 0 }, config: { eventType: 'purchase', filters: [] } }],
  edges: [],
};

const control = (action: 'pause' | 'stop', summary: string) =>
  defineRoute<ControlResult>()({ method: 'POST', path: `/api/v1/workflows/:id/${action}`, access: 'edit', answer: ControlAnswer, summary });

export const workflowRoutes = {
  templates: defineRoute<{ templates: TemplateSummary[] }>()({
    method: 'GET',
    path: '/api/v1/templates',
    access: 'read',
    summary: 'Workflow templates to start from',
    answer: z.object({ templates: z.array(z.object({ key: z.string(), name: z.string(), description: z.string() })) }),
  }),
  list: defineRoute<{ workflows: WorkflowSummary[] }>()({
    method: 'GET',
    path: '/api/v1/workflows',
    access: 'read',
    summary: 'Workflows that are not archived, oldest first, with journey counts',
    answer: z.object({ workflows: z.array(WorkflowSummaryAnswer) }),
  }),
  create: defineRoute<WorkflowDetail>()({
    method: 'POST',
    path: '/api/v1/workflows',
    access: 'edit',
    body: CreateWorkflowBody,
    answer: WorkflowDetailAnswer,
    status: 201,
    summary: 'Create a draft: blank, from a template, or from a full definition',
    example: { body: { name: 'Second purchase nudge', templateKey: 'second-purchase-nudge' } },
  }),
  get: defineRoute<WorkflowDetail>()({
    method: 'GET',
    path: '/api/v1/workflows/:id',
    access: 'read',
    answer: WorkflowDetailAnswer,
    summary: 'A workflow with its draft, what is wrong with the draft, and its published versions',
  }),
  saveDraft: defineRoute<WorkflowDetail>()({
    method: 'PUT',
    path: '/api/v1/workflows/:id/draft',
    access: 'edit',
    body: SaveDraftBody,
    answer: WorkflowDetailAnswer,
    summary: "Save the draft (the live version is untouched until publish)",
    example: { body: { name: 'Any purchase', definition: exampleDefinition } },
  }),
  publish: defineRoute<PublishResult>()({
    method: 'POST',
    path: '/api/v1/workflows/:id/publish',
    access: 'edit',
    body: GoLiveBody,
    answer: z.object({ version: Count, versionId: z.string(), enteringNow: Count }),
    status: 201,
    summary: 'Publish the draft as a new immutable version and make it live',
    description: 'A draft with problems is refused (422 with `violations`). `entry` says who enters a time- or segment-triggered workflow now.',
    example: { body: { entry: 'qualified_now' } },
  }),
  pause: control('pause', 'Pause a live workflow: members stay where they are'),
  resume: defineRoute<ControlResult>()({
    method: 'POST',
    path: '/api/v1/workflows/:id/resume',
    access: 'edit',
    body: GoLiveBody,
    answer: ControlAnswer,
    summary: 'Resume a paused workflow',
    example: { body: { entry: 'from_now' } },
  }),
  stop: control('stop', 'Stop a workflow: members in it exit'),
  // Who would enter: the saved draft (the publish dialog) or the live version (resuming).
  entryEstimate: defineRoute<EntryEstimate>()({
    method: 'GET',
    path: '/api/v1/workflows/:id/entry-estimate',
    access: 'read',
    query: EntryEstimateQuery,
    summary: 'Who would enter if the draft were published (or the live version resumed) now',
    example: { query: { version: 'draft' } },
  }),
  migrate: defineRoute<MigrateResult>()({
    method: 'POST',
    path: '/api/v1/workflows/:id/migrate',
    access: 'edit',
    body: MigrateBody,
    answer: z.object({ migrated: Count, skipped: Count }),
    summary: 'Move members from one version to another, node by node',
    example: { body: { fromVersion: 1, toVersion: 2, mapping: { wait_3d: 'wait_3d' } } },
  }),
  duplicate: defineRoute<WorkflowDetail>()({
    method: 'POST',
    path: '/api/v1/workflows/:id/duplicate',
    access: 'edit',
    answer: WorkflowDetailAnswer,
    status: 201,
    summary: 'Copy a workflow as a new draft named "(copy)"',
  }),
  archive: defineRoute<WorkflowDetail>()({
    method: 'POST',
    path: '/api/v1/workflows/:id/archive',
    access: 'edit',
    answer: WorkflowDetailAnswer,
    summary: 'Archive a workflow (409 while it is live: stop it first)',
  }),
  version: defineRoute<PublishedVersion>()({
    method: 'GET',
    path: '/api/v1/workflows/:id/versions/:version',
    access: 'read',
    answer: z.object({ version: Count, publishedAt: z.string(), definition: WorkflowDefinition }),
    summary: 'One published version, as it was published',
  }),
  stats: defineRoute<WorkflowStats>()({
    method: 'GET',
    path: '/api/v1/workflows/:id/stats',
    access: 'read',
    answer: StatsAnswer,
    summary: 'Members per node of the live version: there now, entered, passed and how journeys ended',
  }),
};
