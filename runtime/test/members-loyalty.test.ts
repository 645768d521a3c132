import { describe, expect } from 'vitest';
import { DAY, JAN_1, test } from './infra-fixture.ts';

const buy = (memberId: string, at: number, amount: number) => ({ type: 'purchase', memberId, timestamp: new Date(at).toISOString(), properties: { amount } });

describe('members', () => {
  test('upsert keeps what is not sent, merges consents, and names every bad field', async ({ infra }) => {
    const bad = await infra.api('PUT', '/api/v1/members/m1', { email: 'nope', timeZone: 'Mars/Base', birthday: '1990-13-40' });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { field: string }) => i.field)).toEqual(['email', 'birthday', 'timeZone']);
    await infra.api('PUT', '/api/v1/members/m1', { name: 'Li Lei', email: 'li@example.com', timeZone: 'Asia/Shanghai', consents: { sms: false }, tags: ['vip'] });
    const r = await infra.api('PUT', '/api/v1/members/m1', { phone: '+86 138 0000 0000', consents: { email: true } });
    expect(r.body).toMatchObject({ id: 'm1', name: 'Li Lei', email: 'li@example.com', phone: '+86 138 0000 0000', timeZone: 'Asia/Shanghai', consents: { sms: false, email: true }, tags: ['vip'] });
    expect((await infra.api('POST', '/api/v1/members', { members: [] })).body.issues[0]).toEqual({ field: 'members', message: 'send at least one member' });
  });

  test('search filters and pages by id', async ({ infra }) => {
    const members = Array.from({ length: 7 }, (_, i) => ({ id: `s${i}`, name: i < 5 ? `Wang ${i}` : `Zhang ${i}`, tags: i % 2 ? ['coffee'] : [] }));
    expect((await infra.api('POST', '/api/v1/members', { members })).body).toEqual({ upserted: 7 });
    const p1 = await infra.api('GET', '/api/v1/members?q=wang&limit=3');
    expect(p1.body.members.map((m: { id: string }) => m.id)).toEqual(['s0', 's1', 's2']);
    const p2 = await infra.api('GET', `/api/v1/members?q=wang&limit=3&after=${p1.body.next}`);
    expect(p2.body).toMatchObject({ next: null });
    expect(p2.body.members.map((m: { id: string }) => m.id)).toEqual(['s3', 's4']);
    expect((await infra.api('GET', '/api/v1/members?tag=coffee')).body.members.map((m: { id: string }) => m.id)).toEqual(['s1', 's3', 's5']);
    expect((await infra.api('GET', '/api/v1/members?limit=0')).body.issues[0].field).toBe('limit');
  });

  test('erasure removes personal data and running journeys, keeps anonymous totals', async ({ infra }) => {
    await infra.publishTemplate('second-purchase-nudge');
    await infra.api('PUT', '/api/v1/members/e1', { name: 'Erase Me', email: 'e@example.com', attributes: { city: 'Beijing' } });
    await infra.api('POST', '/api/v1/events', buy('e1', JAN_1, 30));
    await infra.drain();
    // Erasure is for admins only.
    const admin = await infra.as('admin');
    expect((await infra.api('DELETE', '/api/v1/members/e1')).status).toBe(403);
    expect(await admin('DELETE', '/api/v1/members/e1')).toMatchObject({ status: 200, body: { erased: true } });
    const m = (await infra.api('GET', '/api/v1/members/e1')).body;
    expect(m).toMatchObject({ name: null, email: null, attributes: {}, tags: [], orderCount: 1, totalSpent: 30, pointsBalance: 30 });
    expect(m.deletedAt).not.toBeNull();
    expect(await infra.sql(`SELECT status FROM journey`)).toEqual([{ status: 'exited' }]);
    expect((await admin('DELETE', '/api/v1/members/e1')).status).toBe(404);
    expect((await infra.api('GET', '/api/v1/members?q=Erase')).body.members).toEqual([]);
  });

  test('CSV import: progress, quoted fields, tags, consents, attributes, and a per-row error report', async ({ infra }) => {
    const csv = [
      'id,name,email,tags,consent_sms,attr_city,birthday',
      'c1,"Chen, Jie",chen@example.com,vip;coffee,no,Shanghai,1991-02-03',
      'c2,Bad Mail,not-an-email,,,,',
      ',No Id,x@example.com,,,,',
      'c3,"Line ""Quoted""",,,,Hangzhou,',
    ].join('\r\n');
    const res = await fetch(`${infra.runtime.url}/api/v1/imports/members`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${infra.apiKey}` }, body: csv });
    expect(res.status).toBe(202);
    const { jobId } = (await res.json()) as { jobId: string };
    let job: { status: string; processed: number; failed: number; errors: unknown[] };
    do job = (await infra.api('GET', `/api/v1/imports/${jobId}`)).body;
    while (job.status === 'running');
    expect(job).toMatchObject({ status: 'done', total: 4, processed: 4, failed: 2 });
    expect(job.errors).toEqual([
      { row: 3, field: 'email', message: 'must be an email address' },
      { row: 4, field: 'id', message: 'is required' },
    ]);
    const c1 = (await infra.api('GET', '/api/v1/members/c1')).body;
    expect(c1).toMatchObject({ name: 'Chen, Jie', tags: ['vip', 'coffee'], consents: { sms: false }, attributes: { city: 'Shanghai' }, birthday: '1991-02-03' });
    expect((await infra.api('GET', '/api/v1/members/c3')).body.name).toBe('Line "Quoted"');
    const empty = await fetch(`${infra.runtime.url}/api/v1/imports/members`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${infra.apiKey}` }, body: '{}' });
    expect(empty.status).toBe(400);
  });
});

