import { z } from 'zod';
import { ConditionGroup, describeCondition } from '../condition.ts';
import { cronError, nextCron } from '../cron.ts';
import { defineNode } from '../node-module.ts';
import { daysInMonth, nextTimeOfDay, TimeOfDay, zonedParts, zonedTime } from '../time-zone.ts';

export const ScheduleTriggerConfig = z
  .object({
    frequency: z.enum(['daily', 'weekly', 'monthly', 'cron']),
    time: z.string().regex(TimeOfDay, 'use HH:MM, e.g. 10:00'),
    /** weekly: 0 = Sunday ... 6 = Saturday */
    weekday: z.number().int().min(0).max(6).default(1),
    /** monthly: 1-31; a month without that day uses its last day. */
    dayOfMonth: z.number().int('must be a whole number').min(1, 'must be 1-31').max(31, 'must be 1-31').default(20),
    cron: z.string().default(''),
    /** Who enters each time: everyone when empty. */
    audience: ConditionGroup,
  })
  .superRefine((c, ctx) => {
    if (c.frequency !== 'cron') return;
    const err = c.cron.trim() ? cronError(c.cron) : 'enter a cron expression, e.g. "0 10 20 * *"';
    if (err) ctx.addIssue({ code: 'custom', path: ['cron'], message: err });
  });
export type ScheduleTriggerConfig = z.infer<typeof ScheduleTriggerConfig>;

const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Next firing after `after`, in the member's time zone. */
export function nextScheduled(c: ScheduleTriggerConfig, after: number, tz: string): number | null {
  switch (c.frequency) {
    case 'daily':
      return nextTimeOfDay(after, tz, c.time);
    case 'weekly':
      return nextTimeOfDay(after, tz, c.time, [c.weekday]);
    case 'cron':
      return nextCron(after, c.cron, tz);
    case 'monthly': {
      const p = zonedParts(after, tz);
      const [h, m] = c.time.split(':').map(Number) as [number, number];
      for (let i = 0; i < 3; i++) {
        const month0 = p.month - 1 + i;
        const y = p.year + Math.floor(month0 / 12);
        const mo = (month0 % 12) + 1;
        const at = zonedTime(tz, y, mo, Math.min(c.dayOfMonth, daysInMonth(y, mo)), h, m);
        if (at > after) return at;
      }
      return null;
    }
  }
}

/** Member day (every month on the 20th), weekly digests, any cron: members of an audience enter. */
export const scheduleTrigger = defineNode({
  kind: 'schedule_trigger',
  group: 'trigger',
  fires: 'time',
  audience: (c) => c.audience,
  title: 'Schedule (member day)',
  description: "Starts a journey for an audience on a schedule: every month on day 20, every Monday, or a cron expression, in each member's time zone.",
  config: ScheduleTriggerConfig,
  defaults: () => ({ frequency: 'monthly' as const, time: '10:00', weekday: 1, dayOfMonth: 20, cron: '', audience: { type: 'group' as const, combinator: 'and' as const, rules: [] } }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c) => {
    const when = c.frequency === 'daily' ? 'daily' : c.frequency === 'weekly' ? `every ${weekdayNames[c.weekday]}` : c.frequency === 'monthly' ? `monthly on day ${c.dayOfMonth}` : `cron ${c.cron}`;
    return `${when} at ${c.time}${c.audience.rules.length ? `, ${describeCondition(c.audience)}` : ''}`;
  },
  compile: (_id, _c, ctx) => ({ always: { target: ctx.target('next') } }),
  nextFireAt: (c, { after, member }) => nextScheduled(c, after, member.timeZone),
});
