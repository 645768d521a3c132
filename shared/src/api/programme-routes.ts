import '../zod-messages.ts';
import { LoyaltyProgramSettings } from '../loyalty-program.ts';
import { TierList, type TierInput } from './loyalty.ts';
import { defineRoute } from './route-contract.ts';

/** A rung of the ladder as the Tiers page shows it: the runner's fields plus the benefits text. */
export type TierLadderRow = TierInput;

/** Re-rating every member after the ladder changed: how far it has come. */
export interface TierReview {
  pending: boolean;
  done: number;
  total: number;
}

export interface TierReport {
  /** Members per tier key; members without a tier under "". */
  members: Record<string, number>;
  /** The last ladder change's re-rating, or null before any. */
  review: TierReview | null;
  /** Per UTC month (YYYY-MM) of the last 12 and tier reached: upgrades into it and downgrades into it. */
  months: { month: string; up: number; down: number }[];
}

export const programmeRoutes = {
  program: defineRoute<LoyaltyProgramSettings>()({
    method: 'GET',
    path: '/api/v1/loyalty/program',
    summary: 'The points programme: earning, expiry and recharge bonuses',
    access: 'read',
  }),
  saveProgram: defineRoute<LoyaltyProgramSettings>()({
    method: 'PUT',
    path: '/api/v1/loyalty/program',
    summary: 'Save the points programme',
    example: {
      body: {
        earn: { pointsPerUnit: 1, signIn: 5, referral: 100 },
        pointsExpiryMonths: 12,
        allowNegativePoints: false,
        rechargeBonuses: [
          { min: 100, bonus: 10 },
          { min: 500, bonus: 100 },
        ],
      },
    },
    access: 'edit',
    body: LoyaltyProgramSettings,
  }),
  tiers: defineRoute<{ tiers: TierLadderRow[] }>()({
    method: 'GET',
    path: '/api/v1/tiers',
    summary: 'The tier ladder',
    access: 'read',
  }),
  // Replaces the whole ladder: tiers are few and edited together.
  saveTiers: defineRoute<{ tiers: TierLadderRow[] }>()({
    method: 'PUT',
    path: '/api/v1/tiers',
    summary: 'Save the tier ladder; members are re-rated to it in the background',
    example: {
      body: {
        tiers: [
          { key: 'silver', name: 'Silver', rank: 1, threshold: 0 },
          { key: 'gold', name: 'Gold', rank: 2, threshold: 2000, pointsMultiplier: 1.5, benefits: 'Free shipping' },
        ],
      },
    },
    access: 'edit',
    body: TierList,
  }),
  tierReport: defineRoute<TierReport>()({
    method: 'GET',
    path: '/api/v1/tier-report',
    summary: 'Members per tier, moves and how far re-rating has come',
    access: 'read',
  }),
};
