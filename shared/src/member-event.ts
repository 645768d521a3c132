import './zod-messages.ts';
import { z } from 'zod';
import type { MemberFacts } from './member-facts.ts';

export const EventType = z
  .string()
  .min(1, 'is required')
  .max(64)
  .regex(/^[a-z][a-z0-9_.]*$/, 'must be lowercase letters, digits, "_" or "." (e.g. purchase)')
  .refine((t) => !t.startsWith('mf.'), 'the "mf." prefix is reserved for the engine');

/** Event types the runtime knows by name; any other valid name is a custom event. */
export const knownEventTypes = [
  'purchase',
  'signup',
  'recharge',
  'sign_in',
  'referral',
  'points_changed',
  'tier_changed',
  'coupon_redeemed',
  'message_clicked',
] as const;

/** One event as sent to POST /api/v1/events. */
export const IngestEvent = z.object({
  type: EventType,
  memberId: z.string().min(1, 'is required').max(128),
  timestamp: z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time' }).optional(),
  properties: z.record(z.string(), z.unknown()).default({}),
  idempotencyKey: z.string().min(1).max(200).optional(),
});
export type IngestEvent = z.infer<typeof IngestEvent>;

export const IngestBatch = z.object({
  events: z
    .array(IngestEvent)
    .min(1, 'send at least one event')
    .max(1000, 'at most 1,000 events per request'),
});
export type IngestBatch = z.infer<typeof IngestBatch>;

/** An event as a journey machine sees it: a member event or the engine's own wake-up. */
export type JourneyEvent = {
  type: string;
  at: number;
  properties: Record<string, unknown>;
  /** Set on the engine's `mf.timeout` event: which wait, and which visit of it, is due. */
  nodeId?: string;
  visit?: number;
  /** The member as of this event, for conditions and time waits; loaded fresh for every step. */
  member?: MemberFacts;
};

export const TIMEOUT_EVENT = 'mf.timeout';
