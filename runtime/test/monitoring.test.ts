import { buildWorkflow } from '@memberflow/shared/templates/build';
import { describe, expect } from 'vitest';
import { DAY, JAN_1, test, type Infra } from './infra-fixture.ts';

const auth = (infra: Infra) => ({ authorization: `Bearer ${infra.apiKey}` });

const ev = (type: string, memberId: string, at: number, properties: Record<string, unknown> = {}) => ({ type, memberId, timestamp: new Date(at).toISOString(), properties });

describe('monitoring', () => {
  // The failures test calls a webhook on a local port where nothing listens: allow that target.
  test.override({ configOverrides: { webhookAllowedHosts: ['127.0.0.1:9'] } });

  test('the dashboard measures lift over the holdout with 95% intervals', async ({ infra }) => {
    const id = await infra.publishDefinition(
      'Welcome',
      buildWorkflow({
        settings: { entry: 'once_ever', holdoutPercent: 30, conversion: { eventType: 'purchase', withinDays: 30 } },
        nodes: [
          ['t', 'event_trigger', 'Signup', { eventType: 'signup' }],
          ['c', 'issue_coupon', 'Welcome coupon', { template: 'HELLO', validityDays: 30 }],
          ['x', 'exit', 'Done', { reason: 'done' }],
        ],
        edges: [
          ['t', 'next', 'c'],
          ['c', 'next', 'x'],
        ],
      }),
    );
    const ids = Array.from({ length: 400 }, (_, i) => `d${i}`);
    await infra.api('POST', '/api/v1/events', { events: ids.map((m) => ev('signup', m, JAN_1)) });
    await infra.drain();
    const held = new Set((await infra.sql(`SELECT member_id FROM journey WHERE current_node = '__holdout'`)).map((r) => r.member_id as string));
    // Treated members buy 60% of the time, held-out ones 20%: a lift the interval must show.
    const buyers = ids.filter((m, i) => (held.has(m) ? i % 5 === 0 : i % 5 < 3));
    await infra.api('POST', '/api/v1/events', { events: buyers.map((m) => ev('purchase', m, JAN_1 + 3 * DAY, { amount: 50 })) });
    await infra.drain();
    infra.clock.set(JAN_1 + 10 * DAY);
    const d = (await infra.api('GET', `/api/v1/workflows/${id}/dashboard?days=30`)).body;
    const t = 400 - held.size;
    const tx = buyers.filter((m) => !held.has(m)).length;
    const hx = buyers.filter((m) => held.has(m)).length;
    expect(d).toMatchObject({ entered: 400, converted: tx, revenue: tx * 50 });
    expect(d.conversionRate).toBeCloseTo(tx / t, 10);
    expect(d.daily[0]).toMatchObject({ day: '2026-01-01', entries: 400, conversions: tx });
    const lift = d.holdout.conversion;
    expect(lift.treated).toEqual({ n: t, rate: tx / t });
    expect(lift.holdout).toEqual({ n: held.size, rate: hx / held.size });
    expect(lift.difference.low).toBeGreaterThan(0.2);
    expect(lift.difference.high).toBeLessThan(0.6);
    expect(d.holdout.revenuePerMember.difference.estimate).toBeCloseTo((tx * 50) / t - (hx * 50) / held.size, 8);
    expect((await infra.api('GET', `/api/v1/workflows/${id}/dashboard?days=0`)).body.issues[0].field).toBe('days');
  });

  test('failures: failed journeys and deliveries are listed; retry, skip and exit act on them, audited', async ({ infra }) => {
    const id = await infra.publishDefinition(
      'Hook',
      buildWorkflow({
        nodes: [
          ['t', 'event_trigger', 'Complaint', { eventType: 'complaint' }],
          ['w', 'wait_duration', 'A day', { duration: { amount: 1, unit: 'days' } }],
          ['h', 'call_webhook', 'Alert', { url: 'http://127.0.0.1:9/nothing-listens', method: 'POST', body: '{}' }],
          ['x', 'exit', 'Done', { reason: 'done' }],
        ],
        edges: [
          ['t', 'next', 'w'],
          ['w', 'next', 'h'],
          ['h', 'next', 'x'],
        ],
      }),
    );
    await infra.api('POST', '/api/v1/events', { events: [ev('complaint', 'f1', JAN_1), ev('complaint', 'f2', JAN_1)] });
    await infra.drain();
    // f2's stored snapshot is damaged: its step fails alone.
    await infra.sql(`UPDATE journey SET snapshot = jsonb_set(snapshot, '{value}', '"ghost"'), current_node = 'ghost' WHERE member_id = 'f2'`);
    infra.clock.set(JAN_1 + DAY);
    await infra.runtime.sweepOnce();
    await infra.drain();
    const f = (await infra.api('GET', `/api/v1/workflows/${id}/failures`)).body;
    expect(f.journeys.map((j: { memberId: string }) => j.memberId)).toEqual(['f2']);
    expect(f.journeys[0].error).toBeTruthy();
    expect(f.effects).toMatchObject([{ memberId: 'f1', kind: 'call_webhook', attempts: 6 }]);
    expect(f.effects[0].error).toMatch(/fetch failed|ECONNREFUSED/);

    expect((await infra.api('POST', `/api/v1/workflows/${id}/failures/retry`, {})).body.issues[0].message).toBe('name journeyIds or effectKeys, or set all: true');
    expect((await infra.api('POST', `/api/v1/workflows/${id}/failures/retry`, { effectKeys: [f.effects[0].key] })).body).toEqual({ journeys: 0, effects: 1 });
    await infra.drain();
    expect(await infra.sql(`SELECT status, attempts FROM effect WHERE kind = 'call_webhook'`)).toEqual([{ status: 'failed', attempts: 6 }]);
    expect((await infra.api('POST', `/api/v1/workflows/${id}/failures/skip`, { all: true })).body).toEqual({ journeys: 0, effects: 1 });
    expect(await infra.sql(`SELECT status, payload->'skipped' AS skipped, payload->'skippedParts' AS parts FROM effect WHERE kind = 'call_webhook'`)).toEqual([
      { status: 'skipped', skipped: 'skipped by an admin after failing', parts: { key: 'skippedByAdmin', vars: {} } },
    ]);
    expect((await infra.api('POST', `/api/v1/workflows/${id}/failures/exit`, { all: true })).body).toEqual({ journeys: 1, effects: 0 });
    expect(await infra.sql(`SELECT member_id, status FROM journey ORDER BY member_id`)).toEqual([
      { member_id: 'f1', status: 'completed' },
      { member_id: 'f2', status: 'exited' },
    ]);
    const audit = (await infra.api('GET', `/api/v1/audit?targetId=${id}`)).body.entries.map((e: { action: string }) => e.action);
    expect(audit).toEqual(['failures.exit', 'failures.skip', 'failures.retry', 'workflow.publish']);
  });

  test('queue health and Prometheus metrics show due wake-ups and their lag', async ({ infra }) => {
    await infra.publishTemplate('second-purchase-nudge');
    await infra.api('POST', '/api/v1/events', { events: ['q1', 'q2'].map((m) => ev('purchase', m, JAN_1, { amount: 5 })) });
    await infra.drain();
    infra.clock.set(JAN_1 + 31 * DAY);
    const h = (await infra.api('GET', '/api/v1/health/queues')).body;
    expect(h).toMatchObject({ dueWakeups: 2, pendingEvents: 0, journeys: { waiting: 2 } });
    expect(h.wakeLagSeconds).toBe(86_400);
    const text = await (await fetch(`${infra.runtime.url}/metrics`, { headers: auth(infra) })).text();
    expect(text).toContain('# TYPE memberflow_due_wakeups gauge\nmemberflow_due_wakeups 2\n');
    expect(text).toMatch(/memberflow_queue_jobs\{queue="steps",state="waiting"\} 0/);
    expect(text).toContain('memberflow_journeys{status="waiting"} 2');
  });

  test('live stats stream over SSE, and CSV exports of members at a node and of a trace', async ({ infra }) => {
    const id = await infra.publishTemplate('second-purchase-nudge');
    await infra.api('PUT', '/api/v1/members/=cmd', { name: '=HYPERLINK("x")' });
    const res = await fetch(`${infra.runtime.url}/api/v1/workflows/${id}/stats/stream`, { headers: auth(infra) });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const next = async () => {
      let buf = '';
      while (!buf.includes('\n\n')) buf += new TextDecoder().decode((await reader.read()).value);
      return buf;
    };
    expect(await next()).toContain('"waiting":0');
    await infra.api('POST', '/api/v1/events', ev('purchase', '=cmd', JAN_1, { amount: 5 }));
    await infra.drain();
    let chunk = '';
    while (!chunk.includes('event: stats')) chunk = await next();
    expect(chunk).toContain('"waiting":1');
    await reader.cancel();

    const csv = await (await fetch(`${infra.runtime.url}/api/v1/workflows/${id}/export/members.csv?node=wait_second`, { headers: auth(infra) })).text();
    expect(csv.split('\r\n')[0]).toBe('member_id,name,phone,email,status,node,entered_at,wake_at');
    // Cells a spreadsheet would run as formulas are defused.
    expect(csv.split('\r\n')[1]).toMatch(/^'=cmd,"'=HYPERLINK\(""x""\)",,,waiting,wait_second,2026-01-01T09:00:00.000Z,2026-01-31T09:00:00.000Z$/);
    const trace = await (await fetch(`${infra.runtime.url}/api/v1/members/${encodeURIComponent('=cmd')}/trace.csv`, { headers: auth(infra) })).text();
    expect(trace).toContain('Entered: purchase matched the trigger ""First purchase""');
  });
});
