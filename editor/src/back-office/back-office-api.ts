import type { CouponTemplate } from '@memberflow/shared/api/loyalty';
import { loyaltyRoutes } from '@memberflow/shared/api/loyalty-routes';
import { callRoute } from '../api/call-route.ts';

/** GET /api/v1/coupon-templates */
export async function listCouponTemplates(signal?: AbortSignal): Promise<CouponTemplate[]> {
  return (await callRoute(loyaltyRoutes.couponTemplates, { signal })).templates;
}
