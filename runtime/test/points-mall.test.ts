import { describe, expect } from 'vitest';
import { DAY, JAN_1, test, type Infra } from './infra-fixture.ts';

/** Point lots by SQL, as earning would have left them: [points, earned day, expiry day or null] relative to JAN_1. */
async function seedLots(infra: Infra, memberId: string, lots: [number, number, number | null][]): Promise<string[]> {
  await infra.api('POST', '/api/v1/members', { members: [{ id: memberId }] });
  const ids: string[] = [];
  for (const [points, earned, expires] of lots) {
    const [row] = await infra.sql<{ id: string }>(
      `INSERT INTO points_entry (member_id, kind, delta, remaining, reason, source, at, expires_at)
       VALUES ($1, 'earn', $2, $2, 'seed', 'test', $3, $4) RETURNING id::text AS id`,
      [memberId, points, new Date(JAN_1 + earned * DAY), expires === null ? null : new Date(JAN_1 + expires * DAY)],
    );
    ids.push(row!.id);
  }
  await infra.sql(`UPDATE member SET points_balance = $2 WHERE id = $1`, [memberId, lots.reduce((s, l) => s + l[0], 0)]);
  return ids;
}

const lotsOf = (infra: Infra, memberId: string) =>
  infra.sql<{ id: string; remaining: number }>(`SELECT id::text AS id, remaining FROM points_entry WHERE member_id = $1 AND kind = 'earn' ORDER BY id`, [memberId]);

/** The ledger holds together: deltas sum to the balance, and so do the lots' remaining points. */
async function expectBalanced(infra: Infra, memberId: string, balance: number) {
  const [row] = await infra.sql<{ deltas: number; remaining: number; balance: number }>(
    `SELECT (SELECT sum(delta)::int FROM points_entry WHERE member_id = $1) AS deltas,
            (SELECT sum(remaining)::int FROM points_entry WHERE member_id = $1) AS remaining,
            (SELECT points_balance FROM member WHERE id = $1) AS balance`,
    [memberId],
  );
  expect(row).toEqual({ deltas: balance, remaining: balance, balance });
}

const gift = { name: 'Tote bag', kind: 'gift', pricing: 'points', points: 150 };

