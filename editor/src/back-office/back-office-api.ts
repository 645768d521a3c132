import type { CouponTemplate } from '@memberflow/shared/api/loyalty';
import { requestJson } from '../api/http.ts';

/** GET /api/v1/coupon-templates */
export async function listCouponTemplates(signal?: AbortSignal): Promise<CouponTemplate[]> {
  return (await requestJson<{ templates: CouponTemplate[] }>('GET', '/api/v1/coupon-templates', undefined, signal)).templates;
}
