import type Router from '@koa/router';
import { importRoutes } from '@memberflow/shared/api/import-routes';
import type { ImportJobStatus } from '@memberflow/shared/api/member-admin';
import { importCdnow, importMembersCsv } from '../members/member-import.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError, notFound } from './http-error.ts';
import { mountRoute } from './mount-route.ts';

// The file is the body as text (the body reader refuses other charsets and broken compression).
const textBody = (what: string) => (body: unknown) => {
  if (typeof body !== 'string' || body.trim() === '') {
    throw new HttpError(400, { error: `Send the ${what} as the request body with content-type text/csv or text/plain` });
  }
  return body;
};

export function importsRoutes(router: Router, deps: AppDeps): void {
  const { db } = deps.engine;
  // Runs in the background: poll GET /api/v1/imports/:id for progress and per-row errors.
  mountRoute(router, importRoutes.members, async ({ body }) => ({ jobId: (await importMembersCsv(db, body)).jobId }), { readBody: textBody('CSV file') });
  mountRoute(router, importRoutes.cdnow, ({ body }) => importCdnow(db, body), { readBody: textBody('CDNOW file') });
  mountRoute(router, importRoutes.status, async ({ params }) => {
    const id = params.id!;
    const { rows } = /^[0-9a-f-]{36}$/i.test(id)
      ? await db.pool.query(
          `SELECT id, kind, status, total, processed, failed, errors, created_at AS "createdAt", finished_at AS "finishedAt" FROM import_job WHERE id = $1`,
          [id],
        )
      : { rows: [] };
    if (!rows[0]) throw notFound('Import');
    return rows[0] as ImportJobStatus;
  });
}
