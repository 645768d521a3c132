import type {
  CreateWorkflowBody,
  EntryChoice,
  EntryEstimate,
  PublishResult,
  SaveDraftBody,
  WorkflowDetail,
  WorkflowStats,
  WorkflowSummary,
} from '@memberflow/shared/api/workflows';
import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { requestJson } from './http.ts';

const base = '/api/v1/workflows';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export async function listWorkflows(signal?: AbortSignal): Promise<WorkflowSummary[]> {
  return (await requestJson<{ workflows: WorkflowSummary[] }>('GET', base, undefined, signal)).workflows;
}

export function getWorkflow(id: string, signal?: AbortSignal): Promise<WorkflowDetail> {
  return requestJson('GET', one(id), undefined, signal);
}

export function createWorkflow(
  body: Pick<CreateWorkflowBody, 'name' | 'templateKey'> & { description?: string },
): Promise<WorkflowDetail> {
  return requestJson('POST', base, body);
}

export function saveDraft(id: string, body: SaveDraftBody): Promise<WorkflowDetail> {
  return requestJson('PUT', `${one(id)}/draft`, body);
}

/** `entry`: who enters a time- or segment-triggered workflow now (the server's default is `from_now`). */
export function publishWorkflow(id: string, entry?: EntryChoice): Promise<PublishResult> {
  return requestJson('POST', `${one(id)}/publish`, entry ? { entry } : undefined);
}

/** Who would enter: the saved draft (publish) or the live version (resume), over current members. */
export function getEntryEstimate(id: string, version: 'draft' | 'live', signal?: AbortSignal): Promise<EntryEstimate> {
  return requestJson('GET', `${one(id)}/entry-estimate?version=${version}`, undefined, signal);
}

export function duplicateWorkflow(id: string): Promise<WorkflowDetail> {
  return requestJson('POST', `${one(id)}/duplicate`);
}

/** 409 while the workflow is live: it must be stopped first. */
export function archiveWorkflow(id: string): Promise<WorkflowDetail> {
  return requestJson('POST', `${one(id)}/archive`);
}

export function getWorkflowStats(id: string, signal?: AbortSignal): Promise<WorkflowStats> {
  return requestJson('GET', `${one(id)}/stats`, undefined, signal);
}

/** GET /api/v1/workflows/:id/versions/:version: one published version, immutable. */
export interface WorkflowVersion {
  version: number;
  publishedAt: string;
  definition: WorkflowDefinition;
}

export function getWorkflowVersion(id: string, version: number, signal?: AbortSignal): Promise<WorkflowVersion> {
  return requestJson('GET', `${one(id)}/versions/${version}`, undefined, signal);
}

