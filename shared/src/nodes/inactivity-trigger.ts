import { z } from 'zod';
import { MS_PER_DAY } from '../duration.ts';
import { defineNode } from '../node-module.ts';

export const InactivityTriggerConfig = z.object({
  /** e.g. 90 for quarterly buyers. */
  days: z.number().int('must be a whole number').min(1, 'must be at least 1 day').max(3650),
});
export type InactivityTriggerConfig = z.infer<typeof InactivityTriggerConfig>;

/** Churn early warning: fires N days after the last purchase if none came since. */
export const inactivityTrigger = defineNode({
  kind: 'inactivity_trigger',
  group: 'trigger',
  fires: 'time',
  // The moment is the member's own: whoever it comes for enters.
  audience: () => null,
  title: 'Inactivity',
  description: 'Starts a journey when a member has not purchased for N days (churn early warning).',
  config: InactivityTriggerConfig,
  defaults: () => ({ days: 90 }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c) => `no purchase for ${c.days} days`,
  compile: (_id, _c, ctx) => ({ always: { target: ctx.target('next') } }),
  nextFireAt: (c, { after, member }) => {
    if (member.lastPurchaseAt === null) return null;
    const at = member.lastPurchaseAt + c.days * MS_PER_DAY;
    return at > after ? at : null;
  },
});