describe('points', () => {
  test('purchases earn points; redemptions spend the oldest lots first; what is left expires after 12 months', async ({ infra }) => {
    await infra.api('POST', '/api/v1/events', { events: [buy('p1', JAN_1, 100.9), buy('p1', JAN_1 + 31 * DAY, 50)] });
    await infra.drain();
    expect((await infra.api('GET', '/api/v1/members/p1/points')).body.balance).toBe(150);
    const tooMuch = await infra.api('POST', '/api/v1/members/p1/points/redeem', { points: 151, reason: 'gift' });
    expect(tooMuch).toMatchObject({ status: 409, body: { issues: [{ field: 'points', message: 'member has 150 points, 151 needed' }] } });
    expect((await infra.api('POST', '/api/v1/members/p1/points/redeem', { points: 120, reason: 'gift', idempotencyKey: 'r1' })).body).toEqual({ balance: 30, duplicate: false });
    expect((await infra.api('POST', '/api/v1/members/p1/points/redeem', { points: 120, reason: 'gift', idempotencyKey: 'r1' })).body).toEqual({ balance: 30, duplicate: true });
    expect(await infra.sql(`SELECT kind, delta, remaining FROM points_entry WHERE member_id = 'p1' ORDER BY id`)).toEqual([
      { kind: 'earn', delta: 100, remaining: 0 },
      { kind: 'earn', delta: 50, remaining: 30 },
      { kind: 'redeem', delta: -120, remaining: 0 },
    ]);
    infra.clock.set(Date.UTC(2027, 1, 1, 9)); // the February lot's first anniversary
    await infra.runtime.fireTriggers();
    expect((await infra.api('GET', '/api/v1/members/p1/points')).body).toMatchObject({ balance: 0, expiring: [] });
    expect(await infra.sql(`SELECT kind, delta, reason FROM points_entry WHERE kind = 'expire'`)).toEqual([{ kind: 'expire', delta: -30, reason: 'points expired' }]);
  });

  test('points-expiring workflows fire 30 days before a lot expires, once', async ({ infra }) => {
    await infra.api('PUT', '/api/v1/members/x1', { name: 'Xu', phone: '13900001111' });
    await infra.publishTemplate('points-expiry');
    await infra.api('POST', '/api/v1/events', buy('x1', JAN_1, 300));
    await infra.drain();
    infra.clock.set(Date.UTC(2027, 0, 1, 9) - 31 * DAY);
    expect(await infra.runtime.fireTriggers()).toBe(0);
    infra.clock.set(Date.UTC(2027, 0, 1, 9) - 30 * DAY);
    expect(await infra.runtime.fireTriggers()).toBe(1);
    expect(await infra.runtime.fireTriggers()).toBe(0);
    await infra.drain();
    expect(await infra.sql(`SELECT payload->>'body' AS body FROM effect WHERE kind = 'send_message'`)).toEqual([
      { body: 'Xu, some of your 300 points expire within 30 days. Use them before they go!' },
    ]);
  });
});

