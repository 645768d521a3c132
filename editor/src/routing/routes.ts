export type Route =
  | { page: 'list' }
  | { page: 'workflow'; id: string }
  | { page: 'dashboard'; id: string }
  | { page: 'members' }
  | { page: 'member'; id: string }
  | { page: 'health' }
  | BackOfficeRoute
  | { page: 'admin' }
  | { page: 'sign-in' }
  | { page: 'not-found' };

/** Pages of the loyalty back office and the insights: one path each, no parameters. */
export const BACK_OFFICE_PAGES = ['coupons', 'points', 'points-mall', 'cards', 'tiers', 'segments', 'rfm', 'analytics', 'settings'] as const;
export type BackOfficePage = (typeof BACK_OFFICE_PAGES)[number];
type BackOfficeRoute = { page: BackOfficePage };

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'list' };
  const bo = /^\/([a-z-]+)\/?$/.exec(pathname)?.[1];
  if (bo && (BACK_OFFICE_PAGES as readonly string[]).includes(bo)) return { page: bo as BackOfficePage };
  const m = /^\/workflows\/([^/]+)\/?$/.exec(pathname);
  if (m) return { page: 'workflow', id: decodeURIComponent(m[1]!) };
  const d = /^\/workflows\/([^/]+)\/dashboard\/?$/.exec(pathname);
  if (d) return { page: 'dashboard', id: decodeURIComponent(d[1]!) };
  if (/^\/members\/?$/.test(pathname)) return { page: 'members' };
  const mb = /^\/members\/([^/]+)\/?$/.exec(pathname);
  if (mb) return { page: 'member', id: decodeURIComponent(mb[1]!) };
  if (/^\/health\/?$/.test(pathname)) return { page: 'health' };
  if (/^\/admin\/?$/.test(pathname)) return { page: 'admin' };
  if (/^\/sign-in\/?$/.test(pathname)) return { page: 'sign-in' };
  return { page: 'not-found' };
}

export const workflowPath = (id: string) => `/workflows/${encodeURIComponent(id)}`;
export const dashboardPath = (id: string) => `/workflows/${encodeURIComponent(id)}/dashboard`;
export const memberPath = (id: string) => `/members/${encodeURIComponent(id)}`;
