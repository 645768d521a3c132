import { z } from 'zod';

/** A streak bonus: on day `day` in a row, `points` more and/or a coupon; with `repeatEvery`, again every that many days after. */
export const StreakBonus = z
  .object({
    day: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(2, 'must be 2 or more (day 1 is a plain sign-in)').max(365, 'must be at most 365'),
    points: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(0, 'must be 0 or more').max(1_000_000, 'must be at most 1,000,000').default(0),
    /** A coupon template's key: a coupon of it is issued on the day (as a workflow's issue-coupon would). */
    couponTemplate: z
      .string()
      .max(40)
      .regex(/^[A-Z0-9_-]+$/, 'use capitals, digits, "_" or "-" (e.g. COMEBACK10)')
      .optional(),
    repeatEvery: z.number().int('must be a whole number').min(0, 'must be 0 (once) or more').max(365, 'must be at most 365').default(0),
  })
  .refine((b) => b.points > 0 || b.couponTemplate !== undefined, { path: ['points'], message: 'give points or a coupon' });
export type StreakBonus = z.infer<typeof StreakBonus>;

const StreakBonuses = z
  .array(StreakBonus)
  .max(10, 'at most 10 streak bonuses')
  .superRefine((list, ctx) => {
    list.forEach((b, i) => {
      if (list.findIndex((o) => o.day === b.day) !== i) ctx.addIssue({ code: 'custom', path: [i, 'day'], message: `day ${b.day} has a bonus already` });
    });
  });

/** Programme-wide rules: how points are earned and expire, and recharge bonuses. */
export const LoyaltyProgramSettings = z.object({
  earn: z
    .object({
      /** Points per currency unit spent (1 point per 1 yuan), before the tier multiplier. */
      pointsPerUnit: z.number().min(0).max(1000).default(1),
      signIn: z.number().int().min(0).max(100_000).default(5),
      referral: z.number().int().min(0).max(1_000_000).default(100),
    })
    .default({ pointsPerUnit: 1, signIn: 5, referral: 100 }),
  /** Earned points expire this many months after earning, first in, first out; 0 = never. */
  pointsExpiryMonths: z.number().int().min(0).max(120).default(12),
  allowNegativePoints: z.boolean().default(false),
  /** Bonuses for signing in on consecutive days (member's time zone), each paid once per streak. */
  signInStreak: z
    .object({ bonuses: StreakBonuses.default([]) })
    .default({ bonuses: [] }),
  /** At most this many points earned per member per day / calendar month (member's time zone); 0 = no cap. */
  earningCaps: z
    .object({
      daily: z.number().int('must be a whole number').min(0, 'must be 0 (no cap) or more').max(100_000_000).default(0),
      monthly: z.number().int('must be a whole number').min(0, 'must be 0 (no cap) or more').max(1_000_000_000).default(0),
    })
    .refine((c) => !(c.daily > 0 && c.monthly > 0 && c.monthly < c.daily), { path: ['monthly'], message: 'must be at least the daily cap (or 0)' })
    .default({ daily: 0, monthly: 0 }),
  /** Earned points become spendable this many days after earning; 0 = at once. */
  protectionDays: z.number().int('must be a whole number').min(0, 'must be 0 (at once) or more').max(365, 'must be at most 365').default(0),
  /** Recharge bonuses: the highest rule whose minimum the recharge reaches applies (100 -> +10, 500 -> +100). */
  rechargeBonuses: z
    // Bonuses are credited as stored value (numeric(14, 2)), like the API's money fields.
    .array(z.object({ min: z.number().positive('must be greater than 0').max(100_000_000), bonus: z.number().min(0).max(100_000_000) }))
    .max(20)
    .default([
      { min: 100, bonus: 10 },
      { min: 500, bonus: 100 },
    ]),
});
export type LoyaltyProgramSettings = z.infer<typeof LoyaltyProgramSettings>;

export const defaultProgram = (): LoyaltyProgramSettings => LoyaltyProgramSettings.parse({});

/** Points a purchase earns: floor(amount × rate × tier multiplier). */
export function purchasePoints(p: LoyaltyProgramSettings, amount: number, tierMultiplier = 1): number {
  return Math.max(0, Math.floor(amount * p.earn.pointsPerUnit * tierMultiplier + 1e-9));
}

export function rechargeBonus(p: LoyaltyProgramSettings, amount: number): number {
  const rule = [...p.rechargeBonuses].sort((a, b) => b.min - a.min).find((r) => amount >= r.min);
  return rule?.bonus ?? 0;
}

/** When points earned at `at` expire (calendar months later), or null when they never do. */
export function pointsExpiry(p: LoyaltyProgramSettings, at: number): number | null {
  if (p.pointsExpiryMonths === 0) return null;
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() + p.pointsExpiryMonths);
  return d.getTime();
}

/** member.points_balance and ledger deltas are 32-bit integers: no balance goes past this. */
export const MAX_POINTS_BALANCE = 2_147_483_647;

/** The bonuses that fall on day `days` of a streak (their own day, or a repeat of it). */
export function streakBonusesOn(p: LoyaltyProgramSettings, days: number): StreakBonus[] {
  return p.signInStreak.bonuses.filter((b) => b.day === days || (b.repeatEvery > 0 && days > b.day && (days - b.day) % b.repeatEvery === 0));
}

/** Points a streak of `days` days in a row earns on its last day: every bonus that falls on it. */
export function streakBonus(p: LoyaltyProgramSettings, days: number): number {
  return streakBonusesOn(p, days).reduce((s, b) => s + b.points, 0);
}

/** When points earned at `at` become spendable, or null when they are at once. */
export function pointsAvailableAt(p: LoyaltyProgramSettings, at: number): number | null {
  return p.protectionDays > 0 ? at + p.protectionDays * 86_400_000 : null;
}
