import { routeGroups } from '@memberflow/shared/api/all-routes';
import { accessTable, type RouteAccess } from '@memberflow/shared/api/route-contract';

export type Access = RouteAccess;

/** Routes with a shared contract: their access comes from it. */
const contractAccess = Object.assign({}, ...Object.values(routeGroups).map((g) => accessTable(g))) as Record<string, Access>;

/**
 * Every API route and what it needs. A route missing here is refused to everyone (default deny),
 * and a test checks this table against the router so a new route cannot go unlisted.
 */
export const routeAccess = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /metrics': 'read',

  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'session',
  'GET /api/v1/auth/me': 'session',
  'POST /api/v1/auth/password': 'session',
  'GET /api/v1/users': 'admin',
  'POST /api/v1/users': 'admin',
  'PATCH /api/v1/users/:id': 'admin',
  'GET /api/v1/api-keys': 'admin',
  'POST /api/v1/api-keys': 'admin',
  'DELETE /api/v1/api-keys/:id': 'admin',

  'POST /api/v1/events': 'ingest',
  'GET /api/v1/events': 'read',
  'POST /api/v1/events/:seq/retry': 'edit',
  'POST /api/v1/members': 'ingest',
  'PUT /api/v1/members/:id': 'ingest',
  'DELETE /api/v1/members/:id': 'admin',
  'GET /api/v1/members': 'read',
  'GET /api/v1/members/:id': 'read',
  'GET /api/v1/members/:id/coupons': 'read',
  'GET /api/v1/members/:id/events': 'read',
  'GET /api/v1/members/:id/journeys': 'read',
  'GET /api/v1/members/:id/points': 'read',
  'GET /api/v1/members/:id/stored-value': 'read',
  'GET /api/v1/members/:id/trace.csv': 'read',
  'POST /api/v1/members/:id/points/award': 'ingest',
  'POST /api/v1/members/:id/points/redeem': 'ingest',
  'POST /api/v1/members/:id/stored-value/recharge': 'ingest',
  'POST /api/v1/members/:id/stored-value/spend': 'ingest',
  'POST /api/v1/coupons/:code/redeem': 'ingest',
  'POST /api/v1/coupons/expire': 'edit',

  'GET /api/v1/templates': 'read',
  'GET /api/v1/workflows': 'read',
  'POST /api/v1/workflows': 'edit',
  'GET /api/v1/workflows/:id': 'read',
  'PUT /api/v1/workflows/:id/draft': 'edit',
  'POST /api/v1/workflows/:id/publish': 'edit',
  'POST /api/v1/workflows/:id/pause': 'edit',
  'POST /api/v1/workflows/:id/resume': 'edit',
  'POST /api/v1/workflows/:id/stop': 'edit',
  'POST /api/v1/workflows/:id/migrate': 'edit',
  'POST /api/v1/workflows/:id/duplicate': 'edit',
  'POST /api/v1/workflows/:id/archive': 'edit',
  'POST /api/v1/workflows/:id/backtest': 'edit',
  'POST /api/v1/workflows/:id/backtests': 'edit',
  'GET /api/v1/workflows/:id/backtests': 'read',
  'GET /api/v1/backtests/:id': 'read',
  'GET /api/v1/backtests/:id/stream': 'read',
  'POST /api/v1/backtests/:id/cancel': 'edit',
  'GET /api/v1/workflows/:id/versions/:version': 'read',
  'GET /api/v1/workflows/:id/entry-estimate': 'read',
  'GET /api/v1/workflows/:id/stats': 'read',
  'GET /api/v1/workflows/:id/stats/stream': 'read',
  'GET /api/v1/workflows/:id/dashboard': 'read',
  'GET /api/v1/workflows/:id/failures': 'read',
  'POST /api/v1/workflows/:id/failures/:action': 'edit',
  'GET /api/v1/workflows/:id/export/effects.csv': 'read',
  'GET /api/v1/workflows/:id/export/members.csv': 'read',
  'GET /api/v1/audit': 'read',
  'GET /api/v1/effects': 'read',
  'GET /api/v1/health/queues': 'read',

  'GET /api/v1/coupon-templates': 'read',
  'PUT /api/v1/coupon-templates/:key': 'edit',
  'POST /api/v1/imports/members': 'edit',
  'POST /api/v1/imports/cdnow': 'edit',
  'GET /api/v1/imports/:id': 'read',
  // Every route with a shared contract (shared/src/api/all-routes.ts). The rows above are the
  // routes not yet moved to a contract; each moves by leaving this list for its contract.
  ...contractAccess,
} as const satisfies Record<string, Access>;

interface CompiledRule {
  method: string;
  pattern: RegExp;
  access: Access;
  route: string;
}

// Literal segments win over parameters (…/points/award before …/:id), so sort by literal count.
const compiled: CompiledRule[] = Object.entries(routeAccess)
  .map(([key, access]) => {
    const [method, path] = key.split(' ') as [string, string];
    const parts = path.split('/');
    const pattern = new RegExp(`^${parts.map((p) => (p.startsWith(':') ? '[^/]+' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}/?$`, 'i');
    return { method, pattern, access, route: key, literals: parts.filter((p) => p && !p.startsWith(':')).length };
  })
  .sort((a, b) => b.literals - a.literals);

/** The rule for a request, or null: no rule means nobody may call it. HEAD is checked as GET. */
export function accessFor(method: string, path: string): { access: Access; route: string } | null {
  const m = method === 'HEAD' ? 'GET' : method;
  const rule = compiled.find((r) => r.method === m && r.pattern.test(path));
  return rule ? { access: rule.access, route: rule.route } : null;
}

/**
 * Only GETs of the editor's static files skip the check; every other request must match a rule.
 * Case-insensitive, like the router.
 */
export function isEditorFile(method: string, path: string): boolean {
  const p = path.toLowerCase();
  return (method === 'GET' || method === 'HEAD') && !p.startsWith('/api') && !p.startsWith('//') && !routePathsOutsideApi.has(p.replace(/\/$/, ''));
}

const routePathsOutsideApi = new Set(Object.keys(routeAccess).map((k) => k.split(' ')[1]!.toLowerCase()).filter((p) => !p.startsWith('/api')));
