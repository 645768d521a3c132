import '../zod-messages.ts';
import { z } from 'zod';
import { WorkflowDefinition } from '../definition.ts';
import type { NodeKind } from '../node-kind.ts';
import type { StandingReasonParts } from '../runner/time-triggers.ts';
import type { Violation } from '../violations.ts';

export const WorkflowStatus = z.enum(['draft', 'active', 'paused', 'stopped', 'archived']);
export type WorkflowStatus = z.infer<typeof WorkflowStatus>;

export const JourneyStatus = z.enum(['active', 'waiting', 'completed', 'converted', 'exited', 'failed']);
export type JourneyStatus = z.infer<typeof JourneyStatus>;

/** POST /api/v1/workflows: blank, from a template, or from a full definition. */
export const CreateWorkflowBody = z.object({
  name: z.string().trim().min(1, 'give the workflow a name').max(120),
  description: z.string().max(2000).default(''),
  templateKey: z.string().min(1).optional(),
  // Checked by graph validation afterwards, so a draft may be incomplete.
  definition: z.unknown().optional(),
});
export type CreateWorkflowBody = z.infer<typeof CreateWorkflowBody>;

/** PUT /api/v1/workflows/:id/draft */
export const SaveDraftBody = z.object({
  name: z.string().trim().min(1, 'give the workflow a name').max(120).optional(),
  description: z.string().max(2000).optional(),
  definition: WorkflowDefinition,
});
export type SaveDraftBody = z.infer<typeof SaveDraftBody>;

export type JourneyCounts = Record<JourneyStatus, number>;

export interface WorkflowSummary {
  id: string;
  name: string;
  description: string;
  status: WorkflowStatus;
  liveVersion: number | null;
  updatedAt: string;
  journeys: JourneyCounts;
}

export interface WorkflowDetail extends WorkflowSummary {
  draft: WorkflowDefinition;
  violations: Violation[];
  versions: { version: number; publishedAt: string }[];
}

/** GET /api/v1/workflows/:id/stats: members per node of the live version. */
export interface WorkflowStats {
  version: number | null;
  journeys: JourneyCounts;
  /**
   * Per node: members there now, entries, and how journeys that stopped there ended
   * (completed, converted, exited, failed); passed = entered - current - those that ended there.
   */
  nodes: Record<string, { current: number; entered: number; passed: number; completed: number; converted: number; exited: number; failed: number }>;
}

/** Error body for every 4xx: `issues` name the offending fields. */
export interface ApiError {
  error: string;
  issues?: { field: string; message: string }[];
  violations?: Violation[];
  /** 429 answers: when to try again. */
  retryAfterSeconds?: number;
}

/** POST /api/v1/workflows/:id/migrate: move members from one version to another, node by node. */
export const MigrateBody = z.object({
  fromVersion: z.number().int().min(1).max(1_000_000),
  toVersion: z.number().int().min(1).max(1_000_000),
  /** Node in the old version -> wait node in the new one, for every node where members sit. */
  mapping: z.record(z.string(), z.string().min(1)),
});
export type MigrateBody = z.infer<typeof MigrateBody>;

export interface MigrateResult {
  migrated: number;
  /** Members who already have a journey in the target version (e.g. finished it): left where they are. */
  skipped: number;
}

/** GET /api/v1/effects query: what happened, filterable (e.g. failed deliveries for admins). */
export const EffectsQuery = z.object({
  status: z.enum(['done', 'pending', 'held', 'failed', 'skipped']).optional(),
  workflowId: z.string().uuid('must be a workflow id').optional(),
  memberId: z.string().min(1).max(128).optional(),
  kind: z.string().min(1).max(40).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type EffectsQuery = z.infer<typeof EffectsQuery>;


/**
 * Who enters when a time- or segment-triggered workflow goes live (publish, resume): members who
 * already qualify enter now, or only members who qualify from now on. Event triggers ignore it.
 */
export const EntryChoice = z.enum(['qualified_now', 'from_now'], { error: 'must be "qualified_now" or "from_now"' });
export type EntryChoice = z.infer<typeof EntryChoice>;

/** POST /api/v1/workflows/:id/publish and …/resume. The default keeps the meaning the API always had. */
export const GoLiveBody = z.object({ entry: EntryChoice.default('from_now') });
export type GoLiveBody = z.infer<typeof GoLiveBody>;

/** GET /api/v1/workflows/:id/entry-estimate: the saved draft (publish) or the live version (resume). */
export const EntryEstimateQuery = z.object({ version: z.enum(['draft', 'live'], { error: 'must be "draft" or "live"' }).default('draft') });
export type EntryEstimateQuery = z.infer<typeof EntryEstimateQuery>;

/** Who would enter, from the runner over current members, in the member trace's words. */
export interface EntryEstimate {
  trigger: NodeKind;
  mode: 'time' | 'segment' | 'event';
  /** Members looked at (not erased). */
  members: number;
  /** Would enter now if the admin chooses `qualified_now`. */
  qualifyingNow: number;
  /** Have a future moment (time triggers). */
  upcoming: number;
  /** Grouped, most common first (top 8); `parts` for the editor, with the members' own dates (`…At`) null. */
  reasons: { reason: string; count: number; parts: StandingReasonParts }[];
}

export interface PublishResult {
  version: number;
  versionId: string;
  /** Members made due now by `entry: "qualified_now"` (0 for event triggers and `from_now`). */
  enteringNow: number;
}

export interface ControlResult {
  status: WorkflowStatus;
  exited: number;
  /** Resume only: members made due now by `entry: "qualified_now"`. */
  enteringNow?: number;
}
