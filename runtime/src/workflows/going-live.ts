import type { EntryChoice } from '@memberflow/shared/api/workflows';
import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { asksWhoEnters, entryModeOf } from '@memberflow/shared/entry-mode';
import type { Violation } from '@memberflow/shared/violations';
import type { Database } from '../db/database.ts';
import type { EngineDeps } from '../engine/member-lane.ts';
import { admitOnGoingLive } from '../engine/trigger-dues.ts';
import { getWorkflow } from './workflow-store.ts';

/** Asked for the live version of a workflow that has none. */
export class NotLive extends Error {}
/** The draft has problems (or no trigger): the runner cannot walk members through it yet. */
export class DraftNotReady extends Error {
  constructor(
    message: string,
    readonly violations: Violation[],
  ) {
    super(message);
  }
}

/** The live version's definition: what resume and the resume dialog's estimate are about. */
export async function liveDefinition(db: Database, id: string): Promise<WorkflowDefinition> {
  const wf = await getWorkflow(db, id);
  if (wf.liveVersion === null) throw new NotLive(`"${wf.name}" has no live version yet`);
  const { rows } = await db.pool.query<{ definition: WorkflowDefinition }>('SELECT definition FROM workflow_version WHERE workflow_id = $1 AND version = $2', [id, wf.liveVersion]);
  return rows[0]!.definition;
}

/** The definition an estimate is for: the saved draft (before publishing) or the live version (before resuming). */
export async function definitionFor(db: Database, id: string, which: 'draft' | 'live'): Promise<WorkflowDefinition> {
  if (which === 'live') return liveDefinition(db, id);
  const wf = await getWorkflow(db, id);
  // Only a draft that could be published compiles; its problems are what to show instead.
  if (wf.violations.length > 0) throw new DraftNotReady(`the draft has ${wf.violations.length} problem(s); first: ${wf.violations[0]!.message}`, wf.violations);
  if (!entryModeOf(wf.draft)) throw new DraftNotReady('the draft has no trigger, so nobody can enter it', []);
  return wf.draft;
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
