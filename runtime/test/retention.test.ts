import { buildWorkflow } from '@memberflow/shared/templates/build';
import { describe, expect } from 'vitest';
import { loadConfig, type RetentionSettings } from '../src/config.ts';
import { pruneExpired, startRetentionSchedule } from '../src/engine/retention-schedule.ts';
import { DAY, JAN_1, test, type Infra } from './infra-fixture.ts';

const ev = (type: string, memberId: string, at: number) => ({ type, memberId, timestamp: new Date(at).toISOString(), properties: {} });
const NOW = JAN_1 + 900 * DAY;
const QUICK = Array.from({ length: 12 }, (_, i) => `q${i + 1}`);
const WAITING = ['w1', 'w2', 'w3'];

/**
 * Through the real engine: twelve members pass a workflow that ends at once (finished journeys)
 * and three enter one that waits 2,000 days (still running), all on JAN_1; one more finishes ten
 * days before NOW. Beside them, stored as they would be: an old event no lane has applied yet,
 * an old one set aside after failing, and old history imported ten days before NOW.
 */
async function seedHistory(infra: Infra): Promise<void> {
  await infra.publishDefinition('Quick', buildWorkflow({ nodes: [['t', 'event_trigger', 'Referral', { eventType: 'referral' }], ['x', 'exit', 'Done', { reason: 'done' }]], edges: [['t', 'next', 'x']] }));
  await infra.publishDefinition(
    'Long wait',
    buildWorkflow({
      nodes: [
        ['t', 'event_trigger', 'Signup', { eventType: 'signup' }],
        ['w', 'wait_duration', 'Long', { duration: { amount: 2000, unit: 'days' } }],
        ['x', 'exit', 'Done', { reason: 'done' }],
      ],
      edges: [
        ['t', 'next', 'w'],
        ['w', 'next', 'x'],
      ],
    }),
  );
  await infra.api('POST', '/api/v1/events', { events: [...QUICK.map((m) => ev('referral', m, JAN_1)), ...WAITING.map((m) => ev('signup', m, JAN_1))] });
  await infra.drain();
  infra.clock.set(NOW - 10 * DAY);
  await infra.api('POST', '/api/v1/events', { events: [ev('referral', 'recent', NOW - 10 * DAY)] });
  await infra.drain();
  const at = (t: number) => new Date(t).toISOString();
  await infra.sql(
    `INSERT INTO event (member_id, type, occurred_at, received_at, processed_at, failed_at, attempts, properties) VALUES
       ('u1', 'unapplied', $1, $1, NULL, NULL, 0, '{}'),
       ('s1', 'poison', $1, $1, NULL, $1, 5, '{}'),
       ('i1', 'purchase', $2, $3, $3, NULL, 0, '{"amount": 5}')`,
    [at(JAN_1), at(JAN_1 - 3000 * DAY), at(NOW - 10 * DAY)],
  );
  infra.clock.set(NOW);
}

const eventsLeft = async (infra: Infra) => (await infra.sql<{ k: string }>(`SELECT member_id || ':' || type AS k FROM event ORDER BY 1`)).map((r) => r.k);
const stepsByMember = async (infra: Infra) =>
  Object.fromEntries((await infra.sql<{ member_id: string; n: number }>(`SELECT member_id, count(*)::int AS n FROM journey_step GROUP BY 1 ORDER BY 1`)).map((r) => [r.member_id, r.n]));
const older = async (infra: Infra, sql: string, cutoff: number) => (await infra.sql<{ n: number }>(sql, [new Date(cutoff).toISOString()]))[0]!.n;

