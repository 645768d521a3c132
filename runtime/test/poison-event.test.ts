import { buildWorkflow } from '@memberflow/shared/templates/build';
import { describe, expect, it } from 'vitest';
import { countsAgainstEvent } from '../src/engine/member-lane.ts';
import { DAY, JAN_1, test, type Infra } from './infra-fixture.ts';

const ev = (type: string, memberId: string, at: number, properties: Record<string, unknown> = {}) => ({
  type,
  memberId,
  timestamp: new Date(at).toISOString(),
  properties,
});

/** Each `visit` enters and leaves a journey: its step (with the event's seq) shows the event was applied. */
const publishVisits = (infra: Infra) =>
  infra.publishDefinition(
    'Visits',
    buildWorkflow({
      settings: { entry: 'every_time' },
      nodes: [
        ['t', 'event_trigger', 'Visit', { eventType: 'visit' }],
        ['x', 'exit', 'Done', { reason: 'done' }],
      ],
      edges: [['t', 'next', 'x']],
    }),
  );

const visitsApplied = async (infra: Infra, memberId: string) =>
  (
    await infra.sql<{ n: string }>(
      `SELECT e.properties->>'n' AS n FROM journey_step s JOIN event e ON e.seq = s.event_seq WHERE s.member_id = $1 ORDER BY s.id`,
      [memberId],
    )
  ).map((r) => r.n);

const noStuckJobs = async (infra: Infra) =>
  expect(await infra.runtime.queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized')).toEqual({
    waiting: 0,
    active: 0,
    delayed: 0,
    failed: 0,
    prioritized: 0,
  });

/** A member whose total spend is at the edge of numeric(14, 2): one more large purchase cannot be stored. */
const nearSpendCeiling = async (infra: Infra, memberId: string) => {
  await infra.api('PUT', `/api/v1/members/${memberId}`, { name: 'Big spender' });
  await infra.sql(`UPDATE member SET total_spent = 999950000000, order_count = 9999 WHERE id = $1`, [memberId]);
};

