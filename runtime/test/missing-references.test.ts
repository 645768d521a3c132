import { referenceViolations } from '@memberflow/shared/references';
import { workflowTemplates } from '@memberflow/shared/templates/catalog';
import { describe, expect, it } from 'vitest';
import { demoCouponTemplates, demoSegments, demoTiers, seedDemoLoyalty } from '../src/seed/demo-loyalty.ts';
import { test, type Infra } from './infra-fixture.ts';

const node = (id: string, kind: string, config: Record<string, unknown>) => ({ id, kind, label: id, position: { x: 0, y: 0 }, config });
const everyone = { type: 'group', combinator: 'and', rules: [] };

/** Segment entry → set tier → issue coupon → exit: one name of each kind. */
const naming = {
  schemaVersion: 1,
  nodes: [
    node('trigger', 'segment_trigger', { segmentKey: 'vip', condition: everyone }),
    node('tier', 'set_tier', { tier: 'platinum', reason: '' }),
    node('coupon', 'issue_coupon', { template: 'THANKS5', validityDays: 7 }),
    node('done', 'exit', { reason: 'done' }),
  ],
  edges: [
    { id: 'e1', source: 'trigger', sourceHandle: 'next', target: 'tier' },
    { id: 'e2', source: 'tier', sourceHandle: 'next', target: 'coupon' },
    { id: 'e3', source: 'coupon', sourceHandle: 'next', target: 'done' },
  ],
};

async function publish(infra: Infra, id: string) {
  return infra.api('POST', `/api/v1/workflows/${id}/publish`);
}

describe('publishing checks that what a workflow names exists', () => {
  test('a missing coupon template, tier or segment is a problem on its node and field; the draft is kept; defined, it publishes', async ({ infra }) => {
    const created = await infra.api('POST', '/api/v1/workflows', { name: 'Names', definition: naming });
    expect(created.status).toBe(201);
    // A draft may name what does not exist yet: it is saved, and only publishing is refused.
    expect(created.body.violations).toEqual([]);
    expect((await infra.api('PUT', `/api/v1/workflows/${created.body.id}/draft`, { definition: naming })).status).toBe(200);

    const refused = await publish(infra, created.body.id);
    expect(refused.status).toBe(422);
    expect(refused.body.violations).toEqual([
      { code: 'unknown_reference', nodeId: 'trigger', field: 'config.segmentKey', message: 'Segment "vip" does not exist', i18n: { key: 'references.missing.segment', vars: { key: 'vip' } } },
      { code: 'unknown_reference', nodeId: 'tier', field: 'config.tier', message: 'Tier "platinum" does not exist', i18n: { key: 'references.missing.tier', vars: { key: 'platinum' } } },
      { code: 'unknown_reference', nodeId: 'coupon', field: 'config.template', message: 'Coupon template "THANKS5" does not exist', i18n: { key: 'references.missing.couponTemplate', vars: { key: 'THANKS5' } } },
    ]);
    expect((await infra.api('GET', `/api/v1/workflows/${created.body.id}`)).body).toMatchObject({ status: 'draft', liveVersion: null });

    expect((await infra.api('PUT', '/api/v1/coupon-templates/THANKS5', { name: 'Thanks: 5 off', kind: 'amount_off', value: 5, validityDays: 7 })).status).toBe(200);
    expect((await infra.api('PUT', '/api/v1/tiers', { tiers: [{ key: 'platinum', name: 'Platinum', rank: 1, threshold: 10000 }] })).status).toBe(200);
    expect((await publish(infra, created.body.id)).body.violations.map((v: { nodeId: string }) => v.nodeId)).toEqual(['trigger']);
    expect((await infra.api('POST', '/api/v1/segments', { key: 'vip', name: 'VIP', condition: everyone })).status).toBe(201);
    expect(await publish(infra, created.body.id)).toMatchObject({ status: 201, body: { version: 1 } });
  });

  test('an archived coupon template may not be named by a new version: the problem says it is archived; restored, it publishes', async ({ infra }) => {
    const def = structuredClone(naming);
    def.nodes = def.nodes.filter((n) => n.id !== 'tier').map((n) => (n.id === 'trigger' ? node('trigger', 'event_trigger', { eventType: 'purchase', filters: [] }) : n));
    def.edges = [
      { id: 'e1', source: 'trigger', sourceHandle: 'next', target: 'coupon' },
      { id: 'e3', source: 'coupon', sourceHandle: 'next', target: 'done' },
    ];
    await infra.api('PUT', '/api/v1/coupon-templates/THANKS5', { name: 'Thanks: 5 off', kind: 'amount_off', value: 5, validityDays: 7 });
    const created = await infra.api('POST', '/api/v1/workflows', { name: 'Thanks', definition: def });
    expect((await publish(infra, created.body.id)).status).toBe(201);
    expect((await infra.api('POST', '/api/v1/coupon-templates/THANKS5/archive')).status).toBe(200);
    const refused = await publish(infra, created.body.id);
    expect(refused).toMatchObject({ status: 422, body: { violations: [{ code: 'unknown_reference', nodeId: 'coupon', field: 'config.template', message: 'Coupon template "THANKS5" is archived', i18n: { key: 'references.archived.couponTemplate' } }] } });
    expect((await infra.api('POST', '/api/v1/coupon-templates/THANKS5/restore')).status).toBe(200);
    expect(await publish(infra, created.body.id)).toMatchObject({ status: 201, body: { version: 2 } });
  });

  test('a tier named in a condition is checked too', async ({ infra }) => {
    const def = structuredClone(workflowTemplates.find((t) => t.key === 'tier-upgrade')!.definition);
    const created = await infra.api('POST', '/api/v1/workflows', { name: 'Upgrade', definition: def });
    await infra.api('PUT', '/api/v1/coupon-templates/GOLDWELCOME', { name: 'Gold', kind: 'amount_off', value: 50, validityDays: 60 });
    const refused = await publish(infra, created.body.id);
    expect(refused.body.violations.map((v: { nodeId: string; field: string }) => `${v.nodeId} ${v.field}`)).toEqual(['crossed config.condition.rules.1.value', 'upgrade config.tier']);
  });
});

