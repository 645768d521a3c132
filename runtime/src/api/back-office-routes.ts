import type Router from '@koa/router';
import type { AppDeps } from './app-deps.ts';
import { couponAdminRoutes } from './coupon-admin-routes.ts';

/** The loyalty back office in the editor: coupons, points, tiers, members, contact policy. */
export function backOfficeRoutes(router: Router, deps: AppDeps): void {
  couponAdminRoutes(router, deps);
}