describe('stored value', () => {
  test('recharge adds the programme bonus and triggers workflows; spending cannot overdraw', async ({ infra }) => {
    await infra.api('PUT', '/api/v1/members/v1', { name: 'Sun', phone: '13900002222' });
    await infra.publishTemplate('recharge-bonus');
    expect((await infra.api('POST', '/api/v1/members/v1/stored-value/recharge', { amount: 500, idempotencyKey: 'pay-1' })).body).toEqual({ bonus: 100, balance: 600, duplicate: false });
    expect((await infra.api('POST', '/api/v1/members/v1/stored-value/recharge', { amount: 500, idempotencyKey: 'pay-1' })).body).toMatchObject({ duplicate: true, balance: 600 });
    expect((await infra.api('POST', '/api/v1/members/v1/stored-value/recharge', { amount: 50 })).body).toMatchObject({ bonus: 0, balance: 650 });
    expect((await infra.api('POST', '/api/v1/members/v1/stored-value/spend', { amount: 700 })).status).toBe(409);
    expect((await infra.api('POST', '/api/v1/members/v1/stored-value/spend', { amount: 150, orderId: 'o-9' })).body).toEqual({ balance: 500, duplicate: false });
    expect((await infra.api('POST', '/api/v1/members/v1/stored-value/recharge', { amount: -5 })).body.issues[0]).toEqual({ field: 'amount', message: 'must be greater than 0' });
    await infra.drain();
    // The recharge recipe: a bonus notice for the 500 recharge (>= 100), and a first-order coupon.
    expect(await infra.sql(`SELECT kind, payload->>'body' AS body FROM effect ORDER BY at, kind`)).toEqual([
      { kind: 'issue_coupon', body: null },
      { kind: 'send_message', body: 'Thanks for recharging 500, Sun! Your bonus has been added.' },
    ]);
    const history = (await infra.api('GET', '/api/v1/members/v1/stored-value')).body.history.map((h: { kind: string; amount: number }) => [h.kind, h.amount]);
    expect(history).toEqual([['spend', -150], ['recharge', 50], ['bonus', 100], ['recharge', 500]]);
  });
});

