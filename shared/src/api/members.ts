import '../zod-messages.ts';
import { z } from 'zod';
import { jsonInputIssues, notYearZero, YEAR_ZERO_MESSAGE } from '../json-input.ts';
import { isValidTimeZone } from '../time-zone.ts';
import type { StandingReasonParts } from '../runner/time-triggers.ts';

const MemberId = z.string().min(1, 'is required').max(128).regex(/^[^\s/?#]+$/, 'may not contain spaces, "/", "?" or "#"');

const memberFields = {
  name: z.string().max(200).nullable().optional(),
  phone: z.string().max(40).regex(/^\+?[0-9 ()-]{3,}$/, 'must be a phone number').nullable().optional(),
  email: z.email('must be an email address').max(254).nullable().optional(),
  birthday: z.iso.date('must be a date like 1990-06-15').refine(notYearZero, YEAR_ZERO_MESSAGE).nullable().optional(),
  timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone, e.g. Asia/Shanghai').optional(),
  locale: z.string().max(20).nullable().optional(),
  joinedAt: z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time' }).refine(notYearZero, YEAR_ZERO_MESSAGE).nullable().optional(),
  tags: z.array(z.string().min(1).max(60)).max(100).optional(),
  /** Per-channel consent: false means never use that channel. */
  consents: z.partialRecord(z.enum(['sms', 'email', 'wechat', 'push', 'webhook']), z.boolean()).optional(),
  attributes: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'attribute names: letters, digits and "_"'), z.unknown()).optional(),
};

// Text PostgreSQL can store and attributes shallow enough to walk, for the API and CSV imports alike.
function checkStorable(m: object, ctx: z.RefinementCtx): void {
  for (const i of jsonInputIssues(m, { maxDepth: 32 })) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
}

/** A member as the brand's systems send it; omitted fields are left as they are. */
export const MemberInput = z.object({ id: MemberId, ...memberFields }).superRefine(checkStorable);
/** PUT /api/v1/members/:id: a member without its id (the path names it). */
export const MemberBody = z.object(memberFields).superRefine(checkStorable);
export type MemberInput = z.infer<typeof MemberInput>;

export const MemberBatch = z.object({ members: z.array(MemberInput).min(1, 'send at least one member').max(1000, 'at most 1,000 members per request') });

export const MemberSearch = z.object({
  q: z.string().max(200).optional(),
  tier: z.string().max(40).optional(),
  tag: z.string().max(60).optional(),
  rfmSegment: z.string().max(40).optional(),
  /** Members after this id (keyset paging: pass the previous page's `next`). */
  after: z.string().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type MemberSearch = z.infer<typeof MemberSearch>;

export const MemberEventsQuery = z.object({
  type: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** GET /api/v1/events: unprocessed events across members, newest first: set aside after failing (with the error), or pending. */
export const EventsQuery = z.object({
  status: z.enum(['failed', 'pending']).default('failed'),
  memberId: z.string().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type EventsQuery = z.infer<typeof EventsQuery>;

/** GET /api/v1/members/:id/journeys `refusals`: a workflow whose trigger matched but whose entry rule kept the member out (latest). */
export interface EntryRefusal {
  workflowId: string;
  workflowName: string;
  at: string;
  cause: string;
  reason: string;
}

/**
 * GET /api/v1/members/:id/journeys `standings`: a live time- or segment-triggered workflow the member
 * is not in, and why, e.g. "enters on 2027-03-01 if no purchase before: 90 days after the last purchase".
 */
export interface TriggerStanding {
  workflowId: string;
  workflowName: string;
  reason: string;
  /** The reason as a message key and values, for the editor to say in the user's language. */
  reasonParts: StandingReasonParts;
  /** The member's next moment (ISO), or null when there is none. */
  next: string | null;
}
