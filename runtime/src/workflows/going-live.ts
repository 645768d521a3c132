import type { EntryChoice } from '@memberflow/shared/api/workflows';
import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { asksWhoEnters, entryModeOf } from '@memberflow/shared/entry-mode';
import type { Database } from '../db/database.ts';
import type { EngineDeps } from '../engine/member-lane.ts';
import { admitOnGoingLive } from '../engine/trigger-dues.ts';
import { getWorkflow } from './workflow-store.ts';

/** Asked for the live version of a workflow that has none. */
export class NotLive extends Error {}
/** The definition has no trigger, or its trigger is not complete: nobody could enter it. */
export class TriggerIncomplete extends Error {
  constructor(
    message: string,
    readonly nodeId: string | null,
  ) {
    super(message);
  }
}

/** The definition an estimate is for: the saved draft (before publishing) or the live version (before resuming). */
export async function definitionFor(db: Database, id: string, which: 'draft' | 'live'): Promise<WorkflowDefinition> {
  const wf = await getWorkflow(db, id);
  let definition = wf.draft;
  if (which === 'live') {
    if (wf.liveVersion === null) throw new NotLive(`"${wf.name}" has no live version yet`);
    const { rows } = await db.pool.query<{ definition: WorkflowDefinition }>('SELECT definition FROM workflow_version WHERE workflow_id = $1 AND version = $2', [id, wf.liveVersion]);
    definition = rows[0]!.definition;
  }
  const entry = entryModeOf(definition);
  if (!entry) throw new TriggerIncomplete('The workflow has no trigger, so nobody can enter it', null);
  // A draft's trigger with problems cannot be run over members; the problem is what to show.
  const trigger = definition.nodes.find((n) => n.kind === entry.trigger)!;
  const problem = which === 'draft' ? wf.violations.find((v) => v.nodeId === trigger.id) : undefined;
  if (problem) throw new TriggerIncomplete(`The trigger "${trigger.label || trigger.id}" is not complete: ${problem.message}`, trigger.id);
  return definition;
}

/**
 * After publish or resume: time and segment triggers store each member's next moment and, with
 * `qualified_now`, members who already qualify are due now. Called for event triggers too (with
 * `from_now`), so moments left by an earlier time-triggered version are cleared.
 */
export async function admitOnLive(engine: EngineDeps, workflowId: string, definition: WorkflowDefinition, entry: EntryChoice): Promise<number> {
  const choice = asksWhoEnters(entryModeOf(definition)?.mode) ? entry : 'from_now';
  return (await admitOnGoingLive(engine, workflowId, choice)).enteringNow;
}

/** The definition of the version just published. */
export async function versionDefinition(db: Database, versionId: string): Promise<WorkflowDefinition> {
  const { rows } = await db.pool.query<{ definition: WorkflowDefinition }>('SELECT definition FROM workflow_version WHERE id = $1', [versionId]);
  return rows[0]!.definition;
}
