import { defaultProgram } from '@memberflow/shared/loyalty-program';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSimulationRules } from '../api/loyalty-rules-api.ts';

const condition = { all: [{ field: 'member.tier', op: 'eq', value: 'gold' }] };
const answers: Record<string, unknown> = {
  '/api/v1/loyalty/program': { ...defaultProgram(), earn: { pointsPerUnit: 2, signIn: 5, referral: 100 } },
  '/api/v1/tiers': { tiers: [{ key: 'gold', name: 'Gold', rank: 2, basis: 'spend', period: 'lifetime', threshold: 5000, pointsMultiplier: 1.5, benefits: 'Free shipping' }] },
  '/api/v1/coupon-templates': {
    templates: [{ key: 'COMEBACK10', name: 'Come back', kind: 'amount_off', value: 10, minSpend: 0, validityDays: 30, validFrom: null, validTo: null, oncePerMember: true, stockLimit: null, issuedCount: 3, archivedAt: null }],
  },
  '/api/v1/segments': {
    segments: [{ id: 's1', key: 'gold-members', name: 'Gold', description: '', condition, memberCount: 1, countedAt: null, createdAt: '', updatedAt: '' }],
  },
  '/api/v1/settings/contact-policy': {
    policy: { cap: { count: 1, days: 7 }, quietHours: { start: '21:00', end: '08:00', mode: 'hold' } },
    defaults: { cap: { count: 2, days: 7 }, quietHours: null },
    updatedAt: null,
    updatedBy: null,
  },
};

function stubFetch(failing?: string) {
  const paths: string[] = [];
  vi.stubGlobal('fetch', async (path: string) => {
    paths.push(path);
    if (path === failing) return new Response(JSON.stringify({ error: 'Not allowed' }), { status: 403 });
    return new Response(JSON.stringify(answers[path]), { status: 200 });
  });
  return paths;
}

afterEach(() => vi.unstubAllGlobals());

describe('loadSimulationRules', () => {
  it('reads the programme, tiers, coupon templates, segments and the contact policy into the simulator\'s shape', async () => {
    const paths = stubFetch();
    const rules = await loadSimulationRules();
    expect(paths.sort()).toEqual(Object.keys(answers).sort());
    expect(rules.program.earn.pointsPerUnit).toBe(2);
    // Only the fields the runner reads.
    expect(rules.tiers).toEqual([{ key: 'gold', name: 'Gold', rank: 2, basis: 'spend', period: 'lifetime', threshold: 5000, pointsMultiplier: 1.5 }]);
    expect(rules.couponTemplates.map((t) => [t.key, t.oncePerMember])).toEqual([['COMEBACK10', true]]);
    expect(rules.segments).toEqual({ 'gold-members': condition });
    // The contact policy the runtime applies, saved on the Settings page.
    expect(rules.cap).toEqual({ count: 1, days: 7 });
    expect(rules.defaultQuietHours).toEqual({ start: '21:00', end: '08:00', mode: 'hold' });
  });

  it('fails as a whole when any part cannot be read', async () => {
    stubFetch('/api/v1/segments');
    await expect(loadSimulationRules()).rejects.toMatchObject({ status: 403, message: 'Not allowed' });
  });
});
