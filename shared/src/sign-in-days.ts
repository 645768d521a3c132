import type { MemberFacts } from './member-facts.ts';
import { localDate } from './time-zone.ts';

/** The calendar day `days` after a YYYY-MM-DD day (negative: before). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The member's sign-in streak as it stands at `now`: the stored count while it can still go on
 * (the last sign-in was today or yesterday in their zone), else 0, because a day was missed.
 */
export function currentSignInStreak(m: Pick<MemberFacts, 'signInStreak' | 'lastSignInDay' | 'timeZone'>, now: number): number {
  if (!m.signInStreak || !m.lastSignInDay) return 0;
  return m.lastSignInDay >= addDays(localDate(now, m.timeZone), -1) ? m.signInStreak : 0;
}
