export type Route = { page: 'list' } | { page: 'workflow'; id: string } | { page: 'not-found' };

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'list' };
  const m = /^\/workflows\/([^/]+)\/?$/.exec(pathname);
  if (m) return { page: 'workflow', id: decodeURIComponent(m[1]!) };
  return { page: 'not-found' };
}

export const workflowPath = (id: string) => `/workflows/${encodeURIComponent(id)}`;
