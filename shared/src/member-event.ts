import './zod-messages.ts';
import { z } from 'zod';
import { jsonInputIssues, notYearZero, textProblem, YEAR_ZERO_MESSAGE } from './json-input.ts';
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
  'card_issued',
  'card_renewed',
  'card_expiring',
  'card_lapsed',
  'card_cancelled',
  'coupon_redeemed',
  'message_delivered',
  'message_clicked',
  'reward_redeemed',
  'sign_in_streak',
] as const;

/** Text PostgreSQL can store: no NUL character, no unpaired surrogate. */
const storable = (s: z.ZodString) =>
  s.superRefine((v, ctx) => {
    const p = textProblem(v);
    if (p) ctx.addIssue({ code: 'custom', message: p });
  });

/** The largest purchase amount an event may carry (as the API's money fields). */
export const MAX_PURCHASE_AMOUNT = 100_000_000;

/**
 * A purchase's amount must be one the lane and the reports can count: a number, or a decimal
 * string such as "25.50", from 0 to MAX_PURCHASE_AMOUNT. Anything else would be stored and then
 * fail the member's lane (member totals overflow) or be counted differently by each reader.
 */
export function purchaseAmountProblem(amount: unknown): string | null {
  if (amount === undefined || amount === null) return null;
  const n =
    typeof amount === 'number'
      ? amount
      : typeof amount === 'string' && /^\s*-?[0-9]+(\.[0-9]+)?\s*$/.test(amount)
        ? Number(amount)
        : NaN;
  if (Number.isNaN(n)) return 'must be a number, e.g. 25.5';
  if (!(n >= 0 && n <= MAX_PURCHASE_AMOUNT)) return `must be from 0 to ${MAX_PURCHASE_AMOUNT.toLocaleString('en-US')}`;
  return null;
}

/** One event as sent to POST /api/v1/events. */
export const IngestEvent = z
  .object({
    type: EventType,
    memberId: storable(z.string().min(1, 'is required').max(128)),
    timestamp: z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time' }).refine(notYearZero, YEAR_ZERO_MESSAGE).optional(),
    properties: z
      .record(z.string(), z.unknown())
      .superRefine((props, ctx) => {
        for (const i of jsonInputIssues(props, { maxDepth: 32 }))
          ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
      })
      .default({}),
    idempotencyKey: storable(z.string().min(1).max(200)).optional(),
  })
  .superRefine((e, ctx) => {
    // Runs only on an otherwise valid event, but stays safe if zod ever runs it on a broken one.
    const props: unknown = e.properties;
    const p = e.type === 'purchase' && props !== null && typeof props === 'object' ? purchaseAmountProblem((props as Record<string, unknown>).amount) : null;
    if (p) ctx.addIssue({ code: 'custom', path: ['properties', 'amount'], message: p });
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
