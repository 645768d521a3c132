import Router from '@koa/router';
import Koa from 'koa';
import { defineRoute } from '@memberflow/shared/api/route-contract';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpError } from '../src/api/http-error.ts';
import { mountRoute } from '../src/api/mount-route.ts';

const Answer = z.object({ count: z.number().int() });
const good = defineRoute<{ count: number }>()({ method: 'GET', path: '/good', access: 'read', query: z.object({ n: z.coerce.number('must be a number') }), answer: Answer });
const drifted = defineRoute<{ count: number }>()({ method: 'GET', path: '/drifted', access: 'read', answer: Answer });

async function serve(): Promise<{ url: string; close: () => void }> {
  const app = new Koa();
  app.use(async (ctx, next) => {
    try {
      await next();
    } catch (e) {
      ctx.status = e instanceof HttpError ? e.status : 500;
      ctx.body = e instanceof HttpError ? e.body : { error: (e as Error).message };
    }
  });
  const router = new Router();
  mountRoute(router, good, async ({ query }) => ({ count: query.n }));
  // A handler whose answer no longer fits its contract (as after a careless change).
  mountRoute(router, drifted, async () => ({ count: 'many' }) as unknown as { count: number });
  app.use(router.routes());
  const server = app.listen(0);
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

describe('route contracts', () => {
  it('parse the query (a 400 naming the field) and check the answer against its schema outside production', async () => {
    const { url, close } = await serve();
    try {
      expect(await (await fetch(`${url}/good?n=3`)).json()).toEqual({ count: 3 });
      const bad = await fetch(`${url}/good?n=x`);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { issues: { field: string }[] }).issues[0]!.field).toBe('n');
      const drift = await fetch(`${url}/drifted`);
      expect(drift.status).toBe(500);
      expect(((await drift.json()) as { error: string }).error).toContain('GET /drifted answered outside its contract: count');
    } finally {
      close();
    }
  });
});
