import { workflowRoutes, type PublishedVersion } from '@memberflow/shared/api/workflow-routes';
import type { CreateWorkflowBody, EntryChoice, EntryEstimate, PublishResult, SaveDraftBody, WorkflowDetail, WorkflowStats, WorkflowSummary } from '@memberflow/shared/api/workflows';
import { callRoute } from './call-route.ts';

const one = (id: string) => ({ id });

export async function listWorkflows(signal?: AbortSignal): Promise<WorkflowSummary[]> {
  return (await callRoute(workflowRoutes.list, { signal })).workflows;
}

export function getWorkflow(id: string, signal?: AbortSignal): Promise<WorkflowDetail> {
  return callRoute(workflowRoutes.get, { params: one(id), signal });
}

export function createWorkflow(
  body: Pick<CreateWorkflowBody, 'name' | 'templateKey'> & { description?: string },
): Promise<WorkflowDetail> {
  return callRoute(workflowRoutes.create, { body });
}

export function saveDraft(id: string, body: SaveDraftBody): Promise<WorkflowDetail> {
  return callRoute(workflowRoutes.saveDraft, { params: one(id), body });
}

/** `entry`: who enters a time- or segment-triggered workflow now (the server's default is `from_now`). */
export function publishWorkflow(id: string, entry?: EntryChoice): Promise<PublishResult> {
  return callRoute(workflowRoutes.publish, { params: one(id), body: entry ? { entry } : {} });
}

/** Who would enter: the saved draft (publish) or the live version (resume), over current members. */
export function getEntryEstimate(id: string, version: 'draft' | 'live', signal?: AbortSignal): Promise<EntryEstimate> {
  return callRoute(workflowRoutes.entryEstimate, { params: one(id), query: { version }, signal });
}

export function duplicateWorkflow(id: string): Promise<WorkflowDetail> {
  return callRoute(workflowRoutes.duplicate, { params: one(id) });
}

/** 409 while the workflow is live: it must be stopped first. */
export function archiveWorkflow(id: string): Promise<WorkflowDetail> {
  return callRoute(workflowRoutes.archive, { params: one(id) });
}

export function getWorkflowStats(id: string, signal?: AbortSignal): Promise<WorkflowStats> {
  return callRoute(workflowRoutes.stats, { params: one(id), signal });
}

/** GET /api/v1/workflows/:id/versions/:version: one published version, immutable. */
export type WorkflowVersion = PublishedVersion;

export function getWorkflowVersion(id: string, version: number, signal?: AbortSignal): Promise<WorkflowVersion> {
  return callRoute(workflowRoutes.version, { params: { id, version: String(version) }, signal });
}
