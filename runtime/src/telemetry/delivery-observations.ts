import type { Telemetry } from './telemetry.ts';

/**
 * One delivery attempt's outcome: `sent`, `retry` (it failed and BullMQ tries again) or `failed`
 * (given up). A sent effect whose step was caused by an event also gives the time since that
 * event was received (`receivedMs`, engine clock).
 */
export function observeDelivery(t: Telemetry | undefined, kind: string, status: 'sent' | 'retry' | 'failed', receivedMs: number | null): void {
  if (!t) return;
  t.effects.inc({ kind, status });
  if (status === 'sent' && receivedMs !== null) t.eventToEffect.observe({ kind }, Math.max(0, t.clock.now() - receivedMs) / 1000);
}
