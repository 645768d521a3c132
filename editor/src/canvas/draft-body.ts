import type { SaveDraftBody } from '@memberflow/shared/api/workflows';
import type { WorkflowDefinition } from '@memberflow/shared/definition';

/** Builds the PUT body with a fixed key order, so its JSON doubles as a "has anything changed" key. */
export function draftBody(name: string, description: string, definition: WorkflowDefinition): SaveDraftBody {
  return { name, description, definition };
}

export function draftKey(body: SaveDraftBody): string {
  return JSON.stringify(body);
}
