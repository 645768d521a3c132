import { describe, expect } from 'vitest';
import { DAY, JAN_1, test } from './infra-fixture.ts';

const ladder = (silver: number, gold: number) => ({
  tiers: [
    { key: 'silver', name: 'Silver', rank: 1, basis: 'spend', period: 'lifetime', threshold: silver },
    { key: 'gold', name: 'Gold', rank: 2, basis: 'spend', period: 'lifetime', threshold: gold },
  ],
});
const buy = (memberId: string, amount: number, at: number) => ({ type: 'purchase', memberId, timestamp: new Date(at).toISOString(), properties: { amount } });

describe('re-rating members after the tier ladder changes', () => {
  test('every member moves to the tier the new ladder gives them, up or down, with tier_changed events; progress on the tier report', async ({ infra }) => {
    expect((await infra.api('PUT', '/api/v1/tiers', ladder(100, 500))).status).toBe(200);
    await infra.api('POST', '/api/v1/events', { events: [buy('r1', 300, JAN_1), buy('r2', 600, JAN_1), buy('r3', 20, JAN_1)] });
    await infra.drain();
    const tiers = async () => Object.fromEntries(((await infra.sql(`SELECT id, tier FROM member ORDER BY id`)) as { id: string; tier: string | null }[]).map((r) => [r.id, r.tier]));
    expect(await tiers()).toEqual({ r1: 'silver', r2: 'gold', r3: null });
    await infra.runtime.fireTriggers();
    // The first ladder's review found everyone already right.
    expect(await tiers()).toEqual({ r1: 'silver', r2: 'gold', r3: null });

    // Lower thresholds: r1 reaches gold and r3 silver without buying again.
    infra.clock.set(JAN_1 + DAY);
    await infra.api('PUT', '/api/v1/tiers', ladder(10, 250));
    expect((await infra.api('GET', '/api/v1/tier-report')).body.review).toEqual({ pending: true, done: 0, total: 3 });
    await infra.runtime.fireTriggers();
    await infra.drain();
    expect(await tiers()).toEqual({ r1: 'gold', r2: 'gold', r3: 'silver' });
    expect((await infra.api('GET', '/api/v1/tier-report')).body.review).toEqual({ pending: false, done: 3, total: 3 });

    // Raise them: r2 drops to silver, r1 and r3 to no tier.
    await infra.api('PUT', '/api/v1/tiers', ladder(400, 1000));
    await infra.runtime.fireTriggers();
    await infra.drain();
    expect(await tiers()).toEqual({ r1: null, r2: 'silver', r3: null });
    const changes = await infra.sql(
      `SELECT member_id, properties->>'from' AS "from", properties->>'tier' AS tier, properties->>'direction' AS direction FROM event
       WHERE type = 'tier_changed' AND occurred_at > to_timestamp(${(JAN_1 + DAY / 2) / 1000}) ORDER BY seq`,
    );
    expect(changes).toEqual([
      { member_id: 'r1', from: 'silver', tier: 'gold', direction: 'up' },
      { member_id: 'r3', from: null, tier: 'silver', direction: 'up' },
      { member_id: 'r1', from: 'gold', tier: null, direction: 'down' },
      { member_id: 'r2', from: 'gold', tier: 'silver', direction: 'down' },
      { member_id: 'r3', from: 'silver', tier: null, direction: 'down' },
    ]);
  });
});
