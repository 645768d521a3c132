import { needsEarnedHistory } from '@memberflow/shared/runner/programme';
import { runMember, type RunResult } from '@memberflow/shared/runner/run-member';
import type pg from 'pg';
import { withTransaction } from '../db/transaction.ts';
import { flushRuns } from './lane-flush.ts';
import { hasWork, loadBatchHeads, loadMemberInputs, settleErased, type LaneHead } from './lane-load.ts';
import { loadRunnerRules } from './lane-rules.ts';
import { passWindow } from './lane-window.ts';
import { observeRuns, timedPass, type ObservedRun } from '../telemetry/lane-observations.ts';
import { countsAgainstEvent, runMemberLane, type EngineDeps, type LaneResult } from './member-lane.ts';

/**
 * Members one batch transaction holds at most. Each holds an advisory lock until commit, and
 * Postgres keeps max_locks_per_transaction (64) × max_connections lock slots for everyone:
 * 200 per batch leaves room for many batches at once and for the rest of the engine.
 */
export const MAX_BATCH = 200;
/** Stored events per member per batch pass; a member with more goes round again. */
const BATCH_EVENTS = 100;

export interface BatchOutcome {
  results: Map<string, LaneResult>;
  /** Members whose lane failed (after being run alone), with the error their job should see. */
  failures: Map<string, unknown>;
}

/**
 * Many members' lanes in one transaction: lock them all, load their state with a handful of
 * set-based statements, run the journey runner per member in memory, write everything with a
 * handful of multi-row statements, commit once. A member with more work goes round again.
 *
 * A batch that fails says nothing about which member is at fault, so its members then run alone,
 * each through the single lane with its poison-event isolation: a bad event is counted (and after
 * three failures set aside) on its own member only, and its batch neighbours are applied.
 * One member alone takes the single lane straight away: no batch machinery, a few milliseconds.
 */
export async function runLaneBatch(deps: EngineDeps, memberIds: string[]): Promise<BatchOutcome> {
  const out: BatchOutcome = { results: new Map(), failures: new Map() };
  let todo = [...new Set(memberIds)].sort();
  deps.telemetry?.laneBatchSize.observe(todo.length);
  while (todo.length) {
    const chunk = todo.slice(0, MAX_BATCH);
    const rest = todo.slice(MAX_BATCH);
    if (chunk.length === 1) {
      await runAlone(deps, chunk[0]!, out);
      todo = rest;
      continue;
    }
    let pass: BatchPass;
    try {
      pass = await timedPass(deps.telemetry, 'batch', () => withTransaction(deps.db.pool, (c) => batchPass(deps, c, chunk)));
    } catch (e) {
      // Infrastructure trouble (a lost connection, a deadlock, stock taken meanwhile) says nothing
      // about the members: their jobs retry as usual rather than running 200 lanes into it.
      if (!countsAgainstEvent(e)) for (const id of chunk) out.failures.set(id, e);
      else for (const id of chunk) await runAlone(deps, id, out);
      todo = rest;
      continue;
    }
    for (const [id, r] of pass.results) add(out, id, r);
    observeRuns(deps.telemetry, pass.runs, deps.mode);
    if (pass.pending.length && deps.dispatch) await deps.dispatch(pass.pending);
    todo = [...pass.more, ...rest].sort();
  }
  return out;
}

async function runAlone(deps: EngineDeps, memberId: string, out: BatchOutcome): Promise<void> {
  try {
    add(out, memberId, await runMemberLane(deps, memberId));
  } catch (e) {
    out.failures.set(memberId, e);
  }
}

function add(out: BatchOutcome, id: string, r: LaneResult): void {
  const prev = out.results.get(id);
  out.results.set(id, prev ? { events: prev.events + r.events, steps: prev.steps + r.steps } : r);
}

interface BatchPass {
  results: Map<string, LaneResult>;
  /** Members with work left (more events than one pass reads, raised events not yet applied). */
  more: string[];
  /** Effects to carry out after commit. */
  pending: string[];
  /** The runs that commit with the pass, for the metrics. */
  runs: ObservedRun[];
}

/**
 * Per-member advisory locks (not per-shard ones), taken in one statement in id order, the order
 * `member-lock.ts` uses too, so lock waits never form a cycle. A batch then excludes a single-member
 * lane, an admin's member change or another process's batch exactly where they overlap: unrelated
 * members never wait for each other, as they would behind a shard lock held by a long batch,
 * and a member alone never waits for a shard's batch. The cost is one lock slot per member,
 * which MAX_BATCH bounds.
 */
async function lockMembers(c: pg.ClientBase, sortedIds: string[]): Promise<void> {
  await c.query('SELECT count(pg_advisory_xact_lock(hashtext(u.id))) FROM unnest($1::text[]) WITH ORDINALITY AS u(id, n)', [sortedIds]);
}

async function batchPass(deps: EngineDeps, c: pg.ClientBase, ids: string[]): Promise<BatchPass> {
  const pass: BatchPass = { results: new Map(), more: [], pending: [], runs: [] };
  await lockMembers(c, ids);
  const now = deps.clock.now();
  const loaded = await loadBatchHeads(c, ids, BATCH_EVENTS);
  const heads = new Map([...loaded.heads].filter(([, h]) => hasWork(h, now)));
  if (!heads.size) return pass;
  for (const id of [...loaded.erased].filter((e) => heads.has(e))) {
    const head = heads.get(id)!;
    await settleErased(c, id, head);
    pass.results.set(id, { events: head.events.length, steps: 0 });
    if (head.events.length === BATCH_EVENTS) pass.more.push(id);
    heads.delete(id);
  }
  if (!heads.size) return pass;
  const runs = await runHeads(deps, c, heads, now, pass);
  await flushRuns(c, runs);
  pass.pending = runs.flatMap((r) => r.writes.effects.filter((e) => e.status === 'pending').map((e) => e.idempotencyKey));
  return pass;
}

/** The runner over each member's head, with one set of rules for the batch (coupon stock is shared, so it is decided across members). */
async function runHeads(deps: EngineDeps, c: pg.ClientBase, heads: Map<string, LaneHead>, now: number, pass: BatchPass): Promise<RunResult[]> {
  const rules = await loadRunnerRules(deps, c, new Set([...heads.values()].flatMap((h) => h.journeys.map((j) => j.versionId))));
  const inputs = await loadMemberInputs(c, heads, now, rules.contact.cap.days, needsEarnedHistory(rules));
  const runs: RunResult[] = [];
  for (const [id, head] of heads) {
    const run = runMember(inputs.get(id)!, rules, passWindow(rules.mode, head, BATCH_EVENTS, now));
    runs.push(run);
    pass.runs.push({ run, events: head.events });
    pass.results.set(id, { events: run.events, steps: run.steps });
    if (head.events.length === BATCH_EVENTS || run.writes.raised.some((r) => !r.applied)) pass.more.push(id);
  }
  return runs;
}