describe('coupons', () => {
  test('templates set validity and stock; redemption checks owner, expiry and minimum spend, and raises coupon_redeemed', async ({ infra }) => {
    const bad = await infra.api('PUT', '/api/v1/coupon-templates/COMEBACK10', { name: 'x', kind: 'percent_off', value: 150 });
    expect(bad.body.issues.map((i: { field: string }) => i.field)).toEqual(['value', 'validityDays']);
    await infra.api('PUT', '/api/v1/coupon-templates/COMEBACK10', { name: 'Come back: 10 off 50', kind: 'amount_off', value: 10, minSpend: 50, validityDays: 15, stockLimit: 2 });
    await infra.publishTemplate('second-purchase-nudge');
    await infra.api('POST', '/api/v1/events', { events: ['a', 'b', 'c'].map((m) => buy(m, JAN_1, 20)) });
    await infra.drain();
    infra.clock.set(JAN_1 + 30 * DAY);
    await infra.runtime.sweepOnce();
    await infra.drain();
    // Three members reach the coupon at once; stock 2: two get one, the third a recorded skip.
    const coupons = await infra.sql(`SELECT member_id, code, expires_at FROM coupon ORDER BY member_id`);
    expect(coupons.map((c) => c.expires_at)).toEqual([new Date(JAN_1 + 45 * DAY), new Date(JAN_1 + 45 * DAY)]);
    const [owner, other] = coupons.map((c) => c.member_id as string);
    const left = ['a', 'b', 'c'].find((m) => m !== owner && m !== other)!;
    expect(await infra.sql(`SELECT payload->>'skipped' AS skipped FROM effect WHERE member_id = $1`, [left])).toEqual([{ skipped: 'COMEBACK10 is out of stock' }]);
    expect(await infra.sql(`SELECT issued_count FROM coupon_template`)).toEqual([{ issued_count: 2 }]);

    const code = coupons[0].code;
    expect((await infra.api('POST', `/api/v1/coupons/${code}/redeem`, { memberId: other, orderAmount: 80 })).status).toBe(404);
    const low = await infra.api('POST', `/api/v1/coupons/${code}/redeem`, { memberId: owner, orderAmount: 40 });
    expect(low).toMatchObject({ status: 409, body: { issues: [{ field: 'orderAmount', message: 'must be at least 50' }] } });
    expect((await infra.api('POST', `/api/v1/coupons/${code}/redeem`, { memberId: owner, orderAmount: 80, orderId: 'o1' })).body).toEqual({ code, template: 'COMEBACK10', kind: 'amount_off', discount: 10 });
    expect((await infra.api('POST', `/api/v1/coupons/${code}/redeem`, { memberId: owner, orderAmount: 80 })).status).toBe(409);
    expect(await infra.sql(`SELECT type, properties->>'orderId' AS o FROM event WHERE type = 'coupon_redeemed'`)).toEqual([{ type: 'coupon_redeemed', o: 'o1' }]);

    infra.clock.set(JAN_1 + 46 * DAY);
    expect((await infra.api('POST', '/api/v1/coupons/expire')).body).toEqual({ expired: 1 });
    expect((await infra.api('POST', `/api/v1/coupons/${coupons[1].code}/redeem`, { memberId: other, orderAmount: 80 })).body.error).toMatch(/expired/);
  });
});

describe('tiers', () => {
  test('members move up as they spend (earning more points there) and down when a rolling year no longer qualifies', async ({ infra }) => {
    const tiers = {
      tiers: [
        { key: 'silver', name: 'Silver', rank: 1, threshold: 100, period: 'rolling_12m' },
        { key: 'gold', name: 'Gold', rank: 2, threshold: 500, period: 'rolling_12m', pointsMultiplier: 2 },
      ],
    };
    expect((await infra.api('PUT', '/api/v1/tiers', { tiers: [tiers.tiers[0], { ...tiers.tiers[1], rank: 1 }] })).body.issues[0].field).toBe('tiers.1.rank');
    await infra.api('PUT', '/api/v1/tiers', tiers);
    await infra.api('POST', '/api/v1/events', { events: [buy('t1', JAN_1, 150), buy('t1', JAN_1 + DAY, 400), buy('t1', JAN_1 + 2 * DAY, 10)] });
    await infra.drain();
    const m = (await infra.api('GET', '/api/v1/members/t1')).body;
    // 150 + 400 at 1x, then 10 at gold's 2x.
    expect(m).toMatchObject({ tier: 'gold', pointsBalance: 570 });
    expect((await infra.sql(`SELECT properties FROM event WHERE type = 'tier_changed' ORDER BY seq`)).map((r) => r.properties)).toEqual([
      { from: null, tier: 'silver', direction: 'up' },
      { from: 'silver', tier: 'gold', direction: 'up' },
    ]);
    infra.clock.set(JAN_1 + 400 * DAY);
    await infra.runtime.fireTriggers();
    expect((await infra.api('GET', '/api/v1/members/t1')).body.tier).toBe(null);
    expect((await infra.sql(`SELECT properties FROM event WHERE type = 'tier_changed' ORDER BY seq DESC LIMIT 1`))[0].properties).toEqual({ from: 'gold', tier: null, direction: 'down' });
  });
});
