import '../zod-messages.ts';
import { z } from 'zod';
import { MemberPage, MemberPageQuery } from './member-row.ts';
import { defineRoute } from './route-contract.ts';
import { SegmentCondition } from './segments.ts';

export const PreviewMember = z.object({
  id: z.string(),
  name: z.string().nullable(),
  /** The value of every field and metric the condition reads. */
  values: z.record(z.string(), z.unknown()),
  /** Why the member matches, in the trace's words. */
  explanation: z.string(),
});

/** A condition being edited: how many members match now, and the first few with why. */
export const EvaluateSegmentBody = z.object({
  condition: SegmentCondition,
  limit: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(50, 'must be at most 50').default(10),
});
export type EvaluateSegmentBody = z.input<typeof EvaluateSegmentBody>;

export const SegmentEvaluation = z.object({
  count: z.number().int(),
  /** Members looked at: all of them. */
  scanned: z.number().int(),
  members: z.array(PreviewMember),
  evaluatedAt: z.string(),
});
export type SegmentEvaluation = z.infer<typeof SegmentEvaluation>;

export const segmentRoutes = {
  // A POST for the condition in the body; it changes nothing, but analysts only GET, so it needs edit.
  evaluate: defineRoute<SegmentEvaluation>()({ method: 'POST', path: '/api/v1/segments/evaluate', access: 'edit', body: EvaluateSegmentBody, answer: SegmentEvaluation }),
  members: defineRoute<MemberPage>()({ method: 'GET', path: '/api/v1/segments/:key/members', access: 'read', query: MemberPageQuery, answer: MemberPage }),
  membersCsv: defineRoute<string>()({ method: 'GET', path: '/api/v1/segments/:key/members.csv', access: 'read', answer: z.string() }),
};
