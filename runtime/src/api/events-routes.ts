import type Router from '@koa/router';
import { eventRoutes } from '@memberflow/shared/api/event-routes';
import { IngestBatch, IngestEvent } from '@memberflow/shared/member-event';
import type { RuntimeConfig } from '../config.ts';
import { IdempotencyConflict, ingestEvents } from '../engine/ingest.ts';
import { auditRequest } from '../monitoring/audit.ts';
import { listEvents, retryEvent } from '../monitoring/quarantined-events.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError, notFound, parseBody } from './http-error.ts';
import { mountRoute } from './mount-route.ts';

export function eventsRoutes(router: Router, deps: AppDeps): void {
  // One event, or {events: [...]} with up to 1,000. 202: stored, applied asynchronously.
  mountRoute(
    router,
    eventRoutes.ingest,
    async ({ body }) => {
      const batch = 'events' in body;
      const events = batch ? body.events : [body];
      const field = (i: number, name: string) => (batch ? `events.${i}.${name}` : name);
      checkTimestamps(events, deps.engine.clock.now(), deps.config, field, batch ? 'event batch' : 'event');
      try {
        const { refusals, ...counts } = await ingestEvents(deps.engine, deps.queue, events);
        return refusals ? { ...counts, refusals: refusals.map((r) => ({ field: field(r.index, 'memberId'), memberId: r.memberId, message: r.reason })) } : counts;
      } catch (e) {
        if (!(e instanceof IdempotencyConflict)) throw e;
        const issues = e.indexes.map((i) => ({
          field: field(i, 'idempotencyKey'),
          message: 'was already used by a different event (type, member, timestamp or properties differ); use a new key for a new event',
        }));
        throw new HttpError(409, { error: `Idempotency key conflict: ${issues[0]!.field} ${issues[0]!.message}; nothing was stored`, issues });
      }
    },
    // A batch or one event, each with its own wording and field names (events.3.timestamp), not a union's.
    { readBody: (raw) => (isBatch(raw) ? parseBody(IngestBatch, raw, 'event batch') : parseBody(IngestEvent, raw, 'event')) },
  );
  // Events set aside after failing (`?status=failed`, the default) or still waiting for their lane (`pending`).
  mountRoute(router, eventRoutes.list, async ({ query }) => ({ events: await listEvents(deps.engine.db, query) }));
  // After a fix: the set-aside event goes back to its member's lane (audited).
  mountRoute(router, eventRoutes.retry, async ({ params, ctx }) => {
    const r = await retryEvent(deps.engine.db, deps.queue, params.seq!);
    if (r.status === 'not-found') throw notFound('Event');
    if (r.status === 'not-failed')
      throw new HttpError(409, {
        error: `Event ${params.seq} is ${r.state}, not set aside: only failed events can be retried`,
      });
    await auditRequest(ctx, deps.engine.db.pool, 'event.retry', 'event', String(r.seq), {
      memberId: r.memberId,
      attempts: r.attempts,
      error: r.error,
    });
    return { seq: r.seq, memberId: r.memberId, status: 'pending' as const };
  });
}

const isBatch = (body: unknown) => body !== null && typeof body === 'object' && 'events' in body;

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