describe('retention: pruning journey_step and event by age', () => {
  test('old processed events and old steps of ended journeys go, in batches; work still to do, set-aside events and running journeys stay; a second run prunes nothing', async ({ infra }) => {
    await seedHistory(infra);
    const settings: RetentionSettings = { eventDays: 800, journeyStepDays: 30, batchSize: 4, intervalMs: DAY };
    const [eventCutoff, stepCutoff] = [NOW - 800 * DAY, NOW - 30 * DAY];
    const stepsBefore = await stepsByMember(infra);
    expect(Object.keys(stepsBefore)).toEqual([...QUICK, 'recent', ...WAITING].sort());
    const waitingTrace = (await infra.api('GET', '/api/v1/members/w1/journeys')).body;
    const oldEvents = await older(infra, `SELECT count(*)::int AS n FROM event WHERE received_at < $1`, eventCutoff);
    const oldSteps = await older(infra, `SELECT count(*)::int AS n FROM journey_step WHERE at < $1`, stepCutoff);
    const oldStepsKept = WAITING.reduce((n, m) => n + stepsBefore[m]!, 0);
    // The recent referral and what the engine raised with it (points earned) are all younger than the cutoff.
    const kept = [...(await eventsLeft(infra)).filter((k) => k.startsWith('recent:')), 'i1:purchase', 's1:poison', 'u1:unapplied'].sort();
    expect(kept).toContain('recent:referral');

    const run = await pruneExpired(infra.runtime.db.pool, infra.clock.now(), settings);

    expect(await eventsLeft(infra)).toEqual(kept);
    const stepsAfter = await stepsByMember(infra);
    // Running journeys keep every step; ended ones lose the steps older than 30 days; the recent one keeps its own.
    expect(stepsAfter).toEqual({ recent: stepsBefore.recent, w1: stepsBefore.w1, w2: stepsBefore.w2, w3: stepsBefore.w3 });
    expect((await infra.api('GET', '/api/v1/members/w1/journeys')).body).toEqual(waitingTrace);
    // More rows than one batch: each statement looked at 4 rows at most, the last at fewer.
    expect(oldEvents).toBeGreaterThan(settings.batchSize);
    expect(run.events).toEqual({ deleted: oldEvents - 2, scanned: oldEvents, batches: Math.floor(oldEvents / 4) + 1 });
    expect(oldSteps).toBeGreaterThan(settings.batchSize);
    expect(run.journeySteps).toEqual({ deleted: oldSteps - oldStepsKept, scanned: oldSteps, batches: Math.floor(oldSteps / 4) + 1 });
    expect(run).toMatchObject({ eventCutoff: new Date(eventCutoff).toISOString(), journeyStepCutoff: new Date(stepCutoff).toISOString() });

    const again = await pruneExpired(infra.runtime.db.pool, infra.clock.now(), settings);
    expect(again.events).toMatchObject({ deleted: 0, scanned: 2 });
    expect(again.journeySteps).toMatchObject({ deleted: 0, scanned: oldStepsKept });
    expect(await eventsLeft(infra)).toEqual(kept);
    expect(await stepsByMember(infra)).toEqual(stepsAfter);
  });

  test('with retention off nothing goes; the schedule prunes once per interval and not while another process holds the lock', async ({ infra }) => {
    await seedHistory(infra);
    const [events, steps] = [await eventsLeft(infra), await stepsByMember(infra)];
    const off = await pruneExpired(infra.runtime.db.pool, infra.clock.now(), { eventDays: 0, journeyStepDays: 0, batchSize: 4, intervalMs: DAY });
    expect(off).toMatchObject({ events: null, journeySteps: null, eventCutoff: null, journeyStepCutoff: null });
    expect(await eventsLeft(infra)).toEqual(events);
    expect(await stepsByMember(infra)).toEqual(steps);

    const schedule = startRetentionSchedule({ pool: infra.runtime.db.pool, clock: infra.clock, settings: { eventDays: 0, journeyStepDays: 30, batchSize: 100, intervalMs: DAY }, timer: false });
    // Another process pruning now: this one leaves it alone.
    const other = await infra.runtime.db.pool.connect();
    await other.query(`SELECT pg_advisory_lock(hashtext(current_schema()), hashtext('retention'))`);
    expect(await schedule.runIfDue()).toBeNull();
    await other.query(`SELECT pg_advisory_unlock(hashtext(current_schema()), hashtext('retention'))`);
    other.release();
    expect(await stepsByMember(infra)).toEqual(steps);

    const first = await schedule.runIfDue();
    expect(first!.journeySteps!.deleted).toBe(QUICK.reduce((n, m) => n + steps[m]!, 0));
    expect(first!.events).toBeNull();
    expect(await eventsLeft(infra)).toEqual(events);
    // The last run is stored: within the interval no process runs it again.
    infra.clock.advance(DAY - 1);
    expect(await schedule.runIfDue()).toBeNull();
    infra.clock.advance(1);
    expect((await schedule.runIfDue())!.journeySteps).toMatchObject({ deleted: 0 });
    await schedule.stop();
  });

  test('RETENTION_* settings: off unless set, and refused with the variable named when they would delete what is still read', () => {
    expect(loadConfig({}).retention).toEqual({ eventDays: 0, journeyStepDays: 0, batchSize: 5000, intervalMs: 3_600_000 });
    expect(loadConfig({ RETENTION_EVENT_DAYS: '800', EVENT_MAX_AGE_DAYS: '800', RETENTION_JOURNEY_STEP_DAYS: '90' }).retention).toMatchObject({ eventDays: 800, journeyStepDays: 90 });
    expect(() => loadConfig({ RETENTION_EVENT_DAYS: '90', EVENT_MAX_AGE_DAYS: '30' })).toThrow(/^RETENTION_EVENT_DAYS must be 0 \(off\) or at least 731/);
    expect(() => loadConfig({ RETENTION_EVENT_DAYS: '800' })).toThrow(/RETENTION_EVENT_DAYS \(800\) must be at least EVENT_MAX_AGE_DAYS \(3650\)/);
    expect(() => loadConfig({ RETENTION_JOURNEY_STEP_DAYS: 'a year' })).toThrow('RETENTION_JOURNEY_STEP_DAYS must be a non-negative integer, got "a year"');
    expect(() => loadConfig({ RETENTION_BATCH_SIZE: '0' })).toThrow(/^RETENTION_BATCH_SIZE must be at least 1/);
    expect(() => loadConfig({ RETENTION_INTERVAL_MINUTES: '0' })).toThrow(/^RETENTION_INTERVAL_MINUTES must be at least 1/);
  });
});
