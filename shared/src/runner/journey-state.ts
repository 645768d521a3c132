import type { JourneyStatus } from '../api/workflows.ts';
import type { PersistedJourney } from '../journey-machine.ts';

/** An event that reached a journey while its workflow was paused: applied, in time order, on resume. */
export interface InboxEvent {
  seq: number | null;
  type: string;
  at: number;
  properties: Record<string, unknown>;
}

/** A journey (member x workflow version) as the runner holds it while applying a member's timeline. */
export interface JourneyState {
  id: string;
  workflowId: string;
  /** Not stored on the journey; read with it for {{workflow.name}}. */
  workflowName: string;
  /** Its workflow is paused: no steps, no wake-ups, no actions; events wait in the inbox. */
  held: boolean;
  versionId: string;
  memberId: string;
  status: JourneyStatus;
  currentNode: string;
  snapshot: PersistedJourney;
  wakeAt: number | null;
  entryCount: number;
  enteredAt: number;
  endedAt: number | null;
  lastError: string | null;
  inbox: InboxEvent[];
  dirty: boolean;
}

export const inProgress = (s: JourneyStatus) => s === 'active' || s === 'waiting';
