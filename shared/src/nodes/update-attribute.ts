import { z } from 'zod';
import { defineNode, noPreview } from '../node-module.ts';

export const UpdateAttributeConfig = z.object({
  attribute: z.string().min(1, 'name the attribute').max(60).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'letters, digits and "_" only'),
  value: z.union([z.string().max(500), z.number(), z.boolean(), z.null()]),
});
export type UpdateAttributeConfig = z.infer<typeof UpdateAttributeConfig>;

export const updateAttribute = defineNode({
  kind: 'update_attribute',
  group: 'action',
  effect: { delivery: 'in_step', preview: noPreview },
  title: 'Update attribute',
  description: 'Sets a custom attribute on the member (e.g. winback_stage = 2); null clears it.',
  config: UpdateAttributeConfig,
  defaults: () => ({ attribute: 'winback_stage', value: 1 }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c) => `${c.attribute} = ${JSON.stringify(c.value)}`,
  compile: (_id, _c, ctx) => ({ always: { target: ctx.target('next') } }),
});
