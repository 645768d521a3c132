import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildWorkflow } from '@memberflow/shared/templates/build';
import { describe, expect } from 'vitest';
import { DAY, JAN_1, test } from './infra-fixture.ts';

const all = (...rules: unknown[]) => ({ type: 'group', combinator: 'and', rules });
const event = (type: string, memberId: string, at: number, properties: Record<string, unknown> = {}) => ({ type, memberId, timestamp: new Date(at).toISOString(), properties });

describe('node kinds in the runtime', () => {
  // Webhooks go to a test server on this machine: allow loopback (WEBHOOK_ALLOWED_HOSTS=127.0.0.1).
  test.override({ configOverrides: { webhookAllowedHosts: ['127.0.0.1'] } });

  test('conditions read the real member; messages, tags, points, attributes and tasks act on it', async ({ infra }) => {
    await infra.sql(`INSERT INTO member (id, name, phone, time_zone, total_spent, order_count) VALUES ('vip1', 'Han Meimei', '13900000000', 'Asia/Shanghai', 90, 1)`);
    await infra.publishDefinition(
      'VIP',
      buildWorkflow({
        settings: { entry: 'every_time' },
        nodes: [
          ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
          ['big', 'condition', 'Spent 200+?', { condition: all({ type: 'field', field: 'member.totalSpent', op: 'gte', value: 200 }) }],
          ['msg', 'send_message', 'Thanks', { channel: 'sms', body: 'Thanks {{member.name}}, {{trigger.amount}} received ({{workflow.name}})', marketing: false }],
          ['tag', 'update_tags', 'Tag', { action: 'add', tags: ['vip'] }],
          ['pts', 'adjust_points', 'Bonus', { mode: 'award', points: 50, reason: 'VIP bonus' }],
          ['attr', 'update_attribute', 'Stage', { attribute: 'vip_since', value: '2026-01' }],
          ['task', 'create_task', 'Call', { title: 'Welcome call to {{member.name}}', type: 'phone_call', dueInDays: 2, priority: 'high' }],
          ['x', 'exit', 'Done', { reason: 'done' }],
          ['small', 'exit', 'Small', { reason: 'not yet' }],
        ],
        edges: [
          ['t', 'next', 'big'],
          ['big', 'yes', 'msg'],
          ['big', 'no', 'small'],
          ['msg', 'next', 'tag'],
          ['tag', 'next', 'pts'],
          ['pts', 'next', 'attr'],
          ['attr', 'next', 'task'],
          ['task', 'next', 'x'],
        ],
      }),
    );
    // 90 + 50 = 140: not yet. 140 + 80 = 220: the condition sees the purchase it came with.
    await infra.api('POST', '/api/v1/events', { events: [event('purchase', 'vip1', JAN_1, { amount: 50 }), event('purchase', 'vip1', JAN_1 + DAY, { amount: 80 })] });
    await infra.drain();

    const steps = await infra.sql(`SELECT reason FROM journey_step ORDER BY id`);
    expect(steps.map((s) => s.reason)).toEqual([
      'Entered: purchase matched the trigger "Purchase". "Spent 200+?" → No: member.totalSpent ≥ 200 (is 140): no',
      'Entered: purchase matched the trigger "Purchase". "Spent 200+?" → Yes: member.totalSpent ≥ 200 (is 220): yes',
    ]);
    const [m] = await infra.sql(`SELECT tags, points_balance, attributes, total_spent, order_count FROM member WHERE id = 'vip1'`);
    // 50 + 80 points earned by the programme (1 per unit spent), plus the workflow's 50.
    expect(m).toEqual({ tags: ['vip'], points_balance: 180, attributes: { vip_since: '2026-01' }, total_spent: '220.00', order_count: 3 });
    expect(await infra.sql(`SELECT kind, delta, reason FROM points_entry ORDER BY id`)).toEqual([
      { kind: 'earn', delta: 50, reason: 'purchase' },
      { kind: 'earn', delta: 80, reason: 'purchase' },
      { kind: 'adjust', delta: 50, reason: 'VIP bonus' },
    ]);
    const [msg] = await infra.sql(`SELECT payload, status FROM effect WHERE kind = 'send_message'`);
    expect(msg).toEqual({ status: 'done', payload: { channel: 'sms', provider: 'log', to: '13900000000', subject: '', body: 'Thanks Han Meimei, 80 received (VIP)', marketing: false } });
    expect(await infra.sql(`SELECT title, type, priority, status, due_at FROM task`)).toEqual([
      { title: 'Welcome call to Han Meimei', type: 'phone_call', priority: 'high', status: 'open', due_at: new Date(JAN_1 + 3 * DAY) },
    ]);
  });

  test('set_tier raises tier_changed, which triggers another workflow; enroll starts one whatever its trigger', async ({ infra }) => {
    const winback = await infra.publishDefinition(
      'Win-back',
      buildWorkflow({
        nodes: [
          ['t', 'inactivity_trigger', '90 days quiet', { days: 90 }],
          ['c', 'issue_coupon', 'Win-back', { template: 'WINBACK', validityDays: 7 }],
          ['x', 'exit', 'Done', { reason: 'done' }],
        ],
        edges: [
          ['t', 'next', 'c'],
          ['c', 'next', 'x'],
        ],
      }),
    );
    await infra.publishDefinition(
      'Upgrade',
      buildWorkflow({
        nodes: [
          ['t', 'event_trigger', 'Recharge', { eventType: 'recharge' }],
          ['tier', 'set_tier', 'Gold', { tier: 'gold', reason: 'recharge' }],
          ['enroll', 'enroll_workflow', 'Also win-back', { workflowId: winback, workflowName: 'Win-back' }],
          ['x', 'exit', 'Done', { reason: 'done' }],
        ],
        edges: [
          ['t', 'next', 'tier'],
          ['tier', 'next', 'enroll'],
          ['enroll', 'next', 'x'],
        ],
      }),
    );
    await infra.publishDefinition(
      'Congrats',
      buildWorkflow({
        nodes: [
          ['t', 'event_trigger', 'Tier changed', { eventType: 'tier_changed', filters: [{ property: 'tier', op: 'eq', value: 'gold' }] }],
          ['c', 'issue_coupon', 'Gold gift', { template: 'GOLD', validityDays: 30 }],
          ['x', 'exit', 'Done', { reason: 'done' }],
        ],
        edges: [
          ['t', 'next', 'c'],
          ['c', 'next', 'x'],
        ],
      }),
    );
    await infra.api('POST', '/api/v1/events', event('recharge', 'r1', JAN_1, { amount: 100 }));
    await infra.drain();
    expect(await infra.sql(`SELECT tier FROM member WHERE id = 'r1'`)).toEqual([{ tier: 'gold' }]);
    expect(await infra.sql(`SELECT template FROM coupon ORDER BY template`)).toEqual([{ template: 'GOLD' }, { template: 'WINBACK' }]);
    const names = await infra.sql(`SELECT w.name, j.status FROM journey j JOIN workflow w ON w.id = j.workflow_id ORDER BY w.name`);
    expect(names).toEqual([
      { name: 'Congrats', status: 'completed' },
      { name: 'Upgrade', status: 'completed' },
      { name: 'Win-back', status: 'completed' },
    ]);
    expect(await infra.sql(`SELECT count(*)::int AS n FROM event WHERE processed_at IS NULL`)).toEqual([{ n: 0 }]);
  });

  test('webhooks go out after commit, signed, with the idempotency key, retried until they succeed', async ({ infra }) => {
    const received: { headers: IncomingMessage['headers']; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.statusCode = received.length === 1 ? 503 : 204; // the first delivery fails
        res.end();
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      await infra.publishDefinition(
        'Alert',
        buildWorkflow({
          nodes: [
            ['t', 'event_trigger', 'Complaint', { eventType: 'complaint' }],
            ['hook', 'call_webhook', 'Alert', { url, method: 'POST', body: '{"member": "{{member.id}}", "note": "{{trigger.note}}"}' }],
            ['x', 'exit', 'Done', { reason: 'done' }],
          ],
          edges: [
            ['t', 'next', 'hook'],
            ['hook', 'next', 'x'],
          ],
        }),
      );
      await infra.api('POST', '/api/v1/events', event('complaint', 'c1', JAN_1, { note: 'cold "coffee"' }));
      await infra.drain();
      expect(received).toHaveLength(2);
      const [fx] = await infra.sql(`SELECT idempotency_key, status, attempts, error FROM effect WHERE kind = 'call_webhook'`);
      expect(fx).toMatchObject({ status: 'done', attempts: 2, error: null });
      const last = received[1]!;
      // Member data is JSON-escaped into the template, so the body stays valid JSON.
      expect(JSON.parse(last.body)).toEqual({ member: 'c1', note: 'cold "coffee"' });
      expect(last.headers['idempotency-key']).toBe(fx.idempotency_key);
      const sig = String(last.headers['x-memberflow-signature']);
      const t = /t=(\d+)/.exec(sig)![1];
      expect(sig).toBe(`t=${t},v1=${createHmac('sha256', 'memberflow-dev-secret').update(`${t}.${last.body}`).digest('hex')}`);
    } finally {
      server.close();
    }
  });

  test('a member who opted out of a channel gets nothing, and the skip is recorded', async ({ infra }) => {
    await infra.sql(`INSERT INTO member (id, phone, consents) VALUES ('o1', '1', '{"sms": false}')`);
    await infra.publishTemplate('welcome-pack');
    await infra.api('POST', '/api/v1/events', event('signup', 'o1', JAN_1));
    await infra.drain();
    const fx = await infra.sql(`SELECT kind, status, payload->>'skipped' AS skipped FROM effect ORDER BY at, kind`);
    expect(fx).toEqual([
      { kind: 'issue_coupon', status: 'done', skipped: null },
      { kind: 'send_message', status: 'skipped', skipped: 'member opted out of sms' },
    ]);
  });

  test("time waits follow the member's time zone, and messages carry the journey's coupon", async ({ infra }) => {
    await infra.sql(`INSERT INTO member (id, name, time_zone) VALUES ('tz1', 'Wang', 'Asia/Shanghai')`);
    await infra.publishDefinition(
      'Morning',
      buildWorkflow({
        nodes: [
          ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
          ['c', 'issue_coupon', 'Coupon', { template: 'AM', validityDays: 3 }],
          ['w', 'wait_until_time', '10:00', { time: '10:00', weekdays: [] }],
          ['m', 'send_message', 'Morning', { channel: 'push', body: 'Morning {{member.name}}: {{coupon.code}}', marketing: true }],
          ['x', 'exit', 'Done', { reason: 'done' }],
        ],
        edges: [
          ['t', 'next', 'c'],
          ['c', 'next', 'w'],
          ['w', 'next', 'm'],
          ['m', 'next', 'x'],
        ],
      }),
    );
    await infra.api('POST', '/api/v1/events', event('purchase', 'tz1', JAN_1)); // 17:00 in Shanghai
    await infra.drain();
    const [j] = await infra.sql(`SELECT wake_at FROM journey`);
    expect(j.wake_at).toEqual(new Date('2026-01-02T02:00:00.000Z'));
    infra.clock.set(Date.parse('2026-01-02T02:00:00.000Z'));
    await infra.runtime.sweepOnce();
    await infra.drain();
    const [coupon] = await infra.sql(`SELECT code FROM coupon`);
    const [msg] = await infra.sql(`SELECT payload->>'body' AS body, at FROM effect WHERE kind = 'send_message'`);
    expect(msg).toEqual({ body: `Morning Wang: ${coupon.code}`, at: new Date('2026-01-02T02:00:00.000Z') });
  });

  test('holdout members finish at once with no effects; exit on goal converts mid-wait', async ({ infra }) => {
    await infra.publishDefinition(
      'Held',
      buildWorkflow({
        settings: { holdoutPercent: 50, exitOnGoal: { eventType: 'purchase', filters: [], withinDays: 30 } },
        nodes: [
          ['t', 'event_trigger', 'Signup', { eventType: 'signup' }],
          ['w', 'wait_duration', 'A week', { duration: { amount: 7, unit: 'days' } }],
          ['c', 'issue_coupon', 'Coupon', { template: 'LATER', validityDays: 3 }],
          ['x', 'exit', 'Done', { reason: 'done' }],
        ],
        edges: [
          ['t', 'next', 'w'],
          ['w', 'next', 'c'],
          ['c', 'next', 'x'],
        ],
      }),
    );
    const ids = Array.from({ length: 40 }, (_, i) => `h${i}`);
    await infra.api('POST', '/api/v1/events', { events: ids.map((id) => event('signup', id, JAN_1)) });
    await infra.drain();
    const rows = await infra.sql(`SELECT member_id, status, current_node FROM journey ORDER BY member_id`);
    const held = rows.filter((r) => r.current_node === '__holdout');
    expect(held.length).toBeGreaterThan(8);
    expect(held.length).toBeLessThan(32);
    expect(held.every((r) => r.status === 'completed')).toBe(true);
    const waiting = rows.filter((r) => r.status === 'waiting');
    expect(waiting.length + held.length).toBe(40);
    // One waiting member buys on day 2: converted at once, no coupon on day 7.
    const buyer = waiting[0]!.member_id;
    infra.clock.set(JAN_1 + 2 * DAY);
    await infra.api('POST', '/api/v1/events', event('purchase', buyer, JAN_1 + 2 * DAY, { amount: 10 }));
    await infra.drain();
    infra.clock.set(JAN_1 + 7 * DAY);
    await infra.runtime.sweepOnce();
    await infra.drain();
    expect(await infra.sql(`SELECT status FROM journey WHERE member_id = $1`, [buyer])).toEqual([{ status: 'converted' }]);
    expect(await infra.sql(`SELECT count(*)::int AS n FROM coupon`)).toEqual([{ n: waiting.length - 1 }]);
  });
});
