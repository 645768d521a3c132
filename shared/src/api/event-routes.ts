import '../zod-messages.ts';
import { z } from 'zod';
import { IngestBatch, IngestEvent } from '../member-event.ts';
import type { StoredEvent } from './member-records.ts';
import { EventsQuery } from './members.ts';
import { defineRoute } from './route-contract.ts';

/** One event, or `{events: [...]}` with up to 1,000. */
export const IngestBody = z.union([IngestBatch, IngestEvent]);

/** The answer to POST /api/v1/events: stored, applied asynchronously. */
export const IngestAnswer = z.object({
  accepted: z.number().int(),
  /** Events whose idempotency key was seen before with the same event: accepted once, not stored again. */
  duplicates: z.number().int(),
  /** Only when some were: events for erased members, not stored (erasure is final). */
  refused: z.number().int().optional(),
  refusals: z.array(z.object({ field: z.string(), memberId: z.string(), message: z.string() })).optional(),
});
export type IngestAnswer = z.infer<typeof IngestAnswer>;

const RetryAnswer = z.object({ seq: z.number().int(), memberId: z.string(), status: z.literal('pending') });

export const eventRoutes = {
  ingest: defineRoute<IngestAnswer>()({
    method: 'POST',
    path: '/api/v1/events',
    access: 'ingest',
    body: IngestBody,
    answer: IngestAnswer,
    status: 202,
    summary: 'Send one event or a batch of up to 1,000',
    description:
      'Stored, then applied in order per member. Timestamps must lie within EVENT_MAX_AGE_DAYS back and EVENT_MAX_FUTURE_HOURS ahead. ' +
      'An idempotencyKey seen before with the same event is a duplicate; with a different event it is a 409 and nothing is stored. ' +
      'The body may be gzip, deflate or br encoded; it must be UTF-8.',
    example: {
      body: { type: 'purchase', memberId: 'm-1001', timestamp: '2026-03-01T10:15:00+08:00', properties: { amount: 268, orderId: 'SO-20260301-17' }, idempotencyKey: 'SO-20260301-17' },
    },
  }),
  list: defineRoute<{ events: StoredEvent[] }>()({
    method: 'GET',
    path: '/api/v1/events',
    access: 'read',
    query: EventsQuery,
    summary: 'Events set aside after failing (the default) or still waiting for their lane',
  }),
  retry: defineRoute<z.infer<typeof RetryAnswer>>()({
    method: 'POST',
    path: '/api/v1/events/:seq/retry',
    access: 'edit',
    answer: RetryAnswer,
    summary: "Send a set-aside event back to its member's lane (after a fix)",
    description: '409 when the event is not set aside.',
  }),
};
