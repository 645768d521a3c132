import type Router from '@koa/router';
import { IngestBatch, IngestEvent } from '@memberflow/shared/member-event';
import { ingestEvents } from '../engine/ingest.ts';
import type { AppDeps } from './app-deps.ts';
import { parseBody } from './http-error.ts';

export function eventsRoutes(router: Router, deps: AppDeps): void {
  // One event, or {events: [...]} with up to 1,000. 202: stored, applied asynchronously.
  router.post('/api/v1/events', async (ctx) => {
    const body = ctx.request.body as unknown;
    const events =
      body !== null && typeof body === 'object' && 'events' in body
        ? parseBody(IngestBatch, body, 'event batch').events
        : [parseBody(IngestEvent, body, 'event')];
    ctx.status = 202;
    ctx.body = await ingestEvents(deps.engine, deps.queue, events);
  });
}
