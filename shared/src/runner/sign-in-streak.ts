import { streakBonus } from '../loyalty-program.ts';
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

/**
 * A stored sign_in moves the member's streak (days in a row, in their time zone); the day it
 * reaches a bonus day pays the bonus once per streak (the key names the member, the streak's
 * first day and the day), and sign_in_streak is raised for workflows. A second sign-in on a
 * day, or a late one for an earlier day, changes nothing.
 */
export function applySignIn(rules: Pick<RunnerRules, 'program'>, writes: RunnerWrites, member: MemberFacts, earned: MemberInput['pointsEarned'], at: number): void {
  const day = localDate(at, member.timeZone);
  const next = nextStreak(member.signInStreak ?? 0, member.lastSignInDay ?? null, day);
  if (!next.counted) return;
  member.signInStreak = next.days;
  member.lastSignInDay = day;
  writes.memberChanged = true;
  const startedOn = addDays(day, 1 - next.days);
  const points = streakBonus(rules.program, next.days);
  const bonus =
    points > 0
      ? creditEarned(
          rules.program,
          writes,
          member,
          earned,
          { points, reason: `sign-in streak: day ${next.days}`, part: { key: 'streak', vars: { days: next.days } }, source: `streak:${startedOn}`, key: `streak:${member.id}:${startedOn}:${next.days}` },
          at,
        )
      : 0;
  writes.note({ at, kind: 'points', reason: `sign-in streak: ${next.days} days in a row${bonus ? `, +${bonus} points` : ''}`, parts: [{ key: 'streakDay', vars: { days: next.days, bonus } }] });
  writes.raise('sign_in_streak', at, { days: next.days, bonus, startedOn });
}
