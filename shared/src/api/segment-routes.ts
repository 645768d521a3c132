import '../zod-messages.ts';
import { z } from 'zod';
import { ConditionGroup } from '../condition.ts';
import { MemberPage, MemberPageQuery } from './member-row.ts';
import { defineRoute } from './route-contract.ts';
import {
  CreateSegmentBody,
  SegmentCondition,
  SegmentPreviewQuery,
  UpdateSegmentBody,
  type Segment,
  type SegmentCount,
  type SegmentPreview,
} from './segments.ts';

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

/** A saved segment as the API answers it. */
export const SegmentAnswer: z.ZodType<Segment> = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  condition: ConditionGroup,
  memberCount: z.number().int(),
  countedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const SegmentPreviewAnswer: z.ZodType<SegmentPreview> = z.object({ members: z.array(PreviewMember), scanned: z.number().int() });
const SegmentCountAnswer: z.ZodType<SegmentCount> = z.object({
  count: z.number().int(),
  entered: z.number().int(),
  exited: z.number().int(),
  countedAt: z.string(),
});

export const segmentRoutes = {
  list: defineRoute<{ segments: Segment[] }>()({
    method: 'GET',
    path: '/api/v1/segments',
    summary: 'Saved segments',
    access: 'read',
    answer: z.object({ segments: z.array(SegmentAnswer) }),
  }),
  create: defineRoute<Segment>()({
    method: 'POST',
    path: '/api/v1/segments',
    summary: 'Save a segment',
    example: {
      body: {
        key: 'lapsed-vips',
        name: 'Lapsed VIPs',
        condition: {
          type: 'group',
          combinator: 'and',
          rules: [{ type: 'field', field: 'member.tags', op: 'contains', value: 'vip' }],
        },
      },
    },
    access: 'edit',
    body: CreateSegmentBody,
    answer: SegmentAnswer,
  }),
  get: defineRoute<Segment>()({
    method: 'GET',
    path: '/api/v1/segments/:key',
    summary: 'One saved segment',
    access: 'read',
    answer: SegmentAnswer,
  }),
  update: defineRoute<Segment>()({
    method: 'PUT',
    path: '/api/v1/segments/:key',
    summary: 'Change a saved segment',
    example: { body: { name: 'Lapsed VIPs (90 days)' } },
    access: 'edit',
    body: UpdateSegmentBody,
    answer: SegmentAnswer,
  }),
  remove: defineRoute<void>()({
    method: 'DELETE',
    path: '/api/v1/segments/:key',
    summary: 'Delete a saved segment',
    access: 'edit',
  }),
  preview: defineRoute<SegmentPreview>()({
    method: 'GET',
    path: '/api/v1/segments/:key/preview',
    summary: "A sample of a segment's members with why each matches",
    access: 'read',
    query: SegmentPreviewQuery,
    answer: SegmentPreviewAnswer,
  }),
  // Counting rewrites the segment's membership: a change, not a read.
  count: defineRoute<SegmentCount>()({
    method: 'POST',
    path: '/api/v1/segments/:key/count',
    summary: "Count a segment's members now",
    access: 'edit',
    answer: SegmentCountAnswer,
  }),
  // A POST for the condition in the body; it changes nothing, but analysts only GET, so it needs edit.
  evaluate: defineRoute<SegmentEvaluation>()({
    method: 'POST',
    path: '/api/v1/segments/evaluate',
    summary: 'Count and sample the members an unsaved condition matches',
    example: {
      body: {
        condition: {
          type: 'group',
          combinator: 'and',
          rules: [{ type: 'field', field: 'member.tags', op: 'contains', value: 'vip' }],
        },
        limit: 10,
      },
    },
    access: 'edit',
    body: EvaluateSegmentBody,
    answer: SegmentEvaluation,
  }),
  members: defineRoute<MemberPage>()({
    method: 'GET',
    path: '/api/v1/segments/:key/members',
    summary: "A segment's members, a page at a time",
    access: 'read',
    query: MemberPageQuery,
    answer: MemberPage,
  }),
  membersCsv: defineRoute<string>()({
    method: 'GET',
    path: '/api/v1/segments/:key/members.csv',
    summary: "A segment's members as CSV",
    access: 'read',
    answer: z.string(),
  }),
};
