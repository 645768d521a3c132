import { LoyaltyProgramSettings } from '@memberflow/shared/loyalty-program';
import { pathToField } from '@memberflow/shared/violations';

/** The programme form as typed: numbers stay text until they parse. */
export interface PointsFormState {
  pointsPerUnit: string;
  signIn: string;
  referral: string;
  pointsExpiryMonths: string;
  allowNegativePoints: boolean;
  rechargeBonuses: { min: string; bonus: string }[];
  /** Sign-in streak bonuses: on day N in a row, M points and/or a coupon; again every K days when K is set. */
  streakBonuses: { day: string; points: string; couponTemplate: string; repeatEvery: string }[];
  capDaily: string;
  capMonthly: string;
  protectionDays: string;
}

export function pointsFormOf(p: LoyaltyProgramSettings): PointsFormState {
  return {
    pointsPerUnit: String(p.earn.pointsPerUnit),
    signIn: String(p.earn.signIn),
    referral: String(p.earn.referral),
    pointsExpiryMonths: String(p.pointsExpiryMonths),
    allowNegativePoints: p.allowNegativePoints,
    rechargeBonuses: p.rechargeBonuses.map((b) => ({ min: String(b.min), bonus: String(b.bonus) })),
    streakBonuses: p.signInStreak.bonuses.map((b) => ({
      day: String(b.day),
      points: b.points ? String(b.points) : '',
      couponTemplate: b.couponTemplate ?? '',
      repeatEvery: b.repeatEvery ? String(b.repeatEvery) : '',
    })),
    capDaily: p.earningCaps.daily ? String(p.earningCaps.daily) : '',
    capMonthly: p.earningCaps.monthly ? String(p.earningCaps.monthly) : '',
    protectionDays: p.protectionDays ? String(p.protectionDays) : '',
  };
}

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.trim()));

/** The body of PUT /api/v1/loyalty/program. */
export function pointsBody(s: PointsFormState): Record<string, unknown> {
  return {
    earn: { pointsPerUnit: num(s.pointsPerUnit), signIn: num(s.signIn), referral: num(s.referral) },
    pointsExpiryMonths: num(s.pointsExpiryMonths),
    allowNegativePoints: s.allowNegativePoints,
    rechargeBonuses: s.rechargeBonuses.map((b) => ({ min: num(b.min), bonus: num(b.bonus) })),
    // Day and points are required (an empty one is named); an empty cap, repeat or protection means none.
    signInStreak: {
      bonuses: s.streakBonuses.map((b) => ({
        day: num(b.day) ?? Number.NaN,
        points: num(b.points) ?? 0,
        ...(b.couponTemplate.trim() ? { couponTemplate: b.couponTemplate.trim() } : {}),
        repeatEvery: num(b.repeatEvery) ?? 0,
      })),
    },
    earningCaps: { daily: num(s.capDaily) ?? 0, monthly: num(s.capMonthly) ?? 0 },
    protectionDays: num(s.protectionDays) ?? 0,
  };
}

/** The settings the form stands for, or the problems by field ("earn.signIn", "rechargeBonuses.0.min"). */
export function parsePointsForm(
  s: PointsFormState,
): { settings: LoyaltyProgramSettings; problems: null } | { settings: null; problems: Record<string, string> } {
  const r = LoyaltyProgramSettings.safeParse(pointsBody(s));
  if (r.success) return { settings: r.data, problems: null };
  const problems: Record<string, string> = {};
  for (const i of r.error.issues) problems[pathToField(i.path)] ??= i.message;
  return { settings: null, problems };
}
