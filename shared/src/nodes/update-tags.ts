import { z } from 'zod';
import { defineNode, noPreview } from '../node-module.ts';

export const UpdateTagsConfig = z.object({
  action: z.enum(['add', 'remove']),
  tags: z.array(z.string().min(1).max(60)).min(1, 'name at least one tag').max(20),
});
export type UpdateTagsConfig = z.infer<typeof UpdateTagsConfig>;

export const updateTags = defineNode({
  kind: 'update_tags',
  group: 'action',
  effect: { delivery: 'in_step', preview: noPreview },
  title: 'Add or remove tags',
  description: 'Adds tags to the member (e.g. "lost") or removes them.',
  config: UpdateTagsConfig,
  defaults: () => ({ action: 'add' as const, tags: ['lost'] }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c) => `${c.action} ${c.tags.join(', ')}`,
  compile: (_id, _c, ctx) => ({ always: { target: ctx.target('next') } }),
});
