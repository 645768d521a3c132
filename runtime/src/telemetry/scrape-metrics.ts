import type { QueueHealth } from '@memberflow/shared/api/monitoring';
import type { Queue } from 'bullmq';
import type { Database } from '../db/database.ts';
import { within } from '../db/time-limit.ts';
import type { EngineDeps } from '../engine/member-lane.ts';
import { queueHealth } from '../monitoring/queue-health.ts';
import type { Telemetry } from './telemetry.ts';

/** How long each store gets to answer a scrape; Prometheus gives a scrape 10 s by default. */
const SCRAPE_STORE_TIMEOUT_MS = 3000;

/**
 * Reads the figures that live in the stores (queue counts and ages, due wake-ups, pending and
 * set-aside events, stuck effects, the pool) into their gauges, then renders the registry. A
 * store that does not answer leaves its gauges empty and `memberflow_store_up{store}` at 0: the
 * process's own metrics (HTTP, lanes, Node) are still served, so an outage is visible, not a
 * failed scrape.
 */
export async function scrapeMetrics(t: Telemetry, engine: EngineDeps, queues: Record<string, Queue>): Promise<string> {
  const g = t.gauges;
  for (const gauge of [g.queueJobs, g.queueDepth, g.queueOldestAge, g.effects, g.journeys]) gauge.reset();
  poolGauges(t, engine.db);
  const [health, ages] = await Promise.allSettled([
    within(SCRAPE_STORE_TIMEOUT_MS, () => queueHealth(engine, queues)),
    within(SCRAPE_STORE_TIMEOUT_MS, () => oldestWaiting(queues)),
  ]);
  if (health.status === 'fulfilled') healthGauges(t, health.value);
  if (ages.status === 'fulfilled') for (const [queue, age] of Object.entries(ages.value)) g.queueOldestAge.set({ queue }, age);
  const [postgres, redis] = await Promise.allSettled([
    within(SCRAPE_STORE_TIMEOUT_MS, () => engine.db.pool.query('SELECT 1')),
    within(SCRAPE_STORE_TIMEOUT_MS, () => Promise.all(Object.values(queues).map((q) => q.getJobCounts('waiting')))),
  ]);
  g.storeUp.set({ store: 'postgres' }, postgres.status === 'fulfilled' ? 1 : 0);
  g.storeUp.set({ store: 'redis' }, redis.status === 'fulfilled' ? 1 : 0);
  return t.registry.metrics();
}

function poolGauges(t: Telemetry, db: Database): void {
  t.gauges.poolTotal.set(db.pool.totalCount);
  t.gauges.poolIdle.set(db.pool.idleCount);
  t.gauges.poolWaiting.set(db.pool.waitingCount);
}

function healthGauges(t: Telemetry, h: QueueHealth): void {
  const g = t.gauges;
  for (const [queue, counts] of Object.entries(h.queues)) {
    for (const [state, n] of Object.entries(counts)) g.queueJobs.set({ queue, state }, n);
    g.queueDepth.set({ queue }, (counts.waiting ?? 0) + (counts.prioritized ?? 0));
  }
  g.dueWakeups.set(h.dueWakeups);
  g.wakeLag.set(h.wakeLagSeconds);
  g.pendingEvents.set(h.pendingEvents);
  g.eventLag.set(h.eventLagSeconds);
  g.quarantinedEvents.set(h.quarantinedEvents);
  g.stepsLastMinute.set(h.stepsLastMinute);
  g.stuckEffects.set(h.stuckEffects);
  for (const [status, n] of Object.entries(h.effects)) g.effects.set({ status }, n);
  for (const [status, n] of Object.entries(h.journeys)) g.journeys.set({ status }, n);
}

/**
 * Seconds since the oldest job still waiting to be picked up was added, per queue (0 when none).
 * BullMQ takes jobs from the far end of its wait list, so the oldest is read from there; job
 * timestamps are wall-clock (Redis side), so the age is too.
 */
async function oldestWaiting(queues: Record<string, Queue>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, q] of Object.entries(queues)) {
    const jobs = await q.getJobs(['wait', 'prioritized'], 0, 0, true);
    const oldest = Math.min(...jobs.map((j) => j.timestamp));
    out[name] = Number.isFinite(oldest) ? Math.max(0, (Date.now() - oldest) / 1000) : 0;
  }
  return out;
}
