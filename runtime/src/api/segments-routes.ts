import type Router from '@koa/router';
import { segmentRoutes } from '@memberflow/shared/api/segment-routes';
import { countSegment, previewSegment } from '../segments/segment-evaluate.ts';
import { createSegment, deleteSegment, getSegment, listSegments, updateSegment } from '../segments/segment-store.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError, notFound } from './http-error.ts';
import { mountRoute } from './mount-route.ts';

/** Saved segments, mounted from their shared contracts (the Segments page's other routes are in insights-routes.ts). */
export function segmentsRoutes(router: Router, deps: AppDeps): void {
  const { pool } = deps.engine.db;
  // Keys in paths only ever reach SQL as parameters; an unknown or malformed one is a 404.
  const keyOf = (params: Record<string, string>) => params.key ?? '';
  const found = <T>(x: T | null): T => {
    if (!x) throw notFound('Segment');
    return x;
  };

  mountRoute(router, segmentRoutes.list, async () => ({ segments: await listSegments(pool) }));
  mountRoute(router, segmentRoutes.create, async ({ body, ctx }) => {
    const created = await createSegment(pool, body);
    if (!created) throw new HttpError(409, { error: `A segment with key "${body.key}" exists`, issues: [{ field: 'key', message: 'is taken' }] });
    ctx.status = 201;
    return created;
  });
  mountRoute(router, segmentRoutes.get, async ({ params }) => found(await getSegment(pool, keyOf(params))));
  mountRoute(router, segmentRoutes.update, async ({ params, body }) => found(await updateSegment(pool, keyOf(params), body)));
  mountRoute(router, segmentRoutes.remove, async ({ params, ctx }) => {
    if (!(await deleteSegment(pool, keyOf(params)))) throw notFound('Segment');
    ctx.status = 204;
  });
  mountRoute(router, segmentRoutes.preview, async ({ params, query }) => {
    const s = found(await getSegment(pool, keyOf(params)));
    return previewSegment(pool, s.condition, query.limit, deps.engine.clock.now());
  });
  mountRoute(router, segmentRoutes.count, async ({ params }) => found(await countSegment(pool, keyOf(params), deps.engine.clock.now())));
}
