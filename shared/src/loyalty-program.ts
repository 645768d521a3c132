import { z } from 'zod';

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
