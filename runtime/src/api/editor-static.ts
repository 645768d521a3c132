import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type Koa from 'koa';
import serve from 'koa-static';
import send from 'koa-send';

/** Serves the built editor; unknown non-API paths get index.html so client-side routes work. */
export function editorStatic(dist: string): Koa.Middleware {
  const files = serve(dist, { maxage: 0 });
  return async (ctx, next) => {
    if (ctx.path.startsWith('/api/') || ctx.method !== 'GET') return next();
    await files(ctx, async () => {});
    if (ctx.body != null || ctx.status !== 404) return;
    if (!existsSync(join(dist, 'index.html'))) {
      ctx.status = 503;
      ctx.body = 'The editor is not built yet: run `npm run build -w @memberflow/editor` (npm start does this).';
      return;
    }
    await send(ctx, 'index.html', { root: dist });
  };
}