describe('a poison event', () => {
  test('a purchase that would overflow the 32-bit points balance is capped, and the member goes on', async ({ infra }) => {
    await publishVisits(infra);
    // 21 purchases of the largest amount an event may carry: 2.1 billion points.
    await infra.api('POST', '/api/v1/events', {
      events: Array.from({ length: 21 }, (_, i) => ev('purchase', 'p1', JAN_1 + i * 1000, { amount: 100_000_000 })),
    });
    await infra.drain();
    // The 22nd would take the balance past 2,147,483,647 (it failed the lane with "integer out of range").
    await infra.api('POST', '/api/v1/events', ev('purchase', 'p1', JAN_1 + 60_000, { amount: 100_000_000 }));
    await infra.api('POST', '/api/v1/events', ev('visit', 'p1', JAN_1 + 120_000, { n: 'after' }));
    await infra.drain();
    expect(await visitsApplied(infra, 'p1')).toEqual(['after']);
    expect(await infra.sql(`SELECT count(*)::int AS n FROM event WHERE processed_at IS NULL`)).toEqual([{ n: 0 }]);
    expect(await infra.sql(`SELECT points_balance, order_count FROM member WHERE id = 'p1'`)).toEqual([
      { points_balance: 2_147_483_647, order_count: 22 },
    ]);
    const capped = await infra.sql(
      `SELECT delta, reason FROM points_entry WHERE member_id = 'p1' ORDER BY at DESC, id DESC LIMIT 1`,
    );
    expect(capped).toEqual([
      { delta: 47_483_647, reason: 'purchase (capped: 100,000,000 earned; a member holds at most 2,147,483,647)' },
    ]);
    // Once at the ceiling, a purchase earns nothing, and the ledger says so.
    await infra.api('POST', '/api/v1/events', ev('purchase', 'p1', JAN_1 + 180_000, { amount: 10 }));
    await infra.drain();
    expect(
      await infra.sql(
        `SELECT delta, remaining, reason FROM points_entry WHERE member_id = 'p1' ORDER BY at DESC, id DESC LIMIT 1`,
      ),
    ).toEqual([{ delta: 0, remaining: 0, reason: 'purchase (capped: 10 earned; a member holds at most 2,147,483,647)' }]);
    const points = await infra.api('GET', '/api/v1/members/p1/points');
    expect(points.body.balance).toBe(2_147_483_647);
    await noStuckJobs(infra);
  });

  test('an award_points step at the ceiling is a recorded skip, not a failed lane', async ({ infra }) => {
    await infra.publishDefinition(
      'Bonus',
      buildWorkflow({
        settings: { entry: 'every_time' },
        nodes: [
          ['t', 'event_trigger', 'Visit', { eventType: 'visit' }],
          ['p', 'adjust_points', 'Bonus', { mode: 'award', points: 1000, reason: 'visit bonus' }],
          ['x', 'exit', 'Done', { reason: 'done' }],
        ],
        edges: [
          ['t', 'next', 'p'],
          ['p', 'next', 'x'],
        ],
      }),
    );
    await infra.api('PUT', '/api/v1/members/rich', { name: 'Rich' });
    await infra.sql(`UPDATE member SET points_balance = 2147483000 WHERE id = 'rich'`);
    await infra.api('POST', '/api/v1/events', { events: [ev('visit', 'rich', JAN_1), ev('visit', 'rich', JAN_1 + 1000)] });
    await infra.drain();
    const fx = await infra.sql(`SELECT status, payload FROM effect WHERE member_id = 'rich' ORDER BY at`);
    expect(fx.map((f) => [f.status, f.payload.delta])).toEqual([
      ['done', 647],
      ['skipped', 0],
    ]);
    expect(fx[1].payload.skipped).toBe('the balance is at the 2,147,483,647 points a member can hold');
    expect(await infra.sql(`SELECT points_balance FROM member WHERE id = 'rich'`)).toEqual([{ points_balance: 2_147_483_647 }]);
    await noStuckJobs(infra);
  });

  test('an event that keeps failing is set aside with its error; the member’s later events go on in order, others are untouched', async ({
    infra,
  }) => {
    await publishVisits(infra);
    await nearSpendCeiling(infra, 'p1');
    // One batch with the poison in the middle, then a later request: both sides of it must be applied.
    const r = await infra.api('POST', '/api/v1/events', {
      events: [
        ev('visit', 'p1', JAN_1, { n: 'v1' }),
        ev('purchase', 'p1', JAN_1 + 1000, { amount: 100_000_000 }),
        ev('visit', 'p1', JAN_1 + 2000, { n: 'v2' }),
        ev('visit', 'p2', JAN_1, { n: 'w1' }),
        ev('purchase', 'p2', JAN_1 + 1000, { amount: 40 }),
      ],
    });
    expect(r.status).toBe(202);
    await infra.api('POST', '/api/v1/events', {
      events: [ev('visit', 'p1', JAN_1 + 3000, { n: 'v3' }), ev('visit', 'p2', JAN_1 + 3000, { n: 'w2' })],
    });
    await infra.drain();

    expect(await visitsApplied(infra, 'p1')).toEqual(['v1', 'v2', 'v3']);
    expect(await visitsApplied(infra, 'p2')).toEqual(['w1', 'w2']);
    const [poison] = await infra.sql(
      `SELECT seq::int AS seq, processed_at, failed_at IS NOT NULL AS failed, attempts, error FROM event WHERE member_id = 'p1' AND type = 'purchase'`,
    );
    expect(poison).toMatchObject({
      processed_at: null,
      failed: true,
      attempts: 3,
      error: expect.stringMatching(/^numeric field overflow \(A field with precision 14, scale 2/),
    });
    // Nothing of the failed purchase was applied: the totals are those before it.
    expect(await infra.sql(`SELECT order_count, total_spent::float8 AS spent FROM member WHERE id = 'p1'`)).toEqual([
      { order_count: 9999, spent: 999950000000 },
    ]);
    expect(await infra.sql(`SELECT order_count, total_spent::float8 AS spent FROM member WHERE id = 'p2'`)).toEqual([
      { order_count: 1, spent: 40 },
    ]);
    await noStuckJobs(infra);

    // Admins see it: queue health, Prometheus, and the member's events with status and error.
    const health = (await infra.api('GET', '/api/v1/health/queues')).body;
    expect(health).toMatchObject({ pendingEvents: 0, quarantinedEvents: 1 });
    const metrics = await infra.api('GET', '/metrics');
    expect(metrics.body).toContain('\nmemberflow_quarantined_events 1\n');
    const events = (await infra.api('GET', '/api/v1/members/p1/events?type=purchase')).body.events;
    expect(events).toEqual([expect.objectContaining({ seq: poison.seq, status: 'failed', attempts: 3, error: poison.error })]);
    expect(
      (await infra.api('GET', '/api/v1/members/p1/events?type=visit')).body.events.map((e: { status: string }) => e.status),
    ).toEqual(['processed', 'processed', 'processed']);
    expect((await infra.api('GET', '/api/v1/events?status=pending')).body.events).toEqual([]);
    expect((await infra.api('GET', '/api/v1/events?memberId=p2')).body.events).toEqual([]);
    const failed = (await infra.api('GET', '/api/v1/events?status=failed')).body.events;
    expect(failed).toEqual([
      expect.objectContaining({ seq: poison.seq, memberId: 'p1', type: 'purchase', attempts: 3, error: poison.error }),
    ]);

    // The sweep leaves it alone: it is not stranded work.
    expect(await infra.runtime.sweepOnce()).toMatchObject({ strandedEvents: 0 });

    // After a fix, an editor puts it back: it is applied (once), and nothing is set aside any more.
    await infra.sql(`UPDATE member SET total_spent = 1000 WHERE id = 'p1'`);
    const analyst = await infra.as('analyst');
    expect((await analyst('POST', `/api/v1/events/${poison.seq}/retry`)).status).toBe(403);
    const retried = await infra.api('POST', `/api/v1/events/${poison.seq}/retry`);
    expect(retried).toEqual({ status: 200, body: { seq: poison.seq, memberId: 'p1', status: 'pending' } });
    await infra.drain();
    expect(
      await infra.sql(`SELECT processed_at IS NOT NULL AS done, failed_at, attempts, error FROM event WHERE seq = $1`, [
        poison.seq,
      ]),
    ).toEqual([{ done: true, failed_at: null, attempts: 0, error: null }]);
    expect(await infra.sql(`SELECT order_count, total_spent::float8 AS spent FROM member WHERE id = 'p1'`)).toEqual([
      { order_count: 10000, spent: 100001000 },
    ]);
    expect((await infra.api('GET', '/api/v1/health/queues')).body.quarantinedEvents).toBe(0);
    expect((await infra.api('POST', `/api/v1/events/${poison.seq}/retry`)).status).toBe(409);
    expect((await infra.api('POST', '/api/v1/events/999999/retry')).status).toBe(404);
    expect((await infra.api('POST', '/api/v1/events/abc/retry')).status).toBe(404);
    const audit = (await infra.api('GET', '/api/v1/audit')).body.entries.filter((e: { action: string }) =>
      e.action.includes('event'),
    );
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'event.retry',
        targetType: 'event',
        details: { memberId: 'p1', attempts: 3, error: poison.error },
      }),
    ]);
    await noStuckJobs(infra);
  });

  test('a failing wake-up is not blamed on the event after it', async ({ infra }) => {
    await infra.publishDefinition(
      'Wait',
      buildWorkflow({
        nodes: [
          ['t', 'event_trigger', 'Signup', { eventType: 'signup' }],
          ['w', 'wait_duration', 'A day', { duration: { amount: 1, unit: 'days' } }],
          ['x', 'exit', 'Done', { reason: 'done' }],
        ],
        edges: [
          ['t', 'next', 'w'],
          ['w', 'next', 'x'],
        ],
      }),
    );
    await infra.api('POST', '/api/v1/events', ev('signup', 'p1', JAN_1));
    await infra.drain();
    // The wake-up's step cannot be written (a database fault), while the event after it is fine.
    await infra.sql(`CREATE FUNCTION no_wakeups() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.cause = 'mf.timeout' THEN RAISE EXCEPTION 'cannot write the wake-up'; END IF; RETURN NEW; END $$`);
    await infra.sql(`CREATE TRIGGER no_wakeups BEFORE INSERT ON journey_step FOR EACH ROW EXECUTE FUNCTION no_wakeups()`);
    infra.clock.set(JAN_1 + 2 * DAY);
    await infra.api('POST', '/api/v1/events', ev('visit', 'p1', JAN_1 + 2 * DAY));
    const deadline = Date.now() + 20_000;
    for (;;) {
      const [job] = await infra.runtime.queue.getJobs(['waiting', 'active', 'delayed', 'failed']);
      if (job && job.attemptsMade >= 4) break;
      if (Date.now() > deadline) throw new Error('the lane did not retry');
      await new Promise((r) => setTimeout(r, 50));
    }
    // Four failed passes, none counted against the visit: the wake-up is at fault, and it goes first.
    expect(await infra.sql(`SELECT attempts, failed_at FROM event WHERE type = 'visit'`)).toEqual([
      { attempts: 0, failed_at: null },
    ]);
    await infra.sql(`DROP TRIGGER no_wakeups ON journey_step`);
    await infra.runtime.queue.promoteJobs();
    await infra.drain();
    expect(await infra.sql(`SELECT type, processed_at IS NOT NULL AS done FROM event WHERE type = 'visit'`)).toEqual([
      { type: 'visit', done: true },
    ]);
    expect(await infra.sql(`SELECT status FROM journey`)).toEqual([{ status: 'completed' }]);
    await noStuckJobs(infra);
  });
});

describe('which failures count against an event', () => {
  it('data and logic errors count; lost connections, deadlocks and shutdowns do not', () => {
    const pgError = (code: string) => Object.assign(new Error(code), { code });
    expect(countsAgainstEvent(pgError('22003'))).toBe(true);
    expect(countsAgainstEvent(pgError('23505'))).toBe(true);
    expect(countsAgainstEvent(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(true);
    for (const code of ['40P01', '40001', '08006', '53300', '57P01', '55P03', 'XX000'])
      expect(countsAgainstEvent(pgError(code))).toBe(false);
    expect(countsAgainstEvent(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBe(false);
    expect(countsAgainstEvent(new Error('Connection terminated unexpectedly'))).toBe(false);
    expect(countsAgainstEvent(new Error('timeout exceeded when trying to connect'))).toBe(false);
  });
});
