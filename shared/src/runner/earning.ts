import { MS_PER_DAY } from '../duration.ts';
import { MAX_POINTS_BALANCE, pointsAvailableAt, pointsExpiry, type LoyaltyProgramSettings } from '../loyalty-program.ts';
import type { MemberFacts } from '../member-facts.ts';
import { localDate } from '../time-zone.ts';
import type { MemberInput } from './runner-input.ts';
import type { NotePart, RunnerWrites } from './runner-writes.ts';

type Earned = MemberInput['pointsEarned'];

/** The cap that limits what a member may still earn at `at`: room left and the rule that sets it. */
export interface CapRoom {
  room: number;
  cap: { limit: number; period: 'day' | 'month' } | null;
}

/**
 * What the daily and monthly earning caps leave a member at `at`, counted in the member's time
 * zone over programme earnings (kind `earn`: events and streak bonuses; staff gifts and
 * adjustments are not earnings and are never capped).
 */
export function capRoom(program: LoyaltyProgramSettings, timeZone: string, earned: Earned, at: number): CapRoom {
  const { daily, monthly } = program.earningCaps;
  if (!daily && !monthly) return { room: Infinity, cap: null };
  const day = localDate(at, timeZone);
  const month = day.slice(0, 7);
  let today = 0;
  let thisMonth = 0;
  for (const p of earned.recent) {
    // A calendar month is at most 31 days (and a zone's offset less than one): older lots cannot count.
    if (p.kind !== 'earn' || p.at > at || p.at < at - 32 * MS_PER_DAY) continue;
    const d = localDate(p.at, timeZone);
    if (d === day) today += p.delta;
    if (d.startsWith(month)) thisMonth += p.delta;
  }
  const dayRoom = daily ? Math.max(0, daily - today) : Infinity;
  const monthRoom = monthly ? Math.max(0, monthly - thisMonth) : Infinity;
  return dayRoom <= monthRoom ? { room: dayRoom, cap: { limit: daily, period: 'day' } } : { room: monthRoom, cap: { limit: monthly, period: 'month' } };
}

/** Points a member is owed by a programme rule, with its ledger reason and once-only key. */
export interface EarnRequest {
  points: number;
  /** The reason in English (`purchase`, `sign-in streak: day 7`) and as a message key. */
  reason: string;
  part: NotePart;
  source: string;
  key: string;
}

const n = (v: number) => v.toLocaleString('en-US');

/**
 * Credits programme points: the earning caps and the balance's 32-bit ceiling refuse what is
 * over them (the ledger row says why), the lot expires and becomes spendable by the programme's
 * rules, and points_changed is raised. Returns the points credited.
 */
export function creditEarned(program: LoyaltyProgramSettings, writes: RunnerWrites, member: MemberFacts, earned: Earned, r: EarnRequest, at: number): number {
  const { room, cap } = capRoom(program, member.timeZone, earned, at);
  const ceiling = Math.max(0, Math.min(MAX_POINTS_BALANCE - member.pointsBalance, MAX_POINTS_BALANCE));
  const credited = Math.max(0, Math.min(r.points, room, ceiling));
  const parts: NotePart[] = [r.part];
  let reason = r.reason;
  if (credited < r.points) {
    const byCap = cap !== null && room <= ceiling;
    const why = byCap ? `at most ${n(cap.limit)} a ${cap.period}` : `a member holds at most ${n(MAX_POINTS_BALANCE)}`;
    reason = `${r.reason} (capped: ${n(r.points)} earned; ${why})`;
    parts.push(byCap ? { key: cap.period === 'day' ? 'cappedDay' : 'cappedMonth', vars: { earned: r.points, limit: cap.limit } } : { key: 'cappedBalance', vars: { earned: r.points, limit: MAX_POINTS_BALANCE } });
  }
  member.pointsBalance += credited;
  earned.lifetime += credited;
  earned.recent.push({ at, delta: credited, kind: 'earn' });
  const expiresAt = pointsExpiry(program, at);
  const availableAt = credited > 0 ? pointsAvailableAt(program, at) : null;
  writes.pointsOps.push({ memberId: member.id, delta: credited, kind: 'earn', reason, parts, source: r.source, at, expiresAt, availableAt, key: r.key });
  // Points-expiring triggers see the new lot at once.
  if (credited > 0 && expiresAt !== null) member.pointsExpiring = [...member.pointsExpiring, { points: credited, expiresAt }];
  if (credited > 0) writes.raise('points_changed', at, { delta: credited, balance: member.pointsBalance, reason: r.reason });
  // Plain earnings need no note (the ledger has them); a refusal does, so the trace says why.
  if (credited < r.points) writes.note({ at, kind: 'points', reason: `+${n(credited)} points: ${reason}`, parts: [{ key: 'pointsEarned', vars: { points: credited } }, ...parts] });
  return credited;
}
