import { z } from 'zod';
import type { MemberFacts } from '../member-facts.ts';
import { defineNode, defineVersions } from '../node-module.ts';
import { localDate, nextAnnual, TimeOfDay } from '../time-zone.ts';

export const DateTriggerConfig = z.object({
  /** birthday, joinedAt (membership anniversary) or a date attribute (attributes.<name>, YYYY-MM-DD). */
  attribute: z.string().min(1, 'choose a date').regex(/^(birthday|anniversary|attributes\.[A-Za-z0-9_]+)$/, 'use birthday, anniversary or attributes.<name>'),
  /** Negative: days before the date (e.g. -3 for three days before the birthday). */
  offsetDays: z.number().int('must be a whole number').min(-60).max(60),
  time: z.string().regex(TimeOfDay, 'use HH:MM, e.g. 09:00'),
});
export type DateTriggerConfig = z.infer<typeof DateTriggerConfig>;

/** A member's date as YYYY-MM-DD; the anniversary is the day they joined as seen in `anniversaryZone`. */
export function memberDate(
  attribute: string,
  member: { birthday: string | null; joinedAt: number | null; attributes: Record<string, unknown> },
  anniversaryZone = 'UTC',
): string | null {
  if (attribute === 'birthday') return member.birthday;
  if (attribute === 'anniversary') return member.joinedAt === null ? null : localDate(member.joinedAt, anniversaryZone);
  const v = member.attributes[attribute.slice('attributes.'.length)];
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null;
}

const when = (d: number) => (d === 0 ? 'on' : d < 0 ? `${-d} day${d === -1 ? '' : 's'} before` : `${d} day${d === 1 ? '' : 's'} after`);

/** Yearly, in the member's time zone: birthday care, membership anniversaries. */
export const dateTrigger = defineNode({
  kind: 'date_trigger',
  group: 'trigger',
  fires: 'time',
  // The moment is the member's own: whoever it comes for enters.
  audience: () => null,
  title: 'Date (birthday, anniversary)',
  description: "Starts a journey every year N days before or after a member's date, at a time in the member's own time zone.",
  config: DateTriggerConfig,
  defaults: () => ({ attribute: 'birthday', offsetDays: -3, time: '09:00' }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c) => `${when(c.offsetDays)} ${c.attribute.replace('attributes.', '')} at ${c.time}`,
  compile: (_id, _c, ctx) => ({ always: { target: ctx.target('next') } }),
  nextFireAt: (c, { after, member }) => nextDateFire(c, after, member, member.timeZone),
});

function nextDateFire(c: DateTriggerConfig, after: number, member: MemberFacts, anniversaryZone: string): number | null {
  const date = memberDate(c.attribute, member, anniversaryZone);
  return date ? nextAnnual(after, member.timeZone, date, c.offsetDays, c.time) : null;
}

/**
 * Version 2: the anniversary is the join date on the member's own calendar. Version 1 read it
 * in UTC, so a member in Shanghai who joined at 00:30 on 10 March (16:30 UTC on the 9th) was
 * greeted a day early, at odds with birthdays and with the fire time, both in member time.
 */
export const dateTriggerVersions = defineVersions({
  latest: 2,
  module: dateTrigger,
  previous: { 1: { nextFireAt: (c, { after, member }) => nextDateFire(c, after, member, 'UTC') } },
});
