import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../src/definition.ts';
import { referencedKeys, referenceViolations } from '../src/references.ts';
import { secondPurchaseNudge } from '../src/templates/second-purchase-nudge.ts';

type Node = WorkflowDefinition['nodes'][number];
const node = (id: string, kind: string, config: Record<string, unknown>): Node => ({ id, kind, label: id, position: { x: 0, y: 0 }, config }) as Node;
const tierRule = (op: string, value: unknown) => ({ type: 'field', field: 'member.tier', op, value });
const group = (...rules: unknown[]) => ({ type: 'group', combinator: 'and', rules });

const definition: Pick<WorkflowDefinition, 'nodes'> = {
  nodes: [
    node('trigger', 'segment_trigger', { segmentKey: 'vip', condition: group() }),
    node('redeemed', 'wait_for_event', { eventType: 'coupon_redeemed', timeout: { amount: 3, unit: 'days' }, filters: [{ property: 'template', op: 'eq', value: 'THANKS' }] }),
    node('check', 'condition', { condition: group(tierRule('eq', 'gold'), group(tierRule('not_in', ['silver', 'bronze'])), tierRule('exists', undefined)) }),
    node('split', 'multi_split', { branches: [{ id: 'p', label: 'Platinum', condition: group(tierRule('eq', 'platinum')) }] }),
    node('upgrade', 'set_tier', { tier: 'gold', reason: '' }),
    node('coupon', 'issue_coupon', { template: 'WINBACK20', validityDays: 14 }),
    node('broken', 'issue_coupon', { template: 'not valid', validityDays: 14 }),
  ],
};

describe('workflow references', () => {
  it('collects what each node names, by kind; an invalid config is left to validation', () => {
    expect(referencedKeys(definition)).toEqual({
      couponTemplate: ['THANKS', 'WINBACK20'],
      tier: ['bronze', 'gold', 'platinum', 'silver'],
      segment: ['vip'],
    });
  });

  it('reports each name that does not exist on the field that names it, with a message key', () => {
    const problems = referenceViolations(definition, { couponTemplate: ['THANKS'], tier: ['gold', 'silver'], segment: [] });
    expect(problems.map((p) => [p.nodeId, p.field, p.i18n])).toEqual([
      ['trigger', 'config.segmentKey', { key: 'references.missing.segment', vars: { key: 'vip' } }],
      ['check', 'config.condition.rules.1.rules.0.value.1', { key: 'references.missing.tier', vars: { key: 'bronze' } }],
      ['split', 'config.branches.0.condition.rules.0.value', { key: 'references.missing.tier', vars: { key: 'platinum' } }],
      ['coupon', 'config.template', { key: 'references.missing.couponTemplate', vars: { key: 'WINBACK20' } }],
    ]);
    expect(problems.every((p) => p.code === 'unknown_reference')).toBe(true);
    expect(problems.at(-1)!.message).toBe('Coupon template "WINBACK20" does not exist');
  });

  it('says an archived coupon template is archived, not missing', () => {
    const problems = referenceViolations(definition, { couponTemplate: ['THANKS'] }, { couponTemplate: ['WINBACK20'] });
    expect(problems.map((p) => [p.message, p.i18n])).toEqual([['Coupon template "WINBACK20" is archived', { key: 'references.archived.couponTemplate', vars: { key: 'WINBACK20' } }]]);
  });

  it('checks only the kinds whose lists are known', () => {
    expect(referenceViolations(definition, { segment: ['vip'] })).toEqual([]);
    expect(referenceViolations(secondPurchaseNudge, { couponTemplate: [] }).map((p) => p.message)).toEqual(['Coupon template "COMEBACK10" does not exist']);
  });

  it('reads tier_changed filters as tiers and leaves other events alone', () => {
    const d = { nodes: [node('t', 'event_trigger', { eventType: 'tier_changed', filters: [{ property: 'tier', op: 'eq', value: 'gold' }] }), node('p', 'event_trigger', { eventType: 'purchase', filters: [{ property: 'tier', op: 'eq', value: 'x' }] })] };
    expect(referencedKeys(d)).toEqual({ couponTemplate: [], tier: ['gold'], segment: [] });
  });
});
