import type { z } from 'zod';
import type { Permission } from '../access.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API route, defined once: the Koa router mounts it, the access table lists it and the
 * editor's client calls it from the same object, so the three cannot drift apart.
 * `Res` is the answer's type; it exists for the compiler only.
 */
export interface RouteContract<Body extends z.ZodType | null = z.ZodType | null, Query extends z.ZodType | null = z.ZodType | null, Res = unknown> {
  method: HttpMethod;
  /** Koa-style path with `:param` segments. */
  path: string;
  access: Permission;
  body: Body;
  query: Query;
  /** Never set: carries the response type. */
  readonly response?: Res;
  /**
   * The answer's schema, where one is given: tests parse answers with it, and outside
   * production the router checks every answer against it (a drift is a 500 there, not in the field).
   */
  answer: z.ZodType | null;
}

/** `defineRoute<Answer>()({ … })`: the answer's type is given, body and query schemas are inferred. */
export function defineRoute<Res>() {
  return <Body extends z.ZodType | null = null, Query extends z.ZodType | null = null>(c: {
    method: HttpMethod;
    path: string;
    access: Permission;
    body?: Body;
    query?: Query;
    answer?: z.ZodType<Res>;
  }): RouteContract<Body, Query, Res> => ({
    method: c.method,
    path: c.path,
    access: c.access,
    body: (c.body ?? null) as Body,
    query: (c.query ?? null) as Query,
    answer: c.answer ?? null,
  });
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
export function accessTable(routes: Record<string, RouteContract>): Record<string, Permission> {
  return Object.fromEntries(Object.values(routes).map((r) => [routeKey(r), r.access]));
}
