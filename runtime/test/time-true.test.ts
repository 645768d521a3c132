import { describe, expect } from 'vitest';
import { DAY, JAN_1, test } from './infra-fixture.ts';

const HOUR = 3_600_000;
const purchase = (memberId: string, at: number, amount = 10) => ({ type: 'purchase', memberId, timestamp: new Date(at).toISOString(), properties: { amount } });

describe('nothing lost while paused; late events act when they arrive; late moments fire once', () => {
  test('pause -> purchase -> resume: the purchase reaches the waiting journey, which converts; no coupon goes out', async ({ infra }) => {
    const id = await infra.publishTemplate('second-purchase-nudge');
    await infra.api('POST', '/api/v1/events', purchase('a', JAN_1));
    await infra.drain();
    await infra.api('POST', `/api/v1/workflows/${id}/pause`);

    infra.clock.set(JAN_1 + 5 * DAY);
    await infra.api('POST', '/api/v1/events', purchase('a', JAN_1 + 5 * DAY));
    await infra.drain();
    // Paused: the journey keeps the purchase (and the points_changed the programme raised for it) and takes no step.
    expect(await infra.sql(`SELECT status, ARRAY(SELECT e->>'type' FROM jsonb_array_elements(inbox) e) AS kept FROM journey`)).toEqual([{ status: 'waiting', kept: ['purchase', 'points_changed'] }]);

    infra.clock.set(JAN_1 + 40 * DAY); // resumed after the 30-day timeout would have passed
    await infra.api('POST', `/api/v1/workflows/${id}/resume`);
    await infra.runtime.sweepOnce();
    await infra.drain();
    expect(await infra.sql(`SELECT status, jsonb_array_length(inbox) AS kept FROM journey`)).toEqual([{ status: 'converted', kept: 0 }]);
    expect(await infra.sql(`SELECT count(*)::int AS n FROM coupon`)).toEqual([{ n: 0 }]);
    const stats = await infra.api('GET', `/api/v1/workflows/${id}/stats`);
    expect(JSON.stringify(stats.body)).toContain('converted');
    await infra.runtime.sweepOnce();
    await infra.drain();
    expect(await infra.sql(`SELECT count(*)::int AS n FROM coupon`)).toEqual([{ n: 0 }]);
  });

  test('a late purchase starts its journey now (its own time kept); one older than the horizon updates facts and starts none', async ({ infra }) => {
    await infra.publishTemplate('second-purchase-nudge');
    const now = JAN_1 + 100 * DAY;
    infra.clock.set(now);
    await infra.api('POST', '/api/v1/events', purchase('late', now - 2 * HOUR));
    await infra.drain();
    const [j] = await infra.sql(`SELECT entered_at, wake_at, snapshot->'context'->'trigger'->'properties'->>'occurredAt' AS occurred FROM journey WHERE member_id = 'late'`);
    expect(j).toEqual({ entered_at: new Date(now), wake_at: new Date(now + 30 * DAY), occurred: new Date(now - 2 * HOUR).toISOString() });

    await infra.api('POST', '/api/v1/events', purchase('old', now - 90 * DAY));
    await infra.drain();
    expect(await infra.sql(`SELECT count(*)::int AS n FROM journey WHERE member_id = 'old'`)).toEqual([{ n: 0 }]);
    expect(await infra.sql(`SELECT last_purchase_at, order_count FROM member WHERE id = 'old'`)).toEqual([{ last_purchase_at: new Date(now - 90 * DAY), order_count: 1 }]);
    const [refusal] = await infra.sql(`SELECT reason FROM entry_refusal WHERE member_id = 'old'`);
    expect(refusal.reason).toBe('Did not enter: the event arrived 2160 hours after it happened, past the 24-hour horizon for starting journeys');
  });

  test('an inactivity moment missed by an outage of days fires once, late, with the lateness recorded', async ({ infra }) => {
    const id = await infra.publishTemplate('churn-winback');
    await infra.api('POST', '/api/v1/events', purchase('q1', JAN_1));
    await infra.drain();
    infra.clock.set(JAN_1 + 95 * DAY); // nothing ran for five days after the 90th
    expect(await infra.runtime.fireTriggers()).toBe(1);
    await infra.runtime.sweepOnce();
    await infra.drain();
    await infra.runtime.sweepOnce();
    await infra.drain();
    expect(await infra.sql(`SELECT period_key, lateness_ms::int AS late FROM trigger_fire WHERE workflow_id = $1`, [id])).toEqual([
      { period_key: new Date(JAN_1 + 90 * DAY).toISOString(), late: 5 * DAY },
    ]);
    const [j] = await infra.sql(`SELECT entered_at, entry_count, snapshot->'context'->'trigger'->'properties'->>'latenessMs' AS late FROM journey`);
    expect(j).toEqual({ entered_at: new Date(JAN_1 + 95 * DAY), entry_count: 1, late: String(5 * DAY) });
  });

  test('an erased member starts nothing: their events settle without effect and their trigger moments go', async ({ infra }) => {
    await infra.publishTemplate('second-purchase-nudge');
    const churn = await infra.publishTemplate('churn-winback');
    await infra.api('POST', '/api/v1/events', purchase('gone', JAN_1));
    await infra.drain();
    expect(await infra.sql(`SELECT count(*)::int AS n FROM trigger_due WHERE workflow_id = $1 AND member_id = 'gone'`, [churn])).toEqual([{ n: 1 }]);
    const admin = await infra.as('admin');
    expect((await admin('DELETE', '/api/v1/members/gone')).status).toBeLessThan(300);
    infra.clock.set(JAN_1 + 2 * DAY);
    // Sent straight to the store, as a purchase arriving by any route would be.
    await infra.sql(`INSERT INTO event (member_id, type, occurred_at, received_at, properties) VALUES ('gone', 'purchase', to_timestamp($1::float8 / 1000), to_timestamp($1::float8 / 1000), '{"amount": 10}')`, [JAN_1 + 2 * DAY]);
    await infra.runtime.sweepOnce();
    await infra.drain();
    expect(await infra.sql(`SELECT count(*)::int AS n FROM event WHERE member_id = 'gone' AND processed_at IS NULL`)).toEqual([{ n: 0 }]);
    expect(await infra.sql(`SELECT status FROM journey WHERE member_id = 'gone'`)).toEqual([{ status: 'exited' }]);
    expect(await infra.sql(`SELECT count(*)::int AS n FROM trigger_due WHERE member_id = 'gone'`)).toEqual([{ n: 0 }]);
    expect(await infra.sql(`SELECT count(*)::int AS n FROM effect WHERE member_id = 'gone'`)).toEqual([{ n: 0 }]);
  });
});
