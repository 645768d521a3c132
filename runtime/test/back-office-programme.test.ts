import { describe, expect } from 'vitest';
import { JAN_1, test } from './infra-fixture.ts';

const buy = (memberId: string, amount: number) => ({
  type: 'purchase',
  memberId,
  timestamp: new Date(JAN_1).toISOString(),
  properties: { amount },
});
const ladder = [
  { key: 'silver', name: 'Silver', rank: 1, threshold: 100, pointsMultiplier: 1, benefits: 'Free delivery' },
  { key: 'gold', name: 'Gold', rank: 2, threshold: 500, pointsMultiplier: 1.5, benefits: 'Free delivery, birthday gift' },
];

describe('the Points and Tiers pages API', () => {
  test('a marketer changes the points rule and the next purchase earns by it', async ({ infra }) => {
    const marketer = await infra.as('marketer');
    const bad = await marketer('PUT', '/api/v1/loyalty/program', { earn: { pointsPerUnit: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].field).toBe('earn.pointsPerUnit');
    const saved = await marketer('PUT', '/api/v1/loyalty/program', {
      earn: { pointsPerUnit: 2, signIn: 5, referral: 100 },
      pointsExpiryMonths: 6,
    });
    expect(saved.body).toMatchObject({ earn: { pointsPerUnit: 2 }, pointsExpiryMonths: 6 });
    await infra.api('POST', '/api/v1/events', buy('p1', 250));
    await infra.drain();
    expect((await infra.api('GET', '/api/v1/members/p1')).body.pointsBalance).toBe(500);
    const audit = await infra.sql(`SELECT actor, action FROM audit_log WHERE target_type <> 'user'`);
    expect(audit.some((a) => a.actor === marketer.email)).toBe(true);
  });

  test('the ladder keeps its benefits; the report counts members per tier and upgrades per month', async ({ infra }) => {
    const marketer = await infra.as('marketer');
    const put = await marketer('PUT', '/api/v1/tiers', { tiers: ladder });
    expect(put.body.tiers.map((t: { key: string; benefits: string }) => [t.key, t.benefits])).toEqual([
      ['silver', 'Free delivery'],
      ['gold', 'Free delivery, birthday gift'],
    ]);
    const dup = await marketer('PUT', '/api/v1/tiers', { tiers: [ladder[0], { ...ladder[1], rank: 1 }] });
    expect(dup.body.issues).toEqual([{ field: 'tiers.1.rank', message: 'rank 1 is used twice' }]);
    await infra.api('POST', '/api/v1/events', { events: [buy('t1', 150), buy('t2', 600), buy('t3', 20)] });
    await infra.drain();
    const report = await (await infra.as('analyst'))('GET', '/api/v1/tier-report');
    expect(report.body.members).toEqual({ silver: 1, gold: 1, '': 1 });
    expect(report.body.months).toEqual([{ month: '2026-01', up: 2, down: 0 }]);
  });

  test('an analyst reads the programme and the ladder but may not change them', async ({ infra }) => {
    const analyst = await infra.as('analyst');
    expect((await analyst('GET', '/api/v1/loyalty/program')).status).toBe(200);
    expect((await analyst('GET', '/api/v1/tiers')).status).toBe(200);
    expect((await analyst('PUT', '/api/v1/loyalty/program', { earn: { pointsPerUnit: 3 } })).status).toBe(403);
    expect((await analyst('PUT', '/api/v1/tiers', { tiers: ladder })).status).toBe(403);
  });
});
