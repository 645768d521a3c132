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
  return (method === 'GET' || method === 'HEAD') && !p.startsWith('/api') && !p.startsWith('//') && !routesOutsideApi.some((r) => r.pattern.test(p));
}

// Routes outside /api (probes, metrics, tracked links /r/:token) are checked and rate-limited like the API.
const routesOutsideApi = compiled.filter((r) => r.method === 'GET' && !r.route.split(' ')[1]!.startsWith('/api'));
