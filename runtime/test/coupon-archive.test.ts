import { buildWorkflow } from '@memberflow/shared/templates/build';
import { describe, expect } from 'vitest';
import { JAN_1, test } from './infra-fixture.ts';

const issuing = buildWorkflow({
  settings: { entry: 'every_time' },
  nodes: [
    ['t', 'event_trigger', 'Purchase', { eventType: 'purchase' }],
    ['c', 'issue_coupon', 'Coupon', { template: 'ARCH10', validityDays: 10 }],
    ['x', 'exit', 'Done', { reason: 'done' }],
  ],
  edges: [
    ['t', 'next', 'c'],
    ['c', 'next', 'x'],
  ],
});

const buy = (memberId: string, at: number) => ({ type: 'purchase', memberId, timestamp: new Date(at).toISOString(), properties: { amount: 120 } });

describe('archiving a coupon template', () => {
  test('an archived template issues no more coupons (skipped with the reason); issued ones stay redeemable; restore issues again', async ({ infra }) => {
    const put = await infra.api('PUT', '/api/v1/coupon-templates/ARCH10', { name: '10 off', kind: 'amount_off', value: 10, minSpend: 0, validityDays: 10 });
    expect(put.status).toBe(200);
    expect(put.body.archivedAt).toBeNull();
    await infra.publishDefinition('Thanks', issuing);

    await infra.api('POST', '/api/v1/events', buy('a1', JAN_1));
    await infra.drain();
    const [issued] = (await infra.sql(`SELECT code FROM coupon WHERE member_id = 'a1'`)) as { code: string }[];
    expect(issued).toBeDefined();

    // Analysts read; only editors archive.
    const analyst = await infra.as('analyst');
    expect((await analyst('POST', '/api/v1/coupon-templates/ARCH10/archive')).status).toBe(403);
    infra.clock.set(JAN_1 + 60_000);
    const archived = await infra.api('POST', '/api/v1/coupon-templates/ARCH10/archive');
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ key: 'ARCH10', archivedAt: JAN_1 + 60_000 });
    // Archiving again keeps the first moment.
    infra.clock.set(JAN_1 + 120_000);
    expect((await infra.api('POST', '/api/v1/coupon-templates/ARCH10/archive')).body.archivedAt).toBe(JAN_1 + 60_000);
    const listed = await infra.api('GET', '/api/v1/coupon-templates');
    expect(listed.body.templates).toEqual([expect.objectContaining({ key: 'ARCH10', archivedAt: JAN_1 + 60_000 })]);

    await infra.api('POST', '/api/v1/events', buy('a2', JAN_1 + 120_000));
    await infra.drain();
    expect(await infra.sql(`SELECT status, payload->>'skipped' AS skipped FROM effect WHERE member_id = 'a2' AND kind = 'issue_coupon'`)).toEqual([
      { status: 'skipped', skipped: 'ARCH10 is archived: it issues no more coupons' },
    ]);
    expect(await infra.sql(`SELECT count(*)::int AS n FROM coupon WHERE member_id = 'a2'`)).toEqual([{ n: 0 }]);
    // The coupon issued before stays valid.
    const redeemed = await infra.api('POST', `/api/v1/coupons/${issued!.code}/redeem`, { memberId: 'a1', orderAmount: 100 });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.discount).toBe(10);

    const restored = await infra.api('POST', '/api/v1/coupon-templates/ARCH10/restore');
    expect(restored.body.archivedAt).toBeNull();
    await infra.api('POST', '/api/v1/events', buy('a3', JAN_1 + 180_000));
    await infra.drain();
    expect(await infra.sql(`SELECT count(*)::int AS n FROM coupon WHERE member_id = 'a3' AND template = 'ARCH10'`)).toEqual([{ n: 1 }]);

    expect((await infra.api('POST', '/api/v1/coupon-templates/NOPE/archive')).status).toBe(404);
    expect(await infra.sql(`SELECT action FROM audit_log WHERE target_id = 'ARCH10' ORDER BY action`)).toEqual(
      expect.arrayContaining([{ action: 'coupon_template.archive' }, { action: 'coupon_template.restore' }]),
    );
  });
});
