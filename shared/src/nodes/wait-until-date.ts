import { z } from 'zod';
import { defineNode } from '../node-module.ts';
import { nextAnnual, TimeOfDay } from '../time-zone.ts';
import { DateTriggerConfig, memberDate } from './date-trigger.ts';
import { onWake } from './wake-transition.ts';

export const WaitUntilDateConfig = z.object({
  attribute: DateTriggerConfig.shape.attribute,
  offsetDays: DateTriggerConfig.shape.offsetDays,
  time: z.string().regex(TimeOfDay, 'use HH:MM, e.g. 09:00'),
});
export type WaitUntilDateConfig = z.infer<typeof WaitUntilDateConfig>;

/** Holds until the next occurrence of a member date (e.g. the day before the birthday). */
export const waitUntilDate = defineNode({
  kind: 'wait_until_date',
  group: 'wait',
  title: 'Wait until date',
  description: "Holds the member until the next occurrence of one of their dates (birthday, anniversary), shifted by N days, in their time zone. Without that date they move on at once.",
  config: WaitUntilDateConfig,
  defaults: () => ({ attribute: 'birthday', offsetDays: 0, time: '09:00' }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c) => `until ${c.offsetDays ? `${Math.abs(c.offsetDays)}d ${c.offsetDays < 0 ? 'before' : 'after'} ` : ''}${c.attribute.replace('attributes.', '')} ${c.time}`,
  compile: (nodeId, _c, ctx) => ({ on: onWake(nodeId, ctx.target('next')) }),
  wakeAt: (c, { at, member }) => {
    const date = memberDate(c.attribute, member);
    return (date ? nextAnnual(at, member.timeZone, date, c.offsetDays, c.time) : null) ?? at;
  },
});
