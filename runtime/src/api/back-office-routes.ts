import type Router from '@koa/router';
import type { AppDeps } from './app-deps.ts';
import { couponAdminApi } from './coupon-admin-routes.ts';
import { memberAdminApi } from './member-admin-routes.ts';
import { messageApi } from './message-routes.ts';
import { pointsMallApi } from './points-mall-routes.ts';
import { settingsAdminApi } from './settings-admin-routes.ts';

/** The loyalty back office in the editor: coupons, points, tiers, members, contact policy. */
export function backOfficeRoutes(router: Router, deps: AppDeps): void {
  couponAdminApi(router, deps);
  memberAdminApi(router, deps);
  settingsAdminApi(router, deps);
  messageApi(router, deps);
  pointsMallApi(router, deps);
}
