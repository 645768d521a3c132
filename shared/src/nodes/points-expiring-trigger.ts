import { z } from 'zod';
import { MS_PER_DAY } from '../duration.ts';
import { defineNode } from '../node-module.ts';

export const PointsExpiringTriggerConfig = z.object({
  withinDays: z.number().int('must be a whole number').min(1, 'must be at least 1 day').max(365),
  minPoints: z.number().int().min(1).default(1),
});
export type PointsExpiringTriggerConfig = z.infer<typeof PointsExpiringTriggerConfig>;

/** Points expiry reminder: fires N days before a lot of points expires. */
export const pointsExpiringTrigger = defineNode({
  kind: 'points_expiring_trigger',
  group: 'trigger',
  fires: 'time',
  // The moment is the member's own: whoever it comes for enters.
  audience: () => null,
  title: 'Points expiring',
  description: "Starts a journey N days before some of a member's points expire (e.g. a reminder 30 days ahead).",
  config: PointsExpiringTriggerConfig,
  defaults: () => ({ withinDays: 30, minPoints: 1 }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c) => `points expire within ${c.withinDays} days`,
  compile: (_id, _c, ctx) => ({ always: { target: ctx.target('next') } }),
  nextFireAt: (c, { after, member }) => {
    const times = member.pointsExpiring
      .filter((l) => l.points >= c.minPoints)
      .map((l) => l.expiresAt - c.withinDays * MS_PER_DAY)
      .filter((t) => t > after)
      .sort((a, b) => a - b);
    return times[0] ?? null;
  },
});
