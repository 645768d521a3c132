import { analyticsRoutes } from './analytics-routes.ts';
import { authRoutes, userRoutes } from './auth-routes.ts';
import { backtestRoutes } from './backtest-routes.ts';
import { cardRoutes } from './card-routes.ts';
import { couponRoutes } from './coupon-admin.ts';
import { eventRoutes } from './event-routes.ts';
import { healthRoutes } from './health-routes.ts';
import { importRoutes } from './import-routes.ts';
import { linkRoutes } from './link-routes.ts';
import { loyaltyRoutes } from './loyalty-routes.ts';
import { memberAdminRoutes } from './member-admin.ts';
import { memberRoutes } from './member-routes.ts';
import { messageRoutes } from './message-routes.ts';
import { monitoringRoutes } from './monitoring-routes.ts';
import { pointsMallRoutes } from './points-mall-routes.ts';
import { programmeRoutes } from './programme-routes.ts';
import { receiptRoutes } from './receipt-routes.ts';
import { referenceRoutes } from './reference-routes.ts';
import { rfmRoutes } from './rfm-routes.ts';
import type { RouteContract } from './route-contract.ts';
import { segmentRoutes } from './segment-routes.ts';
import { settingsRoutes } from './settings-routes.ts';
import { workflowRoutes } from './workflow-routes.ts';

/**
 * Every API route's contract, by group (the group names the OpenAPI tag). The router, the
 * access table, the editor's client and `/api/openapi.json` all read from here, and a test
 * holds the router to it: a route cannot exist in one and not the others.
 */
export const routeGroups = {
  health: healthRoutes,
  workflows: workflowRoutes,
  backtests: backtestRoutes,
  monitoring: monitoringRoutes,
  auth: authRoutes,
  users: userRoutes,
  events: eventRoutes,
  members: memberRoutes,
  imports: importRoutes,
  loyalty: loyaltyRoutes,
  coupons: couponRoutes,
  cards: cardRoutes,
  'points-mall': pointsMallRoutes,
  programme: programmeRoutes,
  'member-admin': memberAdminRoutes,
  settings: settingsRoutes,
  messages: messageRoutes,
  segments: segmentRoutes,
  rfm: rfmRoutes,
  analytics: analyticsRoutes,
  reference: referenceRoutes,
  receipts: receiptRoutes,
  links: linkRoutes,
} satisfies Record<string, Record<string, RouteContract>>;

export type RouteGroup = keyof typeof routeGroups;

/** Every contract with its group, in a stable order. */
export function allRoutes(): { group: RouteGroup; name: string; route: RouteContract }[] {
  return (Object.entries(routeGroups) as [RouteGroup, Record<string, RouteContract>][]).flatMap(([group, routes]) =>
    Object.entries(routes).map(([name, route]) => ({ group, name, route })),
  );
}