describe('the demo seed defines what the recipes name', () => {
  it('every recipe names only coupon templates, tiers and segments the seed creates', () => {
    const known = { couponTemplate: demoCouponTemplates.map((t) => t.key), tier: demoTiers.map((t) => t.key), segment: demoSegments.map((s) => s.key) };
    for (const t of workflowTemplates) expect({ recipe: t.key, problems: referenceViolations(t.definition, known) }).toEqual({ recipe: t.key, problems: [] });
  });

  test('after seeding, every recipe publishes; seeding again keeps what the shop changed', async ({ infra }) => {
    await seedDemoLoyalty(infra.runtime.db);
    for (const t of workflowTemplates) {
      const created = await infra.api('POST', '/api/v1/workflows', { name: t.name, templateKey: t.key });
      expect({ recipe: t.key, publish: (await publish(infra, created.body.id)).status }).toEqual({ recipe: t.key, publish: 201 });
    }
    await infra.api('PUT', '/api/v1/coupon-templates/COMEBACK10', { name: 'Ours', kind: 'percent_off', value: 5, validityDays: 10 });
    await infra.api('PUT', '/api/v1/tiers', { tiers: [{ key: 'gold', name: 'Gold', rank: 1, threshold: 1 }] });
    await seedDemoLoyalty(infra.runtime.db);
    expect(await infra.sql(`SELECT name FROM coupon_template WHERE key = 'COMEBACK10'`)).toEqual([{ name: 'Ours' }]);
    expect(await infra.sql(`SELECT key FROM tier`)).toEqual([{ key: 'gold' }]);
  });
});
