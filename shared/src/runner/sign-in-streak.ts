import { MS_PER_DAY } from '../duration.ts';
import { streakBonusesOn } from '../loyalty-program.ts';
import type { MemberFacts } from '../member-facts.ts';
import { addDays } from '../sign-in-days.ts';
import { localDate } from '../time-zone.ts';
import { creditEarned } from './earning.ts';
import type { MemberInput, RunnerRules } from './runner-input.ts';
import type { RunnerWrites } from './runner-writes.ts';

/** The streak a sign-in on `day` makes: one more after yesterday's, the same on a day already counted, else a new one. */
export function nextStreak(streak: number, lastDay: string | null, day: string): { days: number; counted: boolean } {
  if (lastDay !== null && day <= lastDay) return { days: streak, counted: false };
  return { days: lastDay === addDays(day, -1) ? streak + 1 : 1, counted: true };
}

type Rules = Pick<RunnerRules, 'program' | 'couponTemplates' | 'stockLeft' | 'ids'>;

/**
 * A streak bonus's coupon, as a workflow's issue-coupon would give it (the template's validity,
 * once per member, stock, archived), or why not. Written with the bonus's points row.
 */
function streakCoupon(
  rules: Rules,
  writes: RunnerWrites,
  member: MemberFacts,
  held: Set<string>,
  template: string,
  key: string,
  at: number,
): string | null {
  const t = rules.couponTemplates.get(template);
  if (!t) return `${template} is not a coupon template`;
  if (t.archivedAt != null) return `${template} is archived`;
  if (t.oncePerMember && held.has(template)) return `once per member: already holds a ${template} coupon`;
  if (t.stockLimit != null) {
    const left = rules.stockLeft.get(template) ?? 0;
    if (left <= 0) return `${template} is out of stock`;
    rules.stockLeft.set(template, left - 1);
    writes.stockTaken.set(template, (writes.stockTaken.get(template) ?? 0) + 1);
  }
  const expiresAt = t.validTo ?? at + (t.validityDays ?? 30) * MS_PER_DAY;
  writes.programmeCoupons.push({ memberId: member.id, template, code: rules.ids.couponCode(template), at, expiresAt, key });
  held.add(template);
  return null;
}

/**
 * A stored sign_in moves the member's streak (days in a row, in their time zone); the day it
 * reaches a bonus day pays the bonus once per streak (the key names the member, the streak's
 * first day and the day): points, coupons or both. sign_in_streak is raised for workflows. A
 * second sign-in on a day, or a late one for an earlier day, changes nothing.
 */
export function applySignIn(
  rules: Rules,
  writes: RunnerWrites,
  member: MemberFacts,
  earned: MemberInput['pointsEarned'],
  held: Set<string>,
  at: number,
  occurredAt = at,
): void {
  // The day the member signed in, even when the event arrives late; the bonus is credited when it acts.
  const day = localDate(occurredAt, member.timeZone);
  const next = nextStreak(member.signInStreak ?? 0, member.lastSignInDay ?? null, day);
  if (!next.counted) return;
  member.signInStreak = next.days;
  member.lastSignInDay = day;
  writes.memberChanged = true;
  const startedOn = addDays(day, 1 - next.days);
  const bonuses = streakBonusesOn(rules.program, next.days);
  const key = `streak:${member.id}:${startedOn}:${next.days}`;
  const points = bonuses.reduce((s, b) => s + b.points, 0);
  // The points row (even of 0 points) is the record the bonus was paid: its key keeps it, and its coupons, to once.
  const bonus = bonuses.length
    ? creditEarned(
        rules.program,
        writes,
        member,
        earned,
        {
          points,
          reason: `sign-in streak: day ${next.days}`,
          part: { key: 'streak', vars: { days: next.days } },
          source: `streak:${startedOn}`,
          key,
        },
        at,
      )
    : 0;
  const coupons: string[] = [];
  for (const b of bonuses) {
    if (!b.couponTemplate) continue;
    const refused = streakCoupon(rules, writes, member, held, b.couponTemplate, key, at);
    if (refused === null) coupons.push(b.couponTemplate);
    else
      writes.note({
        at,
        kind: 'points',
        reason: `sign-in streak coupon not issued: ${refused}`,
        parts: [{ key: 'streakCouponRefused', vars: { template: b.couponTemplate, why: refused } }],
      });
  }
  const got = [bonus ? `+${bonus} points` : '', ...coupons.map((c) => `a ${c} coupon`)].filter(Boolean).join(', ');
  writes.note({
    at,
    kind: 'points',
    reason: `sign-in streak: day ${next.days} in a row${got ? `, ${got}` : ''}`,
    parts: [{ key: 'streakDay', vars: { days: next.days, bonus } }],
  });
  writes.raise('sign_in_streak', at, { days: next.days, bonus, coupons, startedOn });
}
