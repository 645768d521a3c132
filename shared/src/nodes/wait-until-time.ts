import { z } from 'zod';
import { defineNode } from '../node-module.ts';
import { nextTimeOfDay, TimeOfDay } from '../time-zone.ts';
import { onWake } from './wake-transition.ts';

export const WaitUntilTimeConfig = z.object({
  time: z.string().regex(TimeOfDay, 'use HH:MM, e.g. 10:00'),
  /** Allowed weekdays (0 = Sunday); empty = any day. */
  weekdays: z.array(z.number().int().min(0).max(6)).max(7).default([]),
});
export type WaitUntilTimeConfig = z.infer<typeof WaitUntilTimeConfig>;

const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Sends at a good local hour: "next 10:00 on a weekday, member's time". */
export const waitUntilTime = defineNode({
  kind: 'wait_until_time',
  group: 'wait',
  title: 'Wait until time of day',
  description: "Holds the member until a time of day (and optionally weekdays) in the member's own time zone.",
  config: WaitUntilTimeConfig,
  defaults: () => ({ time: '10:00', weekdays: [] }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c) => `until ${c.time}${c.weekdays.length ? ` on ${c.weekdays.map((d) => names[d]).join(', ')}` : ''} (member time)`,
  compile: (nodeId, _c, ctx) => ({ on: onWake(nodeId, ctx.target('next')) }),
  wakeAt: (c, { at, member }) => nextTimeOfDay(at, member.timeZone, c.time, c.weekdays),
});
