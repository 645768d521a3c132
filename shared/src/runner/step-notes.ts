import type { CompiledJourney, JourneyStep } from '../journey-machine.ts';
import { pinnedModule } from '../pinned-module.ts';
import { RATE_WINDOW_MS, type QueuedByRateLimit } from '../send-rate-limit.ts';
import type { JourneyState } from './journey-state.ts';
import type { EffectRow, NotePart, RunnerWrites } from './runner-writes.ts';

/** What an effect row says in the trace: its summary, or why it was skipped or held. */
export function effectNote(summary: string, e: EffectRow): string {
  const skipped = e.payload.skipped;
  if (typeof skipped === 'string') return `skipped: ${skipped}`;
  const limit = e.payload.rateLimit as QueuedByRateLimit | undefined;
  const quiet = e.notBefore !== undefined && e.notBefore > e.at ? ` (held until ${new Date(e.notBefore).toISOString()} for quiet hours)` : '';
  if (limit) return `${summary}${quiet} (queued: this step sends at most ${limit.count.toLocaleString('en-US')} per ${windowName(limit.windowMs)})`;
  if (e.notBefore !== undefined) return `${summary} (held until ${new Date(e.notBefore).toISOString()} for quiet hours)`;
  return summary;
}

/** effectNote as a message key and values; the summary itself the client writes from the step's config. */
export function effectNoteParts(e: EffectRow | undefined): NotePart[] {
  if (!e) return [{ key: 'action', vars: {} }];
  const skipped = e.payload.skipped;
  if (typeof skipped === 'string') return [{ key: 'actionSkipped', vars: { why: skipped } }];
  const limit = e.payload.rateLimit as QueuedByRateLimit | undefined;
  const held = e.notBefore !== undefined && e.notBefore > e.at ? [{ key: 'held', vars: { until: e.notBefore } }] : [];
  if (limit) return [{ key: 'action', vars: {} }, ...held, { key: 'queued', vars: { count: limit.count, per: windowName(limit.windowMs) } }];
  if (e.notBefore !== undefined) return [{ key: 'action', vars: {} }, { key: 'held', vars: { until: e.notBefore } }];
  return [{ key: 'action', vars: {} }];
}

function windowName(ms: number): string {
  return Object.entries(RATE_WINDOW_MS).find(([, w]) => w === ms)?.[0] ?? `${ms / 1000} s`;
}

/** Trace notes for a step's actions: waits, effects and the end, in the simulator's words. */
export function noteActions(writes: RunnerWrites, compiled: CompiledJourney, j: JourneyState, step: JourneyStep, at: number, effectsBefore: number): void {
  const effects = writes.effects.slice(effectsBefore);
  for (const a of step.actions) {
    const mod = pinnedModule(compiled, a.nodeId);
    if (mod.group === 'wait' && j.wakeAt !== null) writes.notes.push({ at, kind: 'wait', workflowId: j.workflowId, nodeId: a.nodeId, reason: `waits until ${new Date(j.wakeAt).toISOString()}`, parts: [{ key: 'wait', vars: { until: j.wakeAt } }] });
    if (mod.group !== 'action') continue;
    const e = effects.find((x) => x.nodeId === a.nodeId);
    const summary = mod.summary(compiled.nodes.get(a.nodeId)?.config as never);
    writes.notes.push({ at, kind: 'action', workflowId: j.workflowId, nodeId: a.nodeId, reason: e ? effectNote(summary, e) : summary, parts: effectNoteParts(e) });
  }
  if (step.outcome !== 'waiting') writes.notes.push({ at, kind: 'end', workflowId: j.workflowId, nodeId: j.currentNode, reason: `journey ended: ${step.outcome}`, parts: [{ key: 'end', vars: { outcome: step.outcome } }] });
}
