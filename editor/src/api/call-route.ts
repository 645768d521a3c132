import { routePath, type BodyOf, type QueryOf, type ResponseOf, type RouteContract } from '@memberflow/shared/api/route-contract';
import { requestJson } from './http.ts';

interface CallOptions<R> {
  params?: Record<string, string>;
  body?: BodyOf<R>;
  query?: QueryOf<R>;
  signal?: AbortSignal;
}

/** Calls a route by its shared contract: path, method and the answer's type come from the one definition. */
export function callRoute<R extends RouteContract>(route: R, opts: CallOptions<R> = {}): Promise<ResponseOf<R>> {
  let path = routePath(route.path, opts.params);
  if (opts.query) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(opts.query as Record<string, unknown>))
      if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
    const s = q.toString();
    if (s) path += `?${s}`;
  }
  return requestJson(route.method, path, route.method === 'GET' ? undefined : (opts.body ?? {}), opts.signal);
}
