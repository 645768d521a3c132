import type Router from '@koa/router';
import { EventsQuery } from '@memberflow/shared/api/members';
import { IngestBatch, IngestEvent } from '@memberflow/shared/member-event';
import { ingestEvents } from '../engine/ingest.ts';
import { auditRequest } from '../monitoring/audit.ts';
import { listEvents, retryEvent } from '../monitoring/quarantined-events.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError, notFound, parseBody } from './http-error.ts';

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
  // Events set aside after failing (`?status=failed`, the default) or still waiting for their lane (`pending`).
  router.get('/api/v1/events', async (ctx) => {
    ctx.body = { events: await listEvents(deps.engine.db, parseBody(EventsQuery, ctx.query, 'query')) };
  });
  // After a fix: the set-aside event goes back to its member's lane (audited).
  router.post('/api/v1/events/:seq/retry', async (ctx) => {
    const r = await retryEvent(deps.engine.db, deps.queue, ctx.params.seq!);
    if (r.status === 'not-found') throw notFound('Event');
    if (r.status === 'not-failed')
      throw new HttpError(409, {
        error: `Event ${ctx.params.seq} is ${r.state}, not set aside: only failed events can be retried`,
      });
    await auditRequest(ctx, deps.engine.db.pool, 'event.retry', 'event', String(r.seq), {
      memberId: r.memberId,
      attempts: r.attempts,
      error: r.error,
    });
    ctx.body = { seq: r.seq, memberId: r.memberId, status: 'pending' };
  });
}
