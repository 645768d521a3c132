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
}

export function pointsFormOf(p: LoyaltyProgramSettings): PointsFormState {
  return {
    pointsPerUnit: String(p.earn.pointsPerUnit),
    signIn: String(p.earn.signIn),
    referral: String(p.earn.referral),
    pointsExpiryMonths: String(p.pointsExpiryMonths),
    allowNegativePoints: p.allowNegativePoints,
    rechargeBonuses: p.rechargeBonuses.map((b) => ({ min: String(b.min), bonus: String(b.bonus) })),
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
