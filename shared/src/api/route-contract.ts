import type { z } from 'zod';
import type { Permission } from '../access.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `public`: no sign-in; `session`: any signed-in person (not an API key); otherwise the permission needed. */
export type RouteAccess = 'public' | 'session' | Permission;

/** What a route answers with; JSON unless said otherwise (exports, live streams, probes). */
export type RouteMediaType = 'application/json' | 'text/csv' | 'text/event-stream' | 'text/plain' | 'text/html' | '*/*';

/** Documentation beside the contract: OpenAPI is generated from it and the examples are tested. */
export interface RouteDocs {
  /** One line for the API reference; a default is made from the method and path. */
  summary?: string;
  description?: string;
  /** The success status when it is not 200 (201 created, 202 accepted, 204 no content). */
  status?: number;
  produces?: RouteMediaType;
  /** The request body's media type when it is not JSON (providers' form and XML callbacks). */
  consumes?: 'application/json' | 'application/x-www-form-urlencoded' | 'text/xml';
  /** Examples a test parses with the contract's own schemas, so the reference cannot show a wrong one. */
  example?: { body?: unknown; query?: Record<string, unknown>; answer?: unknown };
}

/**
 * One API route, defined once: the Koa router mounts it, the access table lists it and the
 * editor's client calls it from the same object, so the three cannot drift apart.
 * `Res` is the answer's type; it exists for the compiler only.
 */
export interface RouteContract<Body extends z.ZodType | null = z.ZodType | null, Query extends z.ZodType | null = z.ZodType | null, Res = unknown> {
  method: HttpMethod;
  /** Koa-style path with `:param` segments. */
  path: string;
  access: RouteAccess;
  body: Body;
  query: Query;
  /** Never set: carries the response type. */
  readonly response?: Res;
  /**
   * The answer's schema, where one is given: tests parse answers with it, and outside
   * production the router checks every answer against it (a drift is a 500 there, not in the field).
   */
  answer: z.ZodType | null;
  docs: RouteDocs;
}

/** `defineRoute<Answer>()({ … })`: the answer's type is given, body and query schemas are inferred. */
export function defineRoute<Res>() {
  return <Body extends z.ZodType | null = null, Query extends z.ZodType | null = null>(c: {
    method: HttpMethod;
    path: string;
    access: RouteAccess;
    body?: Body;
    query?: Query;
    answer?: z.ZodType<Res>;
  } & RouteDocs): RouteContract<Body, Query, Res> => {
    const { method, path, access, body, query, answer, ...docs } = c;
    return {
      method,
      path,
      access,
      body: (body ?? null) as Body,
      query: (query ?? null) as Query,
      answer: answer ?? null,
      docs,
    };
  };
}

/** The `"METHOD /path"` key the access table and its tests use. */
export const routeKey = (r: Pick<RouteContract, 'method' | 'path'>) => `${r.method} ${r.path}`;

/** Fills `:param` segments, each encoded. */
export function routePath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`missing route parameter ${name} for ${path}`);
    return encodeURIComponent(v);
  });
}

export type BodyOf<R> = R extends RouteContract<infer B, z.ZodType | null, unknown> ? (B extends z.ZodType ? z.input<B> : undefined) : never;
export type QueryOf<R> = R extends RouteContract<z.ZodType | null, infer Q, unknown> ? (Q extends z.ZodType ? z.input<Q> : undefined) : never;
export type ResponseOf<R> = R extends RouteContract<z.ZodType | null, z.ZodType | null, infer Res> ? Res : never;

/** The access table's rows (`"METHOD /path": permission`) for a set of contracts. */
export function accessTable(routes: Record<string, RouteContract>): Record<string, RouteAccess> {
  return Object.fromEntries(Object.values(routes).map((r) => [routeKey(r), r.access]));
}
