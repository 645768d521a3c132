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
): void {
  const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  router[method](route.path, async (ctx) => {
    const body = (route.body ? parseBody(route.body, ctx.request.body ?? {}) : undefined) as Parsed<B>;
    const query = (route.query ? parseBody(route.query, ctx.query, 'query') : undefined) as Parsed<Q>;
    const answer = await handler({
      body,
      query,
      params: ctx.params as Record<string, string>,
      ctx: ctx as unknown as ParameterizedContext,
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
    ctx.body = answer;
  });
}
