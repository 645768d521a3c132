import { describe, expect } from 'vitest';
import { DAY, JAN_1, test } from './infra-fixture.ts';
import type { Infra } from './infra-fixture.ts';

/** Three coupons of WINBACK20 by SQL, as the lane would have issued them: one to expire, two still valid. */
async function seedCoupons(infra: Infra) {
  expect(
    (
      await infra.api('PUT', '/api/v1/coupon-templates/WINBACK20', {
        name: 'Win back: 20 off 100',
        kind: 'amount_off',
        value: 20,
        minSpend: 100,
        validityDays: 14,
      })
    ).status,
  ).toBe(200);
  await infra.api('POST', '/api/v1/members', { members: [{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }] });
  const at = (d: number) => new Date(JAN_1 + d * DAY);
  await infra.sql(
    `INSERT INTO coupon (id, code, template, member_id, status, issued_at, expires_at) VALUES
       (gen_random_uuid(), 'WB-AAA1', 'WINBACK20', 'c1', 'issued', $1, $2), (gen_random_uuid(), 'WB-BBB2', 'WINBACK20', 'c2', 'issued', $3, $4), (gen_random_uuid(), 'WB-CCC3', 'WINBACK20', 'c3', 'issued', $3, $4)`,
    [at(-20), at(-6), at(-1), at(13)],
  );
}

describe('the Coupons page API', () => {
  test('reports issued, redeemed, expired and voided per template and per day; lists coupons by code or member', async ({
    infra,
  }) => {
    await seedCoupons(infra);
    const marketer = await infra.as('marketer');
    expect(
      (await marketer('POST', '/api/v1/members/c2/coupons/WB-BBB2/redeem', { orderAmount: 120, orderId: 'o-1' })).body,
    ).toEqual({ code: 'WB-BBB2', template: 'WINBACK20', kind: 'amount_off', discount: 20 });

    const report = await (await infra.as('analyst'))('GET', '/api/v1/coupon-report?days=30');
    expect(report.status).toBe(200);
    expect(report.body.templates.WINBACK20).toEqual({
      issued: 3,
      active: 1,
      redeemed: 1,
      expired: 1,
      voided: 0,
      redemptionRate: 1 / 3,
    });
    expect(report.body.daily).toEqual([
      { day: '2025-12-12', template: 'WINBACK20', issued: 1, redeemed: 0 },
      { day: '2025-12-31', template: 'WINBACK20', issued: 2, redeemed: 0 },
      { day: '2026-01-01', template: 'WINBACK20', issued: 0, redeemed: 1 },
    ]);

    const byCode = await infra.api('GET', '/api/v1/coupons?template=WINBACK20&q=ccc');
    expect(byCode.body.coupons.map((c: { code: string }) => c.code)).toEqual(['WB-CCC3']);
    const byMember = await infra.api('GET', '/api/v1/coupons?q=c1');
    expect(byMember.body.coupons).toMatchObject([{ code: 'WB-AAA1', memberId: 'c1', status: 'expired' }]);
    expect((await infra.api('GET', '/api/v1/coupons?status=redeemed')).body.coupons).toMatchObject([
      { code: 'WB-BBB2', orderId: 'o-1' },
    ]);
    expect((await infra.api('GET', '/api/v1/coupons?limit=0')).body.issues[0].field).toBe('limit');
  });

  test('a marketer voids a usable coupon with a reason (audited); it cannot be redeemed or voided again', async ({ infra }) => {
    await seedCoupons(infra);
    const marketer = await infra.as('marketer');
    const noReason = await marketer('POST', '/api/v1/members/c3/coupons/WB-CCC3/void', {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues).toEqual([{ field: 'reason', message: 'say why' }]);
    expect((await marketer('POST', '/api/v1/members/c2/coupons/WB-CCC3/void', { reason: 'x' })).status).toBe(404);

    const voided = await marketer('POST', '/api/v1/members/c3/coupons/WB-CCC3/void', { reason: 'issued by mistake' });
    expect(voided.body).toMatchObject({ code: 'WB-CCC3', status: 'voided', voidReason: 'issued by mistake' });
    expect((await marketer('POST', '/api/v1/members/c3/coupons/WB-CCC3/void', { reason: 'again' })).status).toBe(409);
    expect((await marketer('POST', '/api/v1/members/c3/coupons/WB-CCC3/redeem', { orderAmount: 200 })).body.error).toMatch(
      /voided/,
    );
    expect((await marketer('POST', '/api/v1/members/c1/coupons/WB-AAA1/void', { reason: 'late' })).status).toBe(409);
    const audit = await infra.sql(
      `SELECT actor, action, target_id, details->>'reason' AS reason FROM audit_log WHERE action LIKE 'coupon.%'`,
    );
    expect(audit).toEqual([{ actor: marketer.email, action: 'coupon.void', target_id: 'WB-CCC3', reason: 'issued by mistake' }]);
  });

  test('an analyst reads but may not redeem or void (403); a low order names orderAmount', async ({ infra }) => {
    await seedCoupons(infra);
    const analyst = await infra.as('analyst');
    expect((await analyst('GET', '/api/v1/coupons?template=WINBACK20')).status).toBe(200);
    expect((await analyst('POST', '/api/v1/members/c3/coupons/WB-CCC3/void', { reason: 'x' })).status).toBe(403);
    expect((await analyst('POST', '/api/v1/members/c3/coupons/WB-CCC3/redeem', { orderAmount: 200 })).status).toBe(403);
    const admin = await infra.as('admin');
    const low = await admin('POST', '/api/v1/members/c3/coupons/WB-CCC3/redeem', { orderAmount: 50 });
    expect(low.status).toBe(409);
    expect(low.body.issues).toEqual([{ field: 'orderAmount', message: 'must be at least 100' }]);
    const bad = await admin('POST', '/api/v1/members/c3/coupons/WB-CCC3/redeem', { orderAmount: 'lots' });
    expect(bad.body.issues).toEqual([{ field: 'orderAmount', message: 'must be a number' }]);
  });
});
