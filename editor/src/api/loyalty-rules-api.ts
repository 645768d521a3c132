import type { CouponTemplate } from '@memberflow/shared/api/loyalty';
import type { Segment } from '@memberflow/shared/api/segments';
import type { LoyaltyProgramSettings } from '@memberflow/shared/loyalty-program';
import type { TierRule } from '@memberflow/shared/runner/runner-input';
import type { SimulationInput } from '@memberflow/shared/simulate';
import { loyaltyRoutes } from '@memberflow/shared/api/loyalty-routes';
import { programmeRoutes } from '@memberflow/shared/api/programme-routes';
import { segmentRoutes } from '@memberflow/shared/api/segment-routes';
import { settingsRoutes } from '@memberflow/shared/api/settings-routes';
import { callRoute } from './call-route.ts';

/** GET /api/v1/loyalty/program: the programme's earning, expiry and recharge rules. */
export function getLoyaltyProgram(signal?: AbortSignal): Promise<LoyaltyProgramSettings> {
  return callRoute(programmeRoutes.program, { signal });
}

/** GET /api/v1/tiers: the tier ladder, lowest rank first, as the runner applies it. */
export async function listTiers(signal?: AbortSignal): Promise<TierRule[]> {
  return (await callRoute(programmeRoutes.tiers, { signal })).tiers;
}

/** GET /api/v1/coupon-templates: usage rules (once per member, stock) and validity per template key. */
export async function listCouponTemplates(signal?: AbortSignal): Promise<CouponTemplate[]> {
  return (await callRoute(loyaltyRoutes.couponTemplates, { signal })).templates;
}

/** GET /api/v1/segments: saved segments, for segment triggers that name one. */
export async function listSegments(signal?: AbortSignal): Promise<Segment[]> {
  return (await callRoute(segmentRoutes.list, { signal })).segments;
}

/** The programme's rules in the shape the simulator takes them. */
export type SimulationRules = Required<Pick<SimulationInput, 'program' | 'tiers' | 'couponTemplates' | 'segments'>> & Pick<SimulationInput, 'cap' | 'defaultQuietHours'>;

/** The runner reads only these fields of a tier: keep nothing else the API may add. */
export const tierRule = (t: TierRule): TierRule => ({
  key: t.key,
  name: t.name,
  rank: t.rank,
  basis: t.basis,
  period: t.period,
  threshold: t.threshold,
  pointsMultiplier: t.pointsMultiplier,
});

/** Everything the engine applies beyond the definition; fails as a whole when any part cannot be read. */
export async function loadSimulationRules(signal?: AbortSignal): Promise<SimulationRules> {
  const [program, tiers, couponTemplates, segments, contact] = await Promise.all([
    getLoyaltyProgram(signal),
    listTiers(signal),
    listCouponTemplates(signal),
    listSegments(signal),
    callRoute(settingsRoutes.contactPolicy, { signal }),
  ]);
  return {
    // The contact policy the runtime applies: its cap, and quiet hours for workflows without their own.
    cap: contact.policy.cap,
    defaultQuietHours: contact.policy.quietHours,
    program,
    tiers: tiers.map(tierRule),
    couponTemplates,
    segments: Object.fromEntries(segments.map((s) => [s.key, s.condition])),
  };
}