describe('the points mall', () => {
  test('a points-only redemption spends the lots expiring first, then the oldest, and raises reward_redeemed', async ({ infra }) => {
    // The oldest lot never expires, so it is spent last; of the two expiring lots the sooner goes first.
    const [never, soon, later] = await seedLots(infra, 'm1', [
      [100, -400, null],
      [100, -300, 65],
      [100, -200, 165],
    ]);
    expect((await infra.api('PUT', '/api/v1/points-mall/items/TOTE', { ...gift, stock: 10 })).status).toBe(200);
    const r = await infra.api('POST', '/api/v1/points-mall/TOTE/redeem', { memberId: 'm1', idempotencyKey: 'k1' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ item: 'TOTE', memberId: 'm1', points: 150, cash: 0, balance: 150, status: 'redeemed', source: 'api', couponCode: null });
    expect(await lotsOf(infra, 'm1')).toEqual([
      { id: never, remaining: 100 },
      { id: soon, remaining: 0 },
      { id: later, remaining: 50 },
    ]);
    expect(await infra.sql(`SELECT kind, delta, reason FROM points_entry WHERE member_id = 'm1' AND kind <> 'earn'`)).toEqual([
      { kind: 'redeem', delta: -150, reason: 'points mall: TOTE' },
    ]);
    await expectBalanced(infra, 'm1', 150);
    expect((await infra.api('GET', '/api/v1/points-mall/items')).body.items).toMatchObject([{ key: 'TOTE', stock: 9, redeemed: 1 }]);
    const events = await infra.sql(`SELECT type, properties->>'item' AS item, (properties->>'points')::int AS points FROM event WHERE member_id = 'm1' AND type = 'reward_redeemed'`);
    expect(events).toEqual([{ type: 'reward_redeemed', item: 'TOTE', points: 150 }]);
  });

  test('a cash + points coupon redemption and its refund leave the ledger balanced and the lots as they were', async ({ infra }) => {
    await seedLots(infra, 'm2', [
      [120, -100, 200],
      [200, -50, 300],
    ]);
    const before = await lotsOf(infra, 'm2');
    await infra.api('PUT', '/api/v1/coupon-templates/MALL10', { name: '10 off', kind: 'amount_off', value: 10, validityDays: 30 });
    const saved = await infra.api('PUT', '/api/v1/points-mall/items/COUPON10', { name: '10 off for 200 + 9.90', kind: 'coupon', couponTemplate: 'MALL10', pricing: 'cash_points', points: 200, cash: 9.9, stock: 5 });
    expect(saved.body).toMatchObject({ key: 'COUPON10', pricing: 'cash_points', cash: 9.9, stock: 5 });

    const r = (await infra.api('POST', '/api/v1/points-mall/COUPON10/redeem', { memberId: 'm2', idempotencyKey: 'order-1', orderId: 'SO-1' })).body;
    expect(r).toMatchObject({ points: 200, cash: 9.9, balance: 120, orderId: 'SO-1' });
    expect(r.couponCode).toMatch(/^MALL10-/);
    expect(await infra.sql(`SELECT status, template FROM coupon WHERE code = $1`, [r.couponCode])).toEqual([{ status: 'issued', template: 'MALL10' }]);
    await expectBalanced(infra, 'm2', 120);

    const noReason = await infra.api('POST', `/api/v1/points-mall/redemptions/${r.id}/refund`, {});
    expect(noReason.body.issues).toEqual([{ field: 'reason', message: 'say why' }]);
    const refunded = await infra.api('POST', `/api/v1/points-mall/redemptions/${r.id}/refund`, { reason: 'order returned' });
    expect(refunded.body).toMatchObject({ id: r.id, status: 'refunded', refundReason: 'order returned' });
    // Both rows in the ledger, the balance back, each lot holding what it held before.
    expect(await infra.sql(`SELECT kind, delta FROM points_entry WHERE member_id = 'm2' AND kind <> 'earn' ORDER BY id`)).toEqual([
      { kind: 'redeem', delta: -200 },
      { kind: 'adjust', delta: 200 },
    ]);
    await expectBalanced(infra, 'm2', 320);
    expect(await lotsOf(infra, 'm2')).toEqual(before);
    expect(await infra.sql(`SELECT status FROM coupon WHERE code = $1`, [r.couponCode])).toEqual([{ status: 'voided' }]);
    expect((await infra.api('GET', '/api/v1/points-mall/items')).body.items).toMatchObject([{ key: 'COUPON10', stock: 5, redeemed: 0 }]);

    // Refunding again answers the same refund and changes nothing.
    const again = await infra.api('POST', `/api/v1/points-mall/redemptions/${r.id}/refund`, { reason: 'twice' });
    expect(again.body).toMatchObject({ status: 'refunded', refundReason: 'order returned' });
    await expectBalanced(infra, 'm2', 320);
    expect((await infra.api('POST', '/api/v1/points-mall/redemptions/00000000-0000-0000-0000-000000000000/refund', { reason: 'x' })).status).toBe(404);
  });

  test('a refund after a lot has expired gives those points back on the refund row, the rest to their lots', async ({ infra }) => {
    const [soon, never] = await seedLots(infra, 'm9', [
      [100, -10, 5],
      [100, -5, null],
    ]);
    await infra.api('PUT', '/api/v1/points-mall/items/TOTE', gift);
    const r = (await infra.api('POST', '/api/v1/points-mall/TOTE/redeem', { memberId: 'm9', idempotencyKey: 'late' })).body;
    expect(await lotsOf(infra, 'm9')).toEqual([
      { id: soon, remaining: 0 },
      { id: never, remaining: 50 },
    ]);
    infra.clock.set(JAN_1 + 10 * DAY);
    expect((await infra.api('POST', `/api/v1/points-mall/redemptions/${r.id}/refund`, { reason: 'late return' })).status).toBe(200);
    // The expired lot stays spent; its 100 points are a lot of their own on the refund row.
    expect(await lotsOf(infra, 'm9')).toEqual([
      { id: soon, remaining: 0 },
      { id: never, remaining: 100 },
    ]);
    expect(await infra.sql(`SELECT kind, delta, remaining FROM points_entry WHERE member_id = 'm9' AND kind = 'adjust'`)).toEqual([{ kind: 'adjust', delta: 150, remaining: 100 }]);
    await expectBalanced(infra, 'm9', 200);
  });

  test('a redemption whose coupon was used cannot be refunded; a deduction prices points as money off', async ({ infra }) => {
    await seedLots(infra, 'm3', [[1000, -10, null]]);
    await infra.api('PUT', '/api/v1/coupon-templates/MALL5', { name: '5 off', kind: 'amount_off', value: 5, validityDays: 30 });
    await infra.api('PUT', '/api/v1/points-mall/items/C5', { name: '5 off', kind: 'coupon', couponTemplate: 'MALL5', pricing: 'points', points: 100 });
    const r = (await infra.api('POST', '/api/v1/points-mall/C5/redeem', { memberId: 'm3', idempotencyKey: 'c5' })).body;
    expect((await infra.api('POST', `/api/v1/coupons/${r.couponCode}/redeem`, { memberId: 'm3', orderAmount: 50 })).status).toBe(200);
    const refused = await infra.api('POST', `/api/v1/points-mall/redemptions/${r.id}/refund`, { reason: 'changed mind' });
    expect(refused.status).toBe(409);
    expect(refused.body.issues[0].field).toBe('coupon');
    await expectBalanced(infra, 'm3', 900);

    await infra.api('PUT', '/api/v1/points-mall/items/OFF', { name: 'Points off', kind: 'product', pricing: 'deduction', points: 100, deductionValue: 5, deductionMinPoints: 100, deductionMaxPoints: 500 });
    const off = await infra.api('POST', '/api/v1/points-mall/OFF/redeem', { memberId: 'm3', idempotencyKey: 'off-1', points: 300 });
    expect(off.body).toMatchObject({ points: 300, deduction: 15, balance: 600 });
    const odd = await infra.api('POST', '/api/v1/points-mall/OFF/redeem', { memberId: 'm3', idempotencyKey: 'off-2', points: 250 });
    expect(odd).toMatchObject({ status: 400, body: { issues: [{ field: 'points', message: 'must be a multiple of 100' }] } });
    const tooMany = await infra.api('POST', '/api/v1/points-mall/OFF/redeem', { memberId: 'm3', idempotencyKey: 'off-3', points: 600 });
    expect(tooMany.body.issues).toEqual([{ field: 'points', message: 'must be at most 500' }]);
  });

  test('two members redeeming the last one in stock at once: exactly one gets it, the other a 409 naming stock', async ({ infra }) => {
    await seedLots(infra, 'a', [[500, -1, null]]);
    await seedLots(infra, 'b', [[500, -1, null]]);
    await infra.api('PUT', '/api/v1/points-mall/items/LAST', { ...gift, stock: 1 });
    const [ra, rb] = await Promise.all([
      infra.api('POST', '/api/v1/points-mall/LAST/redeem', { memberId: 'a', idempotencyKey: 'a-1' }),
      infra.api('POST', '/api/v1/points-mall/LAST/redeem', { memberId: 'b', idempotencyKey: 'b-1' }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const lost = ra.status === 409 ? ra : rb;
    expect(lost.body.issues).toEqual([{ field: 'stock', message: 'LAST is out of stock' }]);
    expect(await infra.sql(`SELECT stock, redeemed_count FROM points_mall_item WHERE key = 'LAST'`)).toEqual([{ stock: 0, redeemed_count: 1 }]);
    expect(await infra.sql(`SELECT count(*)::int AS n FROM points_entry WHERE kind = 'redeem'`)).toEqual([{ n: 1 }]);
    await expectBalanced(infra, 'a', ra.status === 200 ? 350 : 500);
    await expectBalanced(infra, 'b', rb.status === 200 ? 350 : 500);
  });

  test('a per-member limit per month refuses the next one until the month turns; a refunded one does not count; too few points names points', async ({ infra }) => {
    await seedLots(infra, 'm4', [[1000, -1, null]]);
    await infra.api('PUT', '/api/v1/points-mall/items/MONTHLY', { ...gift, perMemberLimit: 1, limitPeriod: 'month' });
    const first = (await infra.api('POST', '/api/v1/points-mall/MONTHLY/redeem', { memberId: 'm4', idempotencyKey: 'j1' })).body;
    const second = await infra.api('POST', '/api/v1/points-mall/MONTHLY/redeem', { memberId: 'm4', idempotencyKey: 'j2' });
    expect(second.status).toBe(409);
    expect(second.body.issues).toEqual([{ field: 'perMemberLimit', message: 'm4 has redeemed MONTHLY 1 time(s): the limit is 1 per month' }]);
    await infra.api('POST', `/api/v1/points-mall/redemptions/${first.id}/refund`, { reason: 'wrong size' });
    expect((await infra.api('POST', '/api/v1/points-mall/MONTHLY/redeem', { memberId: 'm4', idempotencyKey: 'j3' })).status).toBe(200);
    expect((await infra.api('POST', '/api/v1/points-mall/MONTHLY/redeem', { memberId: 'm4', idempotencyKey: 'j4' })).status).toBe(409);
    infra.clock.set(Date.UTC(2026, 1, 1, 0, 5));
    expect((await infra.api('POST', '/api/v1/points-mall/MONTHLY/redeem', { memberId: 'm4', idempotencyKey: 'j5' })).status).toBe(200);

    await seedLots(infra, 'poor', [[100, -1, null]]);
    const poor = await infra.api('POST', '/api/v1/points-mall/MONTHLY/redeem', { memberId: 'poor', idempotencyKey: 'p1' });
    expect(poor).toMatchObject({ status: 409, body: { issues: [{ field: 'points' }] } });
    expect(poor.body.issues[0].message).toMatch(/^not enough points: member has 100 points.*, 150 needed$/);
    await expectBalanced(infra, 'poor', 100);
  });

  test('the same idempotency key answers the same redemption and spends once; another member with it is refused', async ({ infra }) => {
    await seedLots(infra, 'm5', [[1000, -1, null]]);
    await seedLots(infra, 'm6', [[1000, -1, null]]);
    await infra.api('PUT', '/api/v1/points-mall/items/TOTE', gift);
    const one = await infra.api('POST', '/api/v1/points-mall/TOTE/redeem', { memberId: 'm5', idempotencyKey: 'same' });
    const two = await infra.api('POST', '/api/v1/points-mall/TOTE/redeem', { memberId: 'm5', idempotencyKey: 'same' });
    expect(two.body).toEqual(one.body);
    await expectBalanced(infra, 'm5', 850);
    expect(await infra.sql(`SELECT count(*)::int AS n FROM event WHERE type = 'reward_redeemed'`)).toEqual([{ n: 1 }]);
    const other = await infra.api('POST', '/api/v1/points-mall/TOTE/redeem', { memberId: 'm6', idempotencyKey: 'same' });
    expect(other.status).toBe(409);
    expect(other.body.issues[0].field).toBe('idempotencyKey');
    await expectBalanced(infra, 'm6', 1000);
  });

  test('bad bodies name the field', async ({ infra }) => {
    const put = (key: string, body: unknown) => infra.api('PUT', `/api/v1/points-mall/items/${key}`, body);
    const fields = async (r: Promise<{ body: { issues: { field: string }[] } }>) => (await r).body.issues.map((i) => i.field);
    expect(await fields(put('C', { name: 'x', kind: 'coupon', pricing: 'points', points: 10 }))).toEqual(['couponTemplate']);
    expect(await fields(put('C', { name: 'x', kind: 'gift', pricing: 'cash_points', points: 10 }))).toEqual(['cash']);
    expect(await fields(put('C', { name: 'x', kind: 'gift', pricing: 'deduction', points: 10, deductionMaxPoints: 15 }))).toEqual(['deductionValue', 'deductionMaxPoints']);
    expect(await fields(put('C', { name: '', kind: 'toy', pricing: 'points', points: 0 }))).toEqual(['name', 'kind', 'points']);
    expect(await fields(put('C', { ...gift, stock: -1, limitPeriod: 'week' }))).toEqual(['stock', 'perMemberLimit']);
    expect(await fields(put('lower', gift))).toEqual(['key']);
    const missing = await put('C', { name: 'x', kind: 'coupon', couponTemplate: 'NOPE', pricing: 'points', points: 10 });
    expect(missing).toMatchObject({ status: 400, body: { issues: [{ field: 'couponTemplate', message: 'no coupon template "NOPE"' }] } });

    await put('TOTE', gift);
    const noKey = await infra.api('POST', '/api/v1/points-mall/TOTE/redeem', { memberId: 'x' });
    expect(noKey.body.issues).toEqual([{ field: 'idempotencyKey', message: 'is required: the same key answers the same redemption' }]);
    expect(await fields(infra.api('POST', '/api/v1/points-mall/TOTE/redeem', { idempotencyKey: 'k' }))).toEqual(['memberId']);
    expect((await infra.api('POST', '/api/v1/points-mall/NOPE/redeem', { memberId: 'nobody', idempotencyKey: 'k' })).status).toBe(404);
    await infra.api('POST', '/api/v1/members', { members: [{ id: 'm7' }] });
    expect((await infra.api('POST', '/api/v1/points-mall/NOPE/redeem', { memberId: 'm7', idempotencyKey: 'k' })).body.error).toBe('No points-mall reward "NOPE"');
    await infra.api('POST', '/api/v1/points-mall/items/TOTE/archive');
    expect((await infra.api('POST', '/api/v1/points-mall/TOTE/redeem', { memberId: 'm7', idempotencyKey: 'k' })).body.issues[0].field).toBe('item');
  });

  test('analysts read; marketers edit and redeem from the member page (audited); only the shop system calls the plain redeem', async ({ infra }) => {
    await seedLots(infra, 'm8', [[1000, -1, null]]);
    const analyst = await infra.as('analyst');
    const marketer = await infra.as('marketer');
    expect((await analyst('PUT', '/api/v1/points-mall/items/TOTE', gift)).status).toBe(403);
    expect((await marketer('PUT', '/api/v1/points-mall/items/TOTE', gift)).status).toBe(200);
    expect((await analyst('GET', '/api/v1/points-mall/items')).status).toBe(200);
    expect((await analyst('POST', '/api/v1/members/m8/points-mall/TOTE/redeem', { idempotencyKey: 's1' })).status).toBe(403);
    expect((await marketer('POST', '/api/v1/points-mall/TOTE/redeem', { memberId: 'm8', idempotencyKey: 's1' })).status).toBe(403);

    const staff = await marketer('POST', '/api/v1/members/m8/points-mall/TOTE/redeem', { idempotencyKey: 's1' });
    expect(staff.body).toMatchObject({ memberId: 'm8', source: 'staff', balance: 850 });
    expect((await analyst('POST', `/api/v1/points-mall/redemptions/${staff.body.id}/refund`, { reason: 'x' })).status).toBe(403);
    expect((await marketer('POST', `/api/v1/points-mall/redemptions/${staff.body.id}/refund`, { reason: 'mistake' })).status).toBe(200);
    const audit = await infra.sql(`SELECT actor, action, target_id FROM audit_log WHERE action LIKE 'points_mall.%' ORDER BY id`);
    expect(audit).toEqual([
      { actor: marketer.email, action: 'points_mall.save', target_id: 'TOTE' },
      { actor: marketer.email, action: 'points_mall.redeem', target_id: 'm8' },
      { actor: marketer.email, action: 'points_mall.refund', target_id: 'm8' },
    ]);
    const list = await analyst('GET', '/api/v1/points-mall/redemptions?memberId=m8');
    expect(list.body.redemptions).toMatchObject([{ id: staff.body.id, status: 'refunded', itemName: 'Tote bag' }]);
    const report = await analyst('GET', '/api/v1/points-mall/report?days=7');
    expect(report.body.daily).toEqual([{ day: '2026-01-01', item: 'TOTE', redeemed: 1, points: 150, refunded: 1 }]);
    expect((await analyst('GET', '/api/v1/points-mall/report?days=0')).body.issues[0].field).toBe('days');
  });
});
