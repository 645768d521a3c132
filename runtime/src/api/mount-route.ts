import type Router from '@koa/router';
import type { RouteContract } from '@memberflow/shared/api/route-contract';
import type { ParameterizedContext } from 'koa';
import type { z } from 'zod';
import { parseBody } from './http-error.ts';

type Parsed<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface RouteInput<B, Q> {
  body: B;
  query: Q;
  params: Record<string, string>;
  ctx: ParameterizedContext;
}

export interface MountOptions<B> {
  /**
   * For a body with its own reading (several shapes with their own error wording, or a text file):
   * replaces the parse with the contract's schema, which then only documents the body.
   */
  readBody?: (raw: unknown, ctx: ParameterizedContext) => B | Promise<B>;
}

// Outside production every answer is checked against its contract's schema, so tests catch drift.
const checkAnswers = process.env.NODE_ENV !== 'production';

/**
 * Mounts a shared route contract: its body and query are parsed with the contract's schemas
 * (a 400 naming the field), and the handler's answer is typed by the contract.
 */
export function mountRoute<B extends z.ZodType | null, Q extends z.ZodType | null, Res>(
  router: Router,
  route: RouteContract<B, Q, Res>,
  handler: (input: RouteInput<Parsed<B>, Parsed<Q>>) => Promise<Res>,
  options: MountOptions<Parsed<B>> = {},
): void {
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  router[method](route.path, async (ctx) => {
    const raw: unknown = ctx.request.body ?? {};
    const c = ctx as unknown as ParameterizedContext;
    const body = (options.readBody ? await options.readBody(raw, c) : route.body ? parseBody(route.body, raw) : undefined) as Parsed<B>;
    const query = (route.query ? parseBody(route.query, ctx.query, 'query') : undefined) as Parsed<Q>;
    const answer = await handler({
      body,
      query,
      params: ctx.params as Record<string, string>,
      ctx: c,
    });
    if (route.answer && checkAnswers) {
      const r = route.answer.safeParse(answer);
      if (!r.success)
        throw new Error(
          `${route.method} ${route.path} answered outside its contract: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
        );
    }
    if (route.docs.status) ctx.status = route.docs.status;
    if (route.docs.produces && route.docs.produces !== 'application/json' && !ctx.type) ctx.type = route.docs.produces;
    // A stream (or a handler that wrote its own body) answers undefined: its body stays.
    if (answer !== undefined || ctx.body == null) ctx.body = answer;
  });
}
