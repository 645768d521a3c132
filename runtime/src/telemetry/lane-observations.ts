import { TIMEOUT_EVENT } from '@memberflow/shared/member-event';
import { ENROLL_EVENT, TRIGGER_EVENT } from '@memberflow/shared/runner/internal-events';
import type { RunResult } from '@memberflow/shared/runner/run-member';
import type { PendingEvent } from '@memberflow/shared/runner/runner-input';
import type { Telemetry } from './telemetry.ts';

/** One member's run in a committed lane pass, with the stored events it read. */
export interface ObservedRun {
  run: RunResult;
  events: PendingEvent[];
}

/** A step's cause as a bounded label: event types are the brand's own names, so they all count as `event`. */
const causeLabel = (cause: string) => (cause === TIMEOUT_EVENT ? 'wait' : cause === TRIGGER_EVENT ? 'time_trigger' : cause === ENROLL_EVENT ? 'enroll' : 'event');

/**
 * What a committed lane pass adds to the metrics: steps by cause, effects by kind and decided
 * status, how late its due waits and time triggers were applied (live lanes only: a replay's
 * clock is the history's), and, for effects carried out in the step itself (coupons, points,
 * log messages), the time from their event's arrival. Call after commit: a rolled-back pass
 * did nothing.
 */
export function observeRuns(t: Telemetry | undefined, runs: ObservedRun[], mode: 'live' | 'replay' = 'live'): void {
  if (!t || mode === 'replay') return;
  const now = t.clock.now();
  for (const { run, events } of runs) {
    const received = new Map(events.filter((e) => e.seq !== null).map((e) => [e.seq!, e.receivedAt]));
    // The step that ran an effect's node: same journey, same moment, the node on its path.
    const causeOf = (fx: RunResult['writes']['effects'][number]) =>
      run.writes.steps.find((s) => s.journeyId === fx.journeyId && s.at === fx.at && s.path.includes(fx.nodeId));
    for (const s of run.writes.steps) {
      const cause = causeLabel(s.cause);
      t.steps.inc({ cause });
      // A wake-up's step is stamped with its wake_at; a trigger's with when it fired, so its moment comes from the fire.
      if (cause === 'wait') t.wakeupLag.observe({ kind: 'wait' }, Math.max(0, now - s.at) / 1000);
    }
    for (const f of run.writes.fires) t.wakeupLag.observe({ kind: 'time_trigger' }, Math.max(0, now - f.occurrenceAt) / 1000);
    for (const fx of run.writes.effects) {
      t.effects.inc({ kind: fx.kind, status: fx.status });
      const seq = fx.status === 'done' ? causeOf(fx)?.eventSeq : null;
      const at = seq != null ? received.get(seq) : undefined;
      if (at !== undefined) t.eventToEffect.observe({ kind: fx.kind }, Math.max(0, now - at) / 1000);
    }
  }
}

/** Times one lane transaction; the outcome label says whether it committed. */
export async function timedPass<T>(t: Telemetry | undefined, kind: 'single' | 'batch', pass: () => Promise<T>): Promise<T> {
  const end = t?.lanePassDuration.startTimer({ kind });
  try {
    const r = await pass();
    end?.({ outcome: 'ok' });
    return r;
  } catch (e) {
    end?.({ outcome: 'error' });
    throw e;
  }
}
