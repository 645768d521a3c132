import { z } from 'zod';
import { defineNode, payloadText } from '../node-module.ts';

export const IssueCouponConfig = z.object({
  template: z
    .string()
    .min(1, 'choose a coupon template')
    .max(40)
    .regex(/^[A-Z0-9_-]+$/, 'use capitals, digits, "_" or "-" (e.g. COMEBACK10)'),
  validityDays: z.number().int('must be a whole number').min(1, 'must be at least 1 day').max(3650),
});
export type IssueCouponConfig = z.infer<typeof IssueCouponConfig>;

export const issueCoupon = defineNode({
  kind: 'issue_coupon',
  group: 'action',
  effect: { delivery: 'in_step', preview: payloadText('code') },
  title: 'Issue coupon',
  description: 'Gives the member a coupon with a unique code, valid for a number of days.',
  config: IssueCouponConfig,
  defaults: () => ({ template: 'COMEBACK10', validityDays: 30 }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c) => `${c.template}, valid ${c.validityDays} days`,
  compile: (_id, _c, ctx) => ({ always: { target: ctx.target('next') } }),
  references: (c) => [{ kind: 'couponTemplate', key: c.template, field: 'template' }],
});
