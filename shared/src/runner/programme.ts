import { toNumber } from '../coerce.ts';
import { MS_PER_DAY } from '../duration.ts';
import { purchasePoints } from '../loyalty-program.ts';
import type { MemberFacts } from '../member-facts.ts';
import { scoreMember } from '../rfm.ts';
import { creditEarned } from './earning.ts';
import type { MemberInput, RunnerRules, TierRule } from './runner-input.ts';
import type { RunnerWrites } from './runner-writes.ts';
import { applySignIn } from './sign-in-streak.ts';

type Earned = MemberInput['pointsEarned'];

/** What a member has on a tier's basis over its period: spend from purchases, or points earned. */
export function tierStanding(t: TierRule, member: MemberFacts, earned: Earned, now: number): number {
  const since =
    t.period === 'lifetime'
      ? -Infinity
      : t.period === 'rolling_12m'
        ? now - 365 * MS_PER_DAY
        : Date.UTC(new Date(now).getUTCFullYear(), 0, 1);
  if (t.basis === 'spend') {
    if (t.period === 'lifetime') return member.totalSpent;
    return member.purchases.filter((p) => p.at >= since && p.at <= now).reduce((s, p) => s + p.amount, 0);
  }
  if (t.period === 'lifetime') return earned.lifetime;
  return earned.recent.filter((p) => p.at >= since && p.at <= now).reduce((s, p) => s + p.delta, 0);
}

/** The highest tier whose threshold the member meets at `now`, or null. */
export function qualifyingTier(tiers: readonly TierRule[], member: MemberFacts, earned: Earned, now: number): TierRule | null {
  return [...tiers].sort((a, b) => b.rank - a.rank).find((t) => tierStanding(t, member, earned, now) >= t.threshold) ?? null;
}

/** Whether the runner needs the member's earned lots: tiers on a points basis, or earning caps. */
export const needsEarnedHistory = (rules: Pick<RunnerRules, 'program' | 'tiers'>) =>
  rules.tiers.some((t) => t.basis === 'points') || rules.program.earningCaps.daily > 0 || rules.program.earningCaps.monthly > 0;

export const rankOf = (tiers: readonly TierRule[], key: string | null) =>
  key === null ? 0 : (tiers.find((t) => t.key === key)?.rank ?? 0);

/**
 * Points an event earns a member of this tier under the programme (purchases times the tier's
 * multiplier, sign-ins, referrals): the rule the runner applies, and the Points page's preview.
 */
export function pointsEarned(
  rules: Pick<RunnerRules, 'program' | 'tiers'>,
  tierKey: string | null,
  type: string,
  amount: number,
): number {
  const tier = rules.tiers.find((t) => t.key === tierKey);
  if (type === 'purchase') return purchasePoints(rules.program, amount, tier?.pointsMultiplier ?? 1);
  if (type === 'sign_in') return rules.program.earn.signIn;
  if (type === 'referral') return rules.program.earn.referral;
  return 0;
}

// A membership card's multiplier stacks on the tier's for purchases (cards-upkeep lapses it with the card).
const pointsFor = (rules: RunnerRules, member: MemberFacts, type: string, amount: number) =>
  pointsEarned(rules, member.tier, type, type === 'purchase' ? amount * (member.cardMultiplier ?? 1) : amount);

/**
 * Programme rules, applied to a stored event before workflows see it, so triggers and
 * conditions see the new points, tier and RFM scores.
 */
export function applyProgramme(
  rules: RunnerRules,
  writes: RunnerWrites,
  member: MemberFacts,
  earned: Earned,
  e: { seq: number | null; type: string; properties: Record<string, unknown>; occurredAt?: number },
  at: number,
  held: Set<string> = new Set(),
): void {
  const amount = toNumber(e.properties.amount) || 0;
  const points = e.seq === null ? 0 : pointsFor(rules, member, e.type, amount);
  if (points > 0)
    creditEarned(
      rules.program,
      writes,
      member,
      earned,
      { points, reason: e.type, part: { key: 'earn', vars: { event: e.type } }, source: `event:${e.seq}`, key: `earn:${e.seq}` },
      at,
    );
  if (e.type === 'sign_in' && e.seq !== null) applySignIn(rules, writes, member, earned, held, at, e.occurredAt ?? at);
  if (e.type === 'purchase' && rules.rfm) {
    // RFM moves with each purchase (against the last recompute's boundaries), so conditions see it now.
    const score = scoreMember(member, rules.rfm, at);
    if (score) {
      member.rfm = score;
      writes.rfmAt = at;
    }
  }
  if (rules.tiers.length && (e.type === 'purchase' || points > 0)) {
    const q = qualifyingTier(rules.tiers, member, earned, at);
    if (q && q.rank > rankOf(rules.tiers, member.tier)) {
      writes.raise('tier_changed', at, { from: member.tier, tier: q.key, direction: 'up' });
      member.tier = q.key;
      writes.memberChanged = true;
    }
  }
}
