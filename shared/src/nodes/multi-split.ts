import { z } from 'zod';
import { ConditionGroup, describeCondition, evaluateCondition } from '../condition.ts';
import { defineNode } from '../node-module.ts';
import { conditionTierReferences } from '../node-references.ts';

const BranchId = z.string().min(1).max(40).regex(/^[a-z0-9_]+$/, 'use lowercase letters, digits and "_"');

export const MultiSplitConfig = z
  .object({
    branches: z
      .array(z.object({ id: BranchId, label: z.string().min(1, 'name the branch').max(60), condition: ConditionGroup }))
      .min(1, 'add at least one branch')
      .max(10, 'at most 10 branches'),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.branches.forEach((b, i) => {
      if (seen.has(b.id) || b.id === 'else') ctx.addIssue({ code: 'custom', path: ['branches', i, 'id'], message: `branch id "${b.id}" is used twice or reserved` });
      seen.add(b.id);
    });
  });
export type MultiSplitConfig = z.infer<typeof MultiSplitConfig>;

/** First matching branch wins; members matching none take "Everyone else". */
export const multiSplit = defineNode({
  kind: 'multi_split',
  group: 'logic',
  title: 'Multi-way split',
  description: 'Sends the member down the first branch whose condition they meet (e.g. by tier), or "Everyone else".',
  config: MultiSplitConfig,
  defaults: () => ({
    branches: [
      { id: 'gold', label: 'Gold', condition: { type: 'group' as const, combinator: 'and' as const, rules: [{ type: 'field' as const, field: 'member.tier', op: 'eq' as const, value: 'gold' }] } },
      { id: 'silver', label: 'Silver', condition: { type: 'group' as const, combinator: 'and' as const, rules: [{ type: 'field' as const, field: 'member.tier', op: 'eq' as const, value: 'silver' }] } },
    ],
  }),
  outputs: (c) => [...c.branches.map((b) => ({ id: b.id, label: b.label })), { id: 'else', label: 'Everyone else' }],
  summary: (c) => c.branches.map((b) => b.label).join(' / ') + ' / else',
  compile: (_id, c, ctx) => ({
    always: [
      ...c.branches.map((b) => ({ target: ctx.target(b.id), guard: { type: 'condition', params: { condition: b.condition } } })),
      { target: ctx.target('else') },
    ],
  }),
  decide: (_id, c, facts) => {
    const tried: string[] = [];
    for (const b of c.branches) {
      const e = evaluateCondition(b.condition, facts);
      if (e.result) return { handle: b.id, reason: `"${b.label}": ${e.explanation}` };
      tried.push(`"${b.label}" (${describeCondition(b.condition)}) no`);
    }
    return { handle: 'else', reason: `no branch matched: ${tried.join(', ')}` };
  },
  references: (c) => c.branches.flatMap((b, i) => conditionTierReferences(b.condition, `branches.${i}.condition`)),
});
