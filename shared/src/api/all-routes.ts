import { analyticsRoutes } from './analytics-routes.ts';
import { couponRoutes } from './coupon-admin.ts';
import { memberAdminRoutes } from './member-admin.ts';
import { messageRoutes } from './message-routes.ts';
import { programmeRoutes } from './programme-routes.ts';
import { referenceRoutes } from './reference-routes.ts';
import { rfmRoutes } from './rfm-routes.ts';
import type { RouteContract } from './route-contract.ts';
import { segmentRoutes } from './segment-routes.ts';
import { settingsRoutes } from './settings-routes.ts';

/**
 * Every API route's contract, by group (the group names the OpenAPI tag). The router, the
 * access table, the editor's client and `/api/openapi.json` all read from here, and a test
 * holds the router to it: a route cannot exist in one and not the others.
 */
export const routeGroups = {
  coupons: couponRoutes,
  programme: programmeRoutes,
  'member-admin': memberAdminRoutes,
  settings: settingsRoutes,
  messages: messageRoutes,
  segments: segmentRoutes,
  rfm: rfmRoutes,
  analytics: analyticsRoutes,
  reference: referenceRoutes,
} satisfies Record<string, Record<string, RouteContract>>;

export type RouteGroup = keyof typeof routeGroups;

/** Every contract with its group, in a stable order. */
export function allRoutes(): { group: RouteGroup; name: string; route: RouteContract }[] {
  return (Object.entries(routeGroups) as [RouteGroup, Record<string, RouteContract>][]).flatMap(([group, routes]) =>
    Object.entries(routes).map(([name, route]) => ({ group, name, route })),
  );
}
