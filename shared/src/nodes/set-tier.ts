import { z } from 'zod';
import { defineNode, noPreview } from '../node-module.ts';

export const SetTierConfig = z.object({
  tier: z.string().min(1, 'choose a tier').max(40),
  reason: z.string().max(200).default(''),
});
export type SetTierConfig = z.infer<typeof SetTierConfig>;

export const setTier = defineNode({
  kind: 'set_tier',
  group: 'action',
  effect: { delivery: 'in_step', preview: noPreview },
  title: 'Set tier',
  description: "Moves the member to a tier (upgrade or downgrade); raises a tier_changed event other workflows can use.",
  config: SetTierConfig,
  defaults: () => ({ tier: 'gold', reason: '' }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c) => `tier → ${c.tier}`,
  compile: (_id, _c, ctx) => ({ always: { target: ctx.target('next') } }),
  references: (c) => [{ kind: 'tier', key: c.tier, field: 'tier' }],
});
