import { z } from 'zod';
import { defineNode, payloadText } from '../node-module.ts';
import { unknownVariables } from '../template.ts';

export const CreateTaskConfig = z.object({
  title: z
    .string()
    .min(1, 'give the task a title')
    .max(200)
    .refine((t) => unknownVariables(t).length === 0, 'unknown variable; use member.*, coupon.*, trigger.* or workflow.*'),
  type: z.enum(['phone_call', 'gift', 'follow_up', 'complaint', 'other']),
  /** A team or person; empty = the default queue. */
  assignee: z.string().max(80).default(''),
  dueInDays: z.number().int().min(0).max(365).default(2),
  priority: z.enum(['low', 'normal', 'high']).default('normal'),
});
export type CreateTaskConfig = z.infer<typeof CreateTaskConfig>;

/** Staff work: a phone call to a lost VIP, a birthday gift, a complaint follow-up. */
export const createTask = defineNode({
  kind: 'create_task',
  group: 'action',
  effect: { delivery: 'in_step', preview: payloadText('title') },
  title: 'Create staff task',
  description: 'Creates a task for staff, e.g. call a lost VIP, prepare a gift, follow up a complaint.',
  config: CreateTaskConfig,
  defaults: () => ({ title: 'Call {{member.name}}', type: 'phone_call' as const, assignee: '', dueInDays: 2, priority: 'normal' as const }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c) => `${c.type.replace('_', ' ')}: ${c.title}`,
  compile: (_id, _c, ctx) => ({ always: { target: ctx.target('next') } }),
});
