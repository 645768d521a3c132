import type Router from '@koa/router';
import { EventsQuery } from '@memberflow/shared/api/members';
import { IngestBatch, IngestEvent } from '@memberflow/shared/member-event';
import type { RuntimeConfig } from '../config.ts';
import { IdempotencyConflict, ingestEvents } from '../engine/ingest.ts';
import { auditRequest } from '../monitoring/audit.ts';
import { listEvents, retryEvent } from '../monitoring/quarantined-events.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError, notFound, parseBody } from './http-error.ts';

export function eventsRoutes(router: Router, deps: AppDeps): void {
  // One event, or {events: [...]} with up to 1,000. 202: stored, applied asynchronously.
  router.post('/api/v1/events', async (ctx) => {
    const body = ctx.request.body as unknown;
    const batch = body !== null && typeof body === 'object' && 'events' in body;
    const events = batch ? parseBody(IngestBatch, body, 'event batch').events : [parseBody(IngestEvent, body, 'event')];
    const field = (i: number, name: string) => (batch ? `events.${i}.${name}` : name);
    checkTimestamps(events, deps.engine.clock.now(), deps.config, field, batch ? 'event batch' : 'event');
    try {
      const result = await ingestEvents(deps.engine, deps.queue, events);
      ctx.status = 202;
      ctx.body = result.refusals
        ? { ...result, refusals: result.refusals.map((r) => ({ field: field(r.index, 'memberId'), memberId: r.memberId, message: r.reason })) }
        : result;
    } catch (e) {
      if (!(e instanceof IdempotencyConflict)) throw e;
      const issues = e.indexes.map((i) => ({
        field: field(i, 'idempotencyKey'),
        message: 'was already used by a different event (type, member, timestamp or properties differ); use a new key for a new event',
      }));
      throw new HttpError(409, { error: `Idempotency key conflict: ${issues[0]!.field} ${issues[0]!.message}; nothing was stored`, issues });
    }
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

/**
 * Timestamps must be plausible by the engine's clock: a year-9999 purchase would park a journey
 * for millennia, a year-0001 one would issue coupons that expired long ago. A 400 naming each field.
 */
function checkTimestamps(
  events: IngestEvent[],
  now: number,
  config: Pick<RuntimeConfig, 'eventMaxAgeMs' | 'eventMaxFutureMs'>,
  field: (i: number, name: string) => string,
  what: string,
): void {
  const earliest = now - config.eventMaxAgeMs;
  const latest = now + config.eventMaxFutureMs;
  const window = `from ${new Date(earliest).toISOString()} to ${new Date(latest).toISOString()} (EVENT_MAX_AGE_DAYS back, EVENT_MAX_FUTURE_HOURS ahead)`;
  const issues: { field: string; message: string }[] = [];
  events.forEach((e, i) => {
    if (e.timestamp === undefined) return;
    const at = Date.parse(e.timestamp);
    if (!(at >= earliest)) issues.push({ field: field(i, 'timestamp'), message: `is too far in the past: must be ${window}` });
    else if (!(at <= latest)) issues.push({ field: field(i, 'timestamp'), message: `is too far in the future: must be ${window}` });
  });
  if (issues.length) throw new HttpError(400, { error: `Invalid ${what}: ${issues[0]!.field} ${issues[0]!.message}`, issues: issues.slice(0, 50) });
}
