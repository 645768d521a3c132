import { streakBonus, type LoyaltyProgramSettings } from '@memberflow/shared/loyalty-program';

/** What a streak up to the latest bonus day earns in all (sign-ins plus bonus points; coupons aside), or null without bonuses. */
export function streakPreview(program: LoyaltyProgramSettings): { days: number; points: number } | null {
  const days = Math.max(0, ...program.signInStreak.bonuses.map((b) => b.day));
  if (!days) return null;
  let points = 0;
  for (let d = 1; d <= days; d++) points += program.earn.signIn + streakBonus(program, d);
  return { days, points };
}
