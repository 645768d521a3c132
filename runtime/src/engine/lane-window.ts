import type { RunOptions } from '@memberflow/shared/runner/run-member';
import type { LaneHead } from './lane-load.ts';

/** When a stored event acts: its own time in replay; live, no earlier than the engine learned of it. */
export const eventKey = (mode: 'live' | 'replay', e: { occurredAt: number; receivedAt: number }) => (mode === 'replay' ? e.occurredAt : Math.max(e.occurredAt, e.receivedAt));

/**
 * How far one pass over a member's loaded head may go: everything due by now, but with more
 * events unread nothing after the last one read, and when finding a poison event only the
 * wake-ups due before the first event.
 */
export function passWindow(mode: 'live' | 'replay', head: LaneHead, limit: number, now: number, onlyWakeups = false): RunOptions {
  const full = head.events.length === limit;
  const firstKey = head.events[0] ? eventKey(mode, head.events[0]) : now;
  const lastKey = head.events.length ? eventKey(mode, head.events.at(-1)!) : now;
  const until = onlyWakeups ? Math.min(now, firstKey - 1) : full ? Math.min(now, lastKey) : now;
  return { until, dueFrom: mode === 'replay' ? Math.min(firstKey, now) : now };
}
