import { buildWorkflow } from '@memberflow/shared/templates/build';
import { describe, expect } from 'vitest';
import { DAY, JAN_1, test } from './infra-fixture.ts';

describe('time triggers and segment entry', () => {
  test('member day fires at 10:00 in each member zone, for the audience only, once however often it is swept', async ({ infra }) => {
    await infra.sql(`INSERT INTO member (id, time_zone, order_count) VALUES ('sh1', 'Asia/Shanghai', 2), ('sh0', 'Asia/Shanghai', 0), ('utc1', 'UTC', 1)`);
    await infra.publishTemplate('member-day'); // stores each member's next member day

    infra.clock.set(Date.parse('2026-01-20T01:59:00Z'));
    expect(await infra.runtime.fireTriggers()).toBe(0);
    infra.clock.set(Date.parse('2026-01-20T02:00:00Z')); // 10:00 in Shanghai, 02:00 UTC
    const [a] = await Promise.all([infra.runtime.fireTriggers(), infra.runtime.sweepOnce(), infra.runtime.sweepOnce()]);
    expect(a).toBe(2); // both Shanghai members are due; the audience is checked in the lane
    await infra.drain();
    expect(await infra.sql(`SELECT member_id FROM coupon`)).toEqual([{ member_id: 'sh1' }]);
    expect(await infra.sql(`SELECT member_id, reason FROM entry_refusal`)).toEqual([{ member_id: 'sh0', reason: "Did not enter: not in the schedule's audience: member.orderCount ≥ 1 (is 0): no" }]);
    await infra.runtime.sweepOnce(); // swept again: the moment was used, nothing fires twice
    await infra.drain();
    expect(await infra.sql(`SELECT count(*)::int AS n FROM coupon`)).toEqual([{ n: 1 }]);

    infra.clock.set(Date.parse('2026-01-20T10:00:00Z'));
    expect(await infra.runtime.fireTriggers()).toBe(1);
    expect(await infra.runtime.fireTriggers()).toBe(0);
    await infra.drain();
    expect((await infra.sql(`SELECT member_id, issued_at FROM coupon ORDER BY member_id`)).map((r) => [r.member_id, r.issued_at.toISOString()])).toEqual([
      ['sh1', '2026-01-20T02:00:00.000Z'],
      ['utc1', '2026-01-20T10:00:00.000Z'],
    ]);
    // Next month it runs again (entry rule: every time).
    infra.clock.set(Date.parse('2026-02-20T10:00:00Z'));
    expect(await infra.runtime.fireTriggers()).toBe(3);
  });

  test('birthday care fires 3 days before at 09:00 member time; Feb 29 birthdays on Feb 28', async ({ infra }) => {
    await infra.sql(`INSERT INTO member (id, name, time_zone, birthday) VALUES ('b1', 'Lin', 'Asia/Shanghai', '1990-06-15'), ('leap', 'Leap', 'UTC', '2000-02-29')`);
    await infra.publishTemplate('birthday-care');
    // 2026 is not a leap year: 3 days before Feb 28 is Feb 25.
    infra.clock.set(Date.parse('2026-02-25T08:59:00Z'));
    expect(await infra.runtime.fireTriggers()).toBe(0);
    infra.clock.set(Date.parse('2026-02-25T09:00:00Z'));
    expect(await infra.runtime.fireTriggers()).toBe(1);
    await infra.drain();
    infra.clock.set(Date.parse('2026-06-12T00:59:00Z'));
    expect(await infra.runtime.fireTriggers()).toBe(0);
    infra.clock.set(Date.parse('2026-06-12T01:00:00Z'));
    expect(await infra.runtime.fireTriggers()).toBe(1);
    await infra.drain();
    expect(await infra.sql(`SELECT member_id, template FROM coupon ORDER BY issued_at`)).toEqual([
      { member_id: 'leap', template: 'BIRTHDAY' },
      { member_id: 'b1', template: 'BIRTHDAY' },
    ]);
    expect(await infra.sql(`SELECT member_id, (extract(epoch FROM occurrence_at) * 1000)::bigint::text AS next FROM trigger_due ORDER BY member_id`)).toEqual([
      { member_id: 'b1', next: String(Date.parse('2027-06-12T01:00:00Z')) },
      { member_id: 'leap', next: String(Date.parse('2027-02-25T09:00:00Z')) },
    ]);
  });

  test('inactivity fires once per spell: 90 days after the last purchase, and again after the next one', async ({ infra }) => {
    await infra.publishTemplate('churn-winback');
    await infra.api('POST', '/api/v1/events', { type: 'purchase', memberId: 'q1', timestamp: new Date(JAN_1).toISOString(), properties: { amount: 20 } });
    await infra.drain();
    infra.clock.set(JAN_1 + 90 * DAY);
    expect(await infra.runtime.fireTriggers()).toBe(1);
    expect(await infra.runtime.fireTriggers()).toBe(0);
    await infra.drain();
    const [j] = await infra.sql(`SELECT status, current_node, entered_at FROM journey`);
    expect(j).toEqual({ status: 'waiting', current_node: 'wait_1', entered_at: new Date(JAN_1 + 90 * DAY) });
    // A purchase is the goal (exit on goal); ninety quiet days later a new spell starts.
    infra.clock.set(JAN_1 + 100 * DAY);
    await infra.api('POST', '/api/v1/events', { type: 'purchase', memberId: 'q1', timestamp: new Date(JAN_1 + 100 * DAY).toISOString(), properties: { amount: 20 } });
    await infra.drain();
    expect(await infra.sql(`SELECT status FROM journey`)).toEqual([{ status: 'converted' }]);
    infra.clock.set(JAN_1 + 190 * DAY);
    expect(await infra.runtime.fireTriggers()).toBe(1);
    await infra.drain();
    expect(await infra.sql(`SELECT status, entry_count FROM journey`)).toEqual([{ status: 'waiting', entry_count: 2 }]);
  });

  test('segment entry: members enter as they start to match, not while they stay in', async ({ infra }) => {
    await infra.publishDefinition(
      'Big spenders',
      buildWorkflow({
        settings: { entry: 'every_time' },
        nodes: [
          ['t', 'segment_trigger', 'Spent 100+', { segmentKey: '', condition: { type: 'group', combinator: 'and', rules: [{ type: 'field', field: 'member.totalSpent', op: 'gte', value: 100 }] } }],
          ['c', 'issue_coupon', 'Coupon', { template: 'BIG', validityDays: 7 }],
          ['x', 'exit', 'Done', { reason: 'done' }],
        ],
        edges: [
          ['t', 'next', 'c'],
          ['c', 'next', 'x'],
        ],
      }),
    );
    const buy = (amount: number, d: number) => ({ type: 'purchase', memberId: 's1', timestamp: new Date(JAN_1 + d * DAY).toISOString(), properties: { amount } });
    await infra.api('POST', '/api/v1/events', { events: [buy(60, 0), buy(50, 1), buy(70, 2)] });
    await infra.drain();
    expect(await infra.sql(`SELECT issued_at FROM coupon`)).toEqual([{ issued_at: new Date(JAN_1 + DAY) }]);
  });
});
