import { all, buildWorkflow, rule } from '@memberflow/shared/templates/build';
import { describe, expect } from 'vitest';
import { DAY, JAN_1, test, type Infra } from './infra-fixture.ts';

const event = (type: string, memberId: string, at: number, properties: Record<string, unknown> = {}, idempotencyKey?: string) => ({
  type,
  memberId,
  timestamp: new Date(at).toISOString(),
  properties,
  ...(idempotencyKey ? { idempotencyKey } : {}),
});

async function setProgram(infra: Infra, settings: Record<string, unknown>) {
  const r = await infra.api('PUT', '/api/v1/loyalty/program', settings);
  expect(r.status).toBe(200);
}

/** Moves the clock to `at` and sends the events then, as a shop would. */
async function sendAt(infra: Infra, at: number, ...events: ReturnType<typeof event>[]) {
  infra.clock.set(at);
  expect((await infra.api('POST', '/api/v1/events', { events })).status).toBeLessThan(300);
  await infra.drain();
}

describe('sign-in streaks', () => {
  test('a 7-day streak pays its bonus once: replays and a second sign-in pay nothing more; a missed day restarts it', async ({ infra }) => {
    await setProgram(infra, { earn: { pointsPerUnit: 1, signIn: 5, referral: 0 }, signInStreak: { bonuses: [{ day: 7, points: 20 }] } });
    await infra.api('PUT', '/api/v1/members/s1', { name: 'Su', timeZone: 'Asia/Shanghai' });
    const signIns = Array.from({ length: 7 }, (_, d) => event('sign_in', 's1', JAN_1 + d * DAY, {}, `login-${d}`));
    for (let d = 0; d < 7; d++) await sendAt(infra, JAN_1 + d * DAY, signIns[d]!);
    // The same seven sent again (a retried upload), and one more sign-in on day 7.
    await sendAt(infra, JAN_1 + 6 * DAY + 3_600_000, ...signIns, event('sign_in', 's1', JAN_1 + 6 * DAY + 3_600_000));
    expect(await infra.sql(`SELECT sign_in_streak, last_sign_in_day::text AS day FROM member WHERE id = 's1'`)).toEqual([{ sign_in_streak: 7, day: '2026-01-07' }]);
    const bonus = await infra.sql(`SELECT delta, reason, reason_parts, idempotency_key FROM points_entry WHERE member_id = 's1' AND idempotency_key LIKE 'streak:%'`);
    expect(bonus).toEqual([{ delta: 20, reason: 'sign-in streak: day 7', reason_parts: [{ key: 'streak', vars: { days: 7 } }], idempotency_key: 'streak:s1:2026-01-01:7' }]);
    expect((await infra.api('GET', '/api/v1/members/s1/points')).body.balance).toBe(8 * 5 + 20);
    const raised = await infra.sql(`SELECT properties FROM event WHERE member_id = 's1' AND type = 'sign_in_streak' ORDER BY seq`);
    expect(raised.map((r) => (r.properties as { days: number }).days)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(raised.at(-1)!.properties).toEqual({ days: 7, bonus: 20, coupons: [], startedOn: '2026-01-01' });

    // Day 8 missed: day 9 starts again at 1, and no bonus.
    await sendAt(infra, JAN_1 + 8 * DAY, event('sign_in', 's1', JAN_1 + 8 * DAY));
    expect(await infra.sql(`SELECT sign_in_streak, last_sign_in_day::text AS day FROM member WHERE id = 's1'`)).toEqual([{ sign_in_streak: 1, day: '2026-01-09' }]);
    expect(await infra.sql(`SELECT count(*)::int AS n FROM points_entry WHERE member_id = 's1' AND idempotency_key LIKE 'streak:%'`)).toEqual([{ n: 1 }]);
  });

  test('a workflow triggers on sign_in_streak and reads member.signInStreak', async ({ infra }) => {
    await setProgram(infra, { signInStreak: { bonuses: [{ day: 3, points: 10 }] } });
    await infra.api('PUT', '/api/v1/members/s2', { name: 'Qian', timeZone: 'UTC' });
    const definition = buildWorkflow({
      settings: { entry: 'every_time' },
      nodes: [
        ['trigger', 'event_trigger', 'Sign-in streak', { eventType: 'sign_in_streak', filters: [] }],
        ['check', 'condition', 'Three days in a row?', { condition: all(rule('member.signInStreak', 'gte', 3)) }],
        ['tag', 'update_tags', 'Tag', { action: 'add', tags: ['streaker'] }],
        ['end', 'exit', 'Done', { reason: 'done' }],
      ],
      edges: [
        ['trigger', 'next', 'check'],
        ['check', 'yes', 'tag'],
        ['check', 'no', 'end'],
        ['tag', 'next', 'end'],
      ],
    });
    await infra.publishDefinition('streak-tag', definition);
    for (let d = 0; d < 3; d++) await sendAt(infra, JAN_1 + d * DAY, event('sign_in', 's2', JAN_1 + d * DAY));
    expect((await infra.api('GET', '/api/v1/members/s2')).body.tags).toEqual(['streaker']);
  });

  test('a coupon bonus is issued once per streak, with the template\'s validity, and shows in the member\'s coupons', async ({ infra }) => {
    await infra.api('PUT', '/api/v1/coupon-templates/STREAK3', { name: 'Streak: 5 off', kind: 'amount_off', value: 5, validityDays: 10 });
    await setProgram(infra, { signInStreak: { bonuses: [{ day: 3, couponTemplate: 'STREAK3' }] } });
    await infra.api('PUT', '/api/v1/members/s3', { timeZone: 'UTC' });
    const signIns = Array.from({ length: 3 }, (_, d) => event('sign_in', 's3', JAN_1 + d * DAY, {}, `s3-${d}`));
    for (let d = 0; d < 3; d++) await sendAt(infra, JAN_1 + d * DAY, signIns[d]!);
    await sendAt(infra, JAN_1 + 2 * DAY + 60_000, ...signIns, event('sign_in', 's3', JAN_1 + 2 * DAY + 60_000));
    const coupons = await infra.sql(`SELECT template, issued_at, expires_at FROM coupon WHERE member_id = 's3'`);
    expect(coupons).toEqual([{ template: 'STREAK3', issued_at: new Date(JAN_1 + 2 * DAY), expires_at: new Date(JAN_1 + 12 * DAY) }]);
    expect(await infra.sql(`SELECT delta, idempotency_key FROM points_entry WHERE member_id = 's3' AND idempotency_key LIKE 'streak:%'`)).toEqual([
      { delta: 0, idempotency_key: 'streak:s3:2026-01-01:3' },
    ]);
    expect((await infra.sql(`SELECT properties FROM event WHERE member_id = 's3' AND type = 'sign_in_streak' ORDER BY seq DESC LIMIT 1`))[0].properties).toMatchObject({ days: 3, coupons: ['STREAK3'] });
  });
});

describe('earning caps', () => {
  test('the daily cap refuses the excess and the ledger row says why', async ({ infra }) => {
    await setProgram(infra, { earningCaps: { daily: 100, monthly: 0 } });
    await infra.api('PUT', '/api/v1/members/c1', { timeZone: 'Asia/Shanghai' });
    await sendAt(infra, JAN_1, event('purchase', 'c1', JAN_1, { amount: 150 }), event('purchase', 'c1', JAN_1 + 60_000, { amount: 30 }));
    await sendAt(infra, JAN_1 + DAY, event('purchase', 'c1', JAN_1 + DAY, { amount: 40 }));
    expect(await infra.sql(`SELECT delta, reason, reason_parts FROM points_entry WHERE member_id = 'c1' ORDER BY id`)).toEqual([
      { delta: 100, reason: 'purchase (capped: 150 earned; at most 100 a day)', reason_parts: [{ key: 'earn', vars: { event: 'purchase' } }, { key: 'cappedDay', vars: { earned: 150, limit: 100 } }] },
      { delta: 0, reason: 'purchase (capped: 30 earned; at most 100 a day)', reason_parts: [{ key: 'earn', vars: { event: 'purchase' } }, { key: 'cappedDay', vars: { earned: 30, limit: 100 } }] },
      { delta: 40, reason: 'purchase', reason_parts: [{ key: 'earn', vars: { event: 'purchase' } }] },
    ]);
    const points = (await infra.api('GET', '/api/v1/members/c1/points')).body;
    expect(points.balance).toBe(140);
    expect(points.ledger.at(-1)).toMatchObject({ kind: 'earn', delta: 100, reasonParts: [{ key: 'earn' }, { key: 'cappedDay' }] });
    // A staff gift is no earning: the cap does not touch it.
    expect((await infra.api('POST', '/api/v1/members/c1/points/gift', { points: 500, reason: 'Apology for a lost parcel' })).body).toEqual({ balance: 640, duplicate: false });
  });

  test('the programme rejects a monthly cap below the daily one, naming the field', async ({ infra }) => {
    const r = await infra.api('PUT', '/api/v1/loyalty/program', { earningCaps: { daily: 100, monthly: 50 } });
    expect(r).toMatchObject({ status: 400, body: { issues: [{ field: 'earningCaps.monthly', message: 'must be at least the daily cap (or 0)' }] } });
  });
});

describe('protection period', () => {
  test('points earned today cannot be redeemed until the period passes; the balance shows them pending', async ({ infra }) => {
    await setProgram(infra, { protectionDays: 7 });
    await sendAt(infra, JAN_1, event('purchase', 'p1', JAN_1, { amount: 100 }));
    await infra.api('POST', '/api/v1/members/p1/points/gift', { points: 30, reason: 'Welcome gift' });
    const before = (await infra.api('GET', '/api/v1/members/p1/points')).body;
    expect(before).toMatchObject({ balance: 130, available: 30, pending: [{ points: 100, availableAt: new Date(JAN_1 + 7 * DAY).toISOString() }] });
    const early = await infra.api('POST', '/api/v1/members/p1/points/redeem', { points: 50, reason: 'gift' });
    expect(early).toMatchObject({
      status: 409,
      body: { issues: [{ field: 'points', message: `member has 30 points to spend (100 more become spendable from ${new Date(JAN_1 + 7 * DAY).toISOString()}), 50 needed` }] },
    });
    // What is spendable may be spent, from the gift's lot only.
    expect((await infra.api('POST', '/api/v1/members/p1/points/redeem', { points: 20, reason: 'coffee' })).body).toEqual({ balance: 110, duplicate: false });
    expect(await infra.sql(`SELECT kind, remaining FROM points_entry WHERE member_id = 'p1' AND delta > 0 ORDER BY id`)).toEqual([
      { kind: 'earn', remaining: 100 },
      { kind: 'gift', remaining: 10 },
    ]);
    infra.clock.set(JAN_1 + 7 * DAY);
    expect((await infra.api('GET', '/api/v1/members/p1/points')).body).toMatchObject({ balance: 110, available: 110, pending: [] });
    expect((await infra.api('POST', '/api/v1/members/p1/points/redeem', { points: 50, reason: 'gift' })).body).toEqual({ balance: 60, duplicate: false });
  });
});

describe('gifted points', () => {
  test('a gift is in the ledger with its reason, audited, once per key; a gift without a reason is refused', async ({ infra }) => {
    await infra.api('PUT', '/api/v1/members/g1', { name: 'Gao' });
    const noReason = await infra.api('POST', '/api/v1/members/g1/points/gift', { points: 100, reason: ' ' });
    expect(noReason).toMatchObject({ status: 400, body: { issues: [{ field: 'reason', message: 'say why' }] } });
    const body = { points: 300, reason: 'Prize: anniversary draw', idempotencyKey: 'draw-1' };
    expect((await infra.api('POST', '/api/v1/members/g1/points/gift', body)).body).toEqual({ balance: 300, duplicate: false });
    expect((await infra.api('POST', '/api/v1/members/g1/points/gift', body)).body).toEqual({ balance: 300, duplicate: true });
    expect(await infra.sql(`SELECT kind, delta, remaining, reason, source, expires_at IS NOT NULL AS expires FROM points_entry WHERE member_id = 'g1'`)).toEqual([
      { kind: 'gift', delta: 300, remaining: 300, reason: 'Prize: anniversary draw', source: 'staff', expires: true },
    ]);
    expect(await infra.sql(`SELECT action, target_id, details FROM audit_log WHERE action = 'points.gift'`)).toEqual([
      { action: 'points.gift', target_id: 'g1', details: { points: 300, reason: 'Prize: anniversary draw' } },
    ]);
    // Analysts read; only editors may give points.
    const analyst = await infra.as('analyst');
    expect((await analyst('POST', '/api/v1/members/g1/points/gift', { points: 1, reason: 'x' })).status).toBe(403);
  });
});
