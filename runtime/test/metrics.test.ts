import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildWorkflow } from '@memberflow/shared/templates/build';
import { register as globalRegister } from 'prom-client';
import { afterAll, describe, expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { RuntimeConfig } from '../src/config.ts';
import { startRuntime } from '../src/runtime.ts';
import { DAY, JAN_1, test, type Infra } from './infra-fixture.ts';

const deploy = (file: string) => readFileSync(new URL(`../../deploy/${file}`, import.meta.url), 'utf8');

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text exposition format: `# TYPE family type` lines and `name{label="value",…} number` samples. */
function parseExposition(text: string): { types: Map<string, string>; samples: Sample[] } {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) types.set(type[1]!, type[2]!);
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not an exposition line: ${line}`);
    const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1]!, l[2]!]));
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return { types, samples };
}

/** The one sample with this name and these labels (others may exist: they must match exactly). */
function value(samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const same = (s: Sample) => Object.keys(s.labels).length === Object.keys(labels).length && Object.entries(labels).every(([k, v]) => s.labels[k] === v);
  const hits = samples.filter((s) => s.name === name && same(s));
  if (hits.length > 1) throw new Error(`${name} ${JSON.stringify(labels)} matches ${hits.length} samples`);
  return hits[0]?.value;
}

const PROMQL_KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'and', 'or', 'unless', 'offset', 'inf', 'nan']);

/**
 * Metric names a PromQL expression reads: string literals, label matchers `{…}`, ranges `[…]` and
 * grouping clauses `by (…)` are dropped; what is left that is an identifier not called as a
 * function (`rate(`) nor a keyword is a metric.
 */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  return [...bare.matchAll(/(?<![\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)\b(?!\s*\()/g)].map((m) => m[1]!).filter((n) => !PROMQL_KEYWORDS.has(n.toLowerCase()));
}

/** Every `expr` in the dashboard's panels, and the metric its `label_values(metric, label)` variables read. */
function dashboardExprs(): string[] {
  const dash = JSON.parse(deploy('grafana-dashboard.json')) as {
    panels: { targets: { expr: string }[] }[];
    templating: { list: { type: string; query?: { query?: string } }[] };
  };
  const variables = dash.templating.list
    .filter((v) => v.type === 'query')
    .map((v) => {
      const metric = /^label_values\((\w+),\s*\w+\)$/.exec(v.query?.query ?? '')?.[1];
      if (!metric) throw new Error(`dashboard variable query not of the form label_values(metric, label): ${v.query?.query}`);
      return metric;
    });
  expect(variables.length).toBeGreaterThan(0);
  return [...dash.panels.flatMap((p) => p.targets.map((t) => t.expr)), ...variables];
}

interface AlertRule {
  alert: string;
  expr: string;
  for: string;
  labels: { severity: string };
  annotations: { summary: string };
}

async function scrape(infra: Infra) {
  const res = await fetch(`${infra.runtime.url}/metrics`, { headers: { authorization: `Bearer ${infra.apiKey}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(await res.text());
}

describe('Prometheus metrics from a runtime doing real work', () => {
  const gateway: string[] = [];
  const http = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => (gateway.push(body), res.end('ok')));
  });
  const port = new Promise<number>((ok) => http.listen(0, '127.0.0.1', () => ok((http.address() as AddressInfo).port)));
  afterAll(() => http.close());
  test.scoped({
    // SMS through a webhook gateway: the message is pending at commit and the dispatcher sends it.
    // eslint-disable-next-line no-empty-pattern
    configOverrides: async ({}, use: (v: Partial<RuntimeConfig>) => Promise<void>) => {
      const sms = { kind: 'webhook' as const, url: `http://127.0.0.1:${await port}/sms` };
      await use({ channels: { sms, email: { kind: 'log' }, wechat: { kind: 'log' }, push: { kind: 'log' }, webhook: { kind: 'log' } } });
    },
  } as never);

  test('requests, lanes, effects, wake-ups, queues, the pool and the process all show in /metrics', async ({ infra }) => {
    await infra.publishDefinition(
      'Coupon, SMS, a day, SMS',
      buildWorkflow({
        settings: { entry: 'every_time' },
        nodes: [
          ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
          ['c', 'issue_coupon', 'Coupon', { template: 'THANKS5', validityDays: 10 }],
          ['m', 'send_message', 'SMS', { channel: 'sms', body: 'Thanks, {{member.name}}', marketing: false }],
          ['w', 'wait_duration', 'A day', { duration: { amount: 1, unit: 'days' } }],
          ['x', 'exit', 'Done', { reason: 'done' }],
        ],
        edges: [
          ['t', 'next', 'c'],
          ['c', 'next', 'm'],
          ['m', 'next', 'w'],
          ['w', 'next', 'x'],
        ],
      }),
    );
    await infra.sql(`INSERT INTO member (id, name, phone) VALUES ('mx1', 'Lei', '13800000001')`);

    // The worker waits: the job sits in the queue (depth, age), and the clock moves 5 s before the lane runs.
    await infra.runtime.worker!.pause();
    expect((await infra.api('POST', '/api/v1/events', { type: 'purchase', memberId: 'mx1', timestamp: new Date(JAN_1).toISOString(), properties: { amount: 30 } })).status).toBe(202);
    const queued = await scrape(infra);
    expect(value(queued.samples, 'memberflow_queue_depth', { queue: 'steps' })).toBe(1);
    expect(value(queued.samples, 'memberflow_queue_oldest_job_age_seconds', { queue: 'steps' })).toBeGreaterThanOrEqual(0);
    expect(value(queued.samples, 'memberflow_queue_oldest_job_age_seconds', { queue: 'steps' })).toBeLessThan(60);
    expect(value(queued.samples, 'memberflow_pending_events')).toBe(1);
    infra.clock.set(JAN_1 + 5000);
    infra.runtime.worker!.resume();
    await infra.drain();
    expect(gateway).toHaveLength(1);

    // The wait is due at JAN_1 + 1 day (from the step's time); it is applied 90 s late.
    expect(new Date((await infra.sql(`SELECT wake_at FROM journey WHERE member_id = 'mx1'`))[0].wake_at).getTime()).toBe(JAN_1 + DAY);
    infra.clock.set(JAN_1 + DAY + 90_000);
    expect((await infra.runtime.sweepOnce()).wakes).toBe(1);
    await infra.drain();
    expect((await infra.sql(`SELECT status FROM journey WHERE member_id = 'mx1'`))[0].status).toBe('completed');

    for (let i = 0; i < 3; i++) expect((await infra.api('GET', '/api/v1/health/queues')).status).toBe(200);
    expect((await infra.api('GET', '/api/v1/members/mx1')).status).toBe(200);
    expect((await infra.api('GET', '/api/v1/members/nobody-here')).status).toBe(404);
    expect((await infra.anonymous('GET', '/api/v1/health/queues')).status).toBe(401);
    expect((await infra.api('GET', '/api/v1/no-such-route/abc123')).status).toBe(404);

    const { types, samples } = await scrape(infra);
    const http = (labels: Record<string, string>) => value(samples, 'memberflow_http_request_duration_seconds_count', labels);
    expect(http({ method: 'GET', route: '/api/v1/health/queues', status: '200' })).toBeGreaterThanOrEqual(3);
    // Refused before the router ran: still counted under the route it asked for.
    expect(http({ method: 'GET', route: '/api/v1/health/queues', status: '401' })).toBe(1);
    expect(http({ method: 'GET', route: '/api/v1/members/:id', status: '200' })).toBe(1);
    expect(http({ method: 'GET', route: '/api/v1/members/:id', status: '404' })).toBe(1);
    expect(http({ method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    expect(http({ method: 'POST', route: '/api/v1/events', status: '202' })).toBe(1);
    const routes = new Set(samples.filter((s) => s.name.startsWith('memberflow_http_')).map((s) => s.labels.route));
    expect([...routes].filter((r) => /mx1|nobody|abc123/.test(r ?? ''))).toEqual([]);

    // Effects: decided by the lane, then sent by the dispatcher; 5 s from the event's arrival to each.
    expect(value(samples, 'memberflow_effect_outcomes_total', { kind: 'issue_coupon', status: 'done' })).toBe(1);
    expect(value(samples, 'memberflow_effect_outcomes_total', { kind: 'send_message', status: 'pending' })).toBe(1);
    expect(value(samples, 'memberflow_effect_outcomes_total', { kind: 'send_message', status: 'sent' })).toBe(1);
    for (const kind of ['issue_coupon', 'send_message']) {
      expect(value(samples, 'memberflow_event_to_effect_seconds_count', { kind })).toBe(1);
      expect(value(samples, 'memberflow_event_to_effect_seconds_sum', { kind })).toBe(5);
    }
    expect(value(samples, 'memberflow_wakeup_lag_seconds_count', { kind: 'wait' })).toBe(1);
    expect(value(samples, 'memberflow_wakeup_lag_seconds_sum', { kind: 'wait' })).toBe(90);
    expect(value(samples, 'memberflow_wakeup_lag_seconds_bucket', { kind: 'wait', le: '60' })).toBe(0);
    expect(value(samples, 'memberflow_wakeup_lag_seconds_bucket', { kind: 'wait', le: '120' })).toBe(1);
    expect(value(samples, 'memberflow_steps_total', { cause: 'event' })).toBe(1);
    expect(value(samples, 'memberflow_steps_total', { cause: 'wait' })).toBe(1);
    // A lone member's job runs the single lane: at least the event's pass and the wake-up's pass.
    expect(value(samples, 'memberflow_lane_pass_duration_seconds_count', { kind: 'single', outcome: 'ok' })).toBeGreaterThanOrEqual(2);
    expect(value(samples, 'memberflow_lane_batch_size_count')).toBeGreaterThanOrEqual(2);
    expect(value(samples, 'memberflow_lane_batch_size_bucket', { le: '1' })).toBe(value(samples, 'memberflow_lane_batch_size_count'));

    // Read from the stores at scrape time, under the names the README and the Health page tests know.
    expect(value(samples, 'memberflow_queue_depth', { queue: 'steps' })).toBe(0);
    expect(value(samples, 'memberflow_queue_jobs', { queue: 'effects', state: 'failed' })).toBe(0);
    expect(value(samples, 'memberflow_journeys', { status: 'completed' })).toBe(1);
    expect(value(samples, 'memberflow_effects', { status: 'done' })).toBe(2);
    expect(value(samples, 'memberflow_stuck_effects')).toBe(0);
    expect(value(samples, 'memberflow_store_up', { store: 'postgres' })).toBe(1);
    expect(value(samples, 'memberflow_store_up', { store: 'redis' })).toBe(1);
    const pool = ['total', 'idle', 'waiting'].map((k) => value(samples, `memberflow_pg_pool_${k}`)!);
    expect(pool[0]).toBeGreaterThanOrEqual(1);
    expect(pool[1]).toBeLessThanOrEqual(pool[0]!);
    expect(pool[2]).toBeGreaterThanOrEqual(0);
    expect(value(samples, 'process_resident_memory_bytes')).toBeGreaterThan(1_000_000);
    expect(types.get('nodejs_eventloop_lag_p99_seconds')).toBe('gauge');

    // Every metric the dashboard and the alert rules query is in the scrape (`up` is Prometheus' own).
    const alerts = parseYaml(deploy('prometheus-alerts.yml')) as { groups: { name: string; rules: AlertRule[] }[] };
    const exprs = [...dashboardExprs(), ...alerts.groups.flatMap((g) => g.rules.map((r) => r.expr))];
    const named = new Set(exprs.flatMap(metricNames));
    expect(named.size).toBeGreaterThan(15);
    const missing = [...named].filter((n) => {
      if (n === 'up') return false;
      const histogram = /^(.*)_(bucket|sum|count)$/.exec(n);
      if (histogram && types.get(histogram[1]!) === 'histogram') return !samples.some((s) => s.name === n);
      return !types.has(n) || types.get(n) === 'histogram' || !samples.some((s) => s.name === n);
    });
    expect(missing).toEqual([]);
    expect(metricNames('sum by (le, route) (rate(a_bucket{job=~"x"}[5m])) / ignoring(x) b > 0.5 and on (y) up')).toEqual(['a_bucket', 'b', 'up']);

    // A private registry: nothing of this runtime lands in prom-client's global default register.
    expect(infra.runtime.engine.telemetry!.registry).not.toBe(globalRegister);
    expect(await globalRegister.metrics()).not.toContain('memberflow_');
  });

  test('a process without HTTP serves /metrics on METRICS_PORT, and nothing else there', async ({ infra }) => {
    const workerOnly = await startRuntime({ ...infra.runtime.config, serveHttp: false, metricsPort: 0 }, { clock: infra.clock, sweepTimer: false });
    try {
      expect(workerOnly.url).toBeNull();
      const res = await fetch(`${workerOnly.metricsUrl}/metrics`);
      expect(res.status).toBe(200);
      const { types, samples } = parseExposition(await res.text());
      expect(types.get('memberflow_lane_pass_duration_seconds')).toBe('histogram');
      expect(value(samples, 'memberflow_store_up', { store: 'postgres' })).toBe(1);
      expect(value(samples, 'memberflow_queue_depth', { queue: 'steps' })).toBe(0);
      expect(samples.some((s) => s.name === 'process_cpu_seconds_total')).toBe(true);
      expect((await fetch(`${workerOnly.metricsUrl}/api/v1/health/queues`)).status).toBe(404);
    } finally {
      await workerOnly.close();
    }
  });

  test('the alert rules are a valid Prometheus rule file covering lag, failures, set-aside events, queue age and availability', () => {
    const file = parseYaml(deploy('prometheus-alerts.yml')) as { groups: { name: string; rules: AlertRule[] }[] };
    expect(Array.isArray(file.groups)).toBe(true);
    const names = new Set<string>();
    for (const g of file.groups) {
      expect(g.name).toMatch(/^\S+$/);
      expect(g.rules.length).toBeGreaterThan(0);
      for (const r of g.rules) {
        expect(Object.keys(r).sort()).toEqual(['alert', 'annotations', 'expr', 'for', 'labels']);
        expect(r.alert).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
        expect(names.has(r.alert)).toBe(false);
        names.add(r.alert);
        expect(typeof r.expr).toBe('string');
        expect(r.for).toMatch(/^\d+[smh]$/);
        expect(['warning', 'critical']).toContain(r.labels.severity);
        expect(r.annotations.summary.length).toBeGreaterThan(10);
      }
    }
    const exprOf = (alert: string) => file.groups.flatMap((g) => g.rules).find((r) => r.alert === alert)?.expr;
    expect(exprOf('MemberflowWakeupLagHigh')).toContain('memberflow_wakeup_lag_seconds_bucket');
    expect(exprOf('MemberflowFailedEffectsRising')).toContain('status="failed"');
    expect(exprOf('MemberflowEventsSetAside')).toContain('memberflow_quarantined_events');
    expect(exprOf('MemberflowQueueAgeHigh')).toContain('memberflow_queue_oldest_job_age_seconds');
    expect(exprOf('MemberflowStuckEffects')).toContain('memberflow_stuck_effects');
    expect(exprOf('MemberflowTargetDown')).toContain('up{');
    expect(exprOf('MemberflowNotReady')).toContain('memberflow_store_up');
  });
});
