import { z } from 'zod';
import { ConditionGroup, describeCondition, evaluateCondition } from '../condition.ts';
import { defineNode } from '../node-module.ts';
import { conditionTierReferences } from '../node-references.ts';

export const ConditionConfig = z.object({ condition: ConditionGroup });
export type ConditionConfig = z.infer<typeof ConditionConfig>;

/** If/else on member attributes, RFM, tier, tags, points, windowed spend or trigger properties. */
export const condition = defineNode({
  kind: 'condition',
  group: 'logic',
  title: 'Condition (if / else)',
  description: 'Sends the member down "Yes" or "No" by their attributes, RFM, tier, tags, points, recent spend or the trigger event.',
  config: ConditionConfig,
  defaults: () => ({ condition: { type: 'group' as const, combinator: 'and' as const, rules: [{ type: 'field' as const, field: 'member.tier', op: 'eq' as const, value: 'gold' }] } }),
  outputs: () => [
    { id: 'yes', label: 'Yes' },
    { id: 'no', label: 'No' },
  ],
  summary: (c) => describeCondition(c.condition),
  compile: (_id, c, ctx) => ({
    always: [{ target: ctx.target('yes'), guard: { type: 'condition', params: { condition: c.condition } } }, { target: ctx.target('no') }],
  }),
  decide: (_id, c, facts) => {
    const e = evaluateCondition(c.condition, facts);
    return { handle: e.result ? 'yes' : 'no', reason: e.explanation };
  },
  references: (c) => conditionTierReferences(c.condition, 'condition'),
});
