import type Router from '@koa/router';
import { CreateSegmentBody, SegmentPreviewQuery, UpdateSegmentBody } from '@memberflow/shared/api/segments';
import { countSegment, previewSegment } from '../segments/segment-evaluate.ts';
import { createSegment, deleteSegment, getSegment, listSegments, updateSegment } from '../segments/segment-store.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError, notFound, parseBody } from './http-error.ts';

export function segmentsRoutes(router: Router, deps: AppDeps): void {
  const { pool } = deps.engine.db;
  // Keys in paths only ever reach SQL as parameters; an unknown or malformed one is a 404.
  const keyOf = (key: string | undefined) => key ?? '';

  router.get('/api/v1/segments', async (ctx) => {
    ctx.body = { segments: await listSegments(pool) };
  });
  router.post('/api/v1/segments', async (ctx) => {
    const body = parseBody(CreateSegmentBody, ctx.request.body);
    const created = await createSegment(pool, body);
    if (!created) throw new HttpError(409, { error: `A segment with key "${body.key}" exists`, issues: [{ field: 'key', message: 'is taken' }] });
    ctx.status = 201;
    ctx.body = created;
  });
  router.get('/api/v1/segments/:key', async (ctx) => {
    const s = await getSegment(pool, keyOf(ctx.params.key));
    if (!s) throw notFound('Segment');
    ctx.body = s;
  });
  router.put('/api/v1/segments/:key', async (ctx) => {
    const body = parseBody(UpdateSegmentBody, ctx.request.body);
    const s = await updateSegment(pool, keyOf(ctx.params.key), body);
    if (!s) throw notFound('Segment');
    ctx.body = s;
  });
  router.delete('/api/v1/segments/:key', async (ctx) => {
    if (!(await deleteSegment(pool, keyOf(ctx.params.key)))) throw notFound('Segment');
    ctx.status = 204;
  });
  router.get('/api/v1/segments/:key/preview', async (ctx) => {
    const q = parseBody(SegmentPreviewQuery, ctx.query, 'query');
    const s = await getSegment(pool, keyOf(ctx.params.key));
    if (!s) throw notFound('Segment');
    ctx.body = await previewSegment(pool, s.condition, q.limit, deps.engine.clock.now());
  });
  router.post('/api/v1/segments/:key/count', async (ctx) => {
    const r = await countSegment(pool, keyOf(ctx.params.key), deps.engine.clock.now());
    if (!r) throw notFound('Segment');
    ctx.body = r;
  });
}
