import type Router from '@koa/router';
import { importCdnow, importMembersCsv } from '../members/member-import.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError, notFound } from './http-error.ts';

function textBody(body: unknown, what: string): string {
  if (typeof body !== 'string' || body.trim() === '') {
    throw new HttpError(400, { error: `Send the ${what} as the request body with content-type text/csv or text/plain` });
  }
  return body;
}

export function importsRoutes(router: Router, deps: AppDeps): void {
  const { db } = deps.engine;
  // Runs in the background: poll GET /api/v1/imports/:id for progress and per-row errors.
  router.post('/api/v1/imports/members', async (ctx) => {
    const { jobId } = await importMembersCsv(db, textBody(ctx.request.body, 'CSV file'));
    ctx.status = 202;
    ctx.body = { jobId };
  });
  router.post('/api/v1/imports/cdnow', async (ctx) => {
    ctx.status = 201;
    ctx.body = await importCdnow(db, textBody(ctx.request.body, 'CDNOW file'));
  });
  router.get('/api/v1/imports/:id', async (ctx) => {
    const id = ctx.params.id!;
    const { rows } = /^[0-9a-f-]{36}$/i.test(id)
      ? await db.pool.query(
          `SELECT id, kind, status, total, processed, failed, errors, created_at AS "createdAt", finished_at AS "finishedAt" FROM import_job WHERE id = $1`,
          [id],
        )
      : { rows: [] };
    if (!rows[0]) throw notFound('Import');
    ctx.body = rows[0];
  });
}
