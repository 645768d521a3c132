import type { Clock } from '@memberflow/shared/clock';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type Metric } from 'prom-client';

/** Latencies in seconds, from a few milliseconds to an hour: HTTP, lane passes and dispatch share these. */
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];
/** Lateness of wake-ups: a sweep's ordinary delay is seconds; an outage is hours. */
const LAG_SECONDS = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 3 * 3600, 12 * 3600, 86_400];
/** Members per batch: 1 (a lone event) up to MAX_BATCH (200). */
const MEMBERS = [1, 2, 5, 10, 20, 50, 100, 150, 200];

/**
 * One runtime's metrics, in its own prom-client Registry (never the global default register, which
 * several runtimes or test files in one process would share). The runtime creates one and passes it
 * through EngineDeps; lanes, the dispatcher and the HTTP layer observe into it, and GET /metrics
 * renders it after refreshing the gauges read at scrape time (scrape-metrics.ts).
 */
export interface Telemetry {
  registry: Registry;
  /** The engine's clock: latencies measured against stored engine times (received_at, wake_at) use it. */
  clock: Clock;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  lanePassDuration: Histogram<'kind' | 'outcome'>;
  laneBatchSize: Histogram<string>;
  steps: Counter<'cause'>;
  effects: Counter<'kind' | 'status'>;
  wakeupLag: Histogram<'kind'>;
  eventToEffect: Histogram<'kind'>;
  /** Gauges set at scrape time. */
  gauges: ReturnType<typeof scrapeGauges>;
}

export function createTelemetry(clock: Clock): Telemetry {
  const registry = new Registry();
  for (const m of processRegistry().getMetricsAsArray()) registry.registerMetric(m as unknown as Metric);
  const registers = [registry];
  return {
    registry,
    clock,
    httpDuration: new Histogram({ name: 'memberflow_http_request_duration_seconds', help: 'HTTP requests by method, matched route pattern and status', labelNames: ['method', 'route', 'status'], buckets: SECONDS, registers }),
    lanePassDuration: new Histogram({ name: 'memberflow_lane_pass_duration_seconds', help: 'Lane transactions (single member or batch), by outcome', labelNames: ['kind', 'outcome'], buckets: SECONDS, registers }),
    laneBatchSize: new Histogram({ name: 'memberflow_lane_batch_size', help: 'Members per lane batch the step worker runs', buckets: MEMBERS, registers }),
    steps: new Counter({ name: 'memberflow_steps_total', help: 'Journey steps committed, by what caused them (event, wait, time_trigger, enroll)', labelNames: ['cause'], registers }),
    effects: new Counter({
      name: 'memberflow_effect_outcomes_total',
      help: 'Effects by kind and outcome: decided by a lane (done, pending, held, skipped), then delivered by the dispatcher (sent, retry, failed)',
      labelNames: ['kind', 'status'],
      registers,
    }),
    wakeupLag: new Histogram({ name: 'memberflow_wakeup_lag_seconds', help: 'How late a due wait or time trigger was applied, against its due time', labelNames: ['kind'], buckets: LAG_SECONDS, registers }),
    eventToEffect: new Histogram({ name: 'memberflow_event_to_effect_seconds', help: 'From an event being received to the effect it caused being carried out', labelNames: ['kind'], buckets: SECONDS, registers }),
    gauges: scrapeGauges(registers),
  };
}

function scrapeGauges(registers: Registry[]) {
  const gauge = <L extends string>(name: string, help: string, labelNames: L[] = []) => new Gauge<L>({ name, help, labelNames, registers });
  return {
    queueJobs: gauge('memberflow_queue_jobs', 'BullMQ jobs by queue and state', ['queue', 'state']),
    queueDepth: gauge('memberflow_queue_depth', 'Jobs ready to run and not yet picked up (waiting + prioritized), by queue', ['queue']),
    queueOldestAge: gauge('memberflow_queue_oldest_job_age_seconds', 'Age of the oldest job waiting to be picked up (0 when none), by queue', ['queue']),
    dueWakeups: gauge('memberflow_due_wakeups', 'Waiting journeys whose wake-up time has passed'),
    wakeLag: gauge('memberflow_wake_lag_seconds', 'Lateness of the oldest due wake-up'),
    pendingEvents: gauge('memberflow_pending_events', 'Stored events not yet applied'),
    eventLag: gauge('memberflow_event_lag_seconds', 'Age of the oldest unapplied event'),
    quarantinedEvents: gauge('memberflow_quarantined_events', 'Events set aside after failing repeatedly, waiting for a retry'),
    stepsLastMinute: gauge('memberflow_steps_last_minute', 'Journey steps in the last minute'),
    stuckEffects: gauge('memberflow_stuck_effects', 'Effects pending longer than STUCK_EFFECT_MINUTES'),
    effects: gauge('memberflow_effects', 'Effects by status', ['status']),
    journeys: gauge('memberflow_journeys', 'Journeys by status', ['status']),
    poolTotal: gauge('memberflow_pg_pool_total', 'Postgres connections this process holds (idle and in use)'),
    poolIdle: gauge('memberflow_pg_pool_idle', 'Postgres connections idle in the pool'),
    poolWaiting: gauge('memberflow_pg_pool_waiting', 'Queries waiting for a Postgres connection from the pool'),
    storeUp: gauge('memberflow_store_up', 'Whether the store answered at scrape time (1) or not (0)', ['store']),
  };
}

let processMetrics: Registry | undefined;

/**
 * Node's default process metrics (CPU, memory, event-loop lag, GC), collected once per process
 * and registered into each runtime's registry: they describe the process, and collecting them per
 * runtime would leave an event-loop monitor and a GC observer behind for every runtime started
 * (backtests start one per run).
 */
function processRegistry(): Registry {
  if (!processMetrics) {
    processMetrics = new Registry();
    collectDefaultMetrics({ register: processMetrics });
  }
  return processMetrics;
}
