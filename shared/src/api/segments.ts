import { z } from 'zod';
import { ConditionGroup } from '../condition.ts';
import { nonMemberFields } from '../segment-condition.ts';

export const SegmentKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1-64 lowercase letters, digits, "-" or "_" (e.g. big-spenders)');

/** A condition on members only: a segment has no trigger or latest event to read. */
export const SegmentCondition = ConditionGroup.superRefine((g, ctx) => {
  for (const bad of nonMemberFields(g)) {
    ctx.addIssue({ code: 'custom', path: bad.path, message: `a segment reads members only; "${bad.field}" needs a triggering event` });
  }
});

/** POST /api/v1/segments */
export const CreateSegmentBody = z.object({
  key: SegmentKey,
  name: z.string().trim().min(1, 'give the segment a name').max(120),
  description: z.string().max(2000).default(''),
  condition: SegmentCondition,
});
export type CreateSegmentBody = z.infer<typeof CreateSegmentBody>;

/** PUT /api/v1/segments/:key: any of name, description, condition. */
export const UpdateSegmentBody = z.object({
  name: z.string().trim().min(1, 'give the segment a name').max(120).optional(),
  description: z.string().max(2000).optional(),
  condition: SegmentCondition.optional(),
});
export type UpdateSegmentBody = z.infer<typeof UpdateSegmentBody>;

/** GET /api/v1/segments/:key/preview?limit=20 */
export const SegmentPreviewQuery = z.object({
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(200, 'must be at most 200').default(20),
});

export interface Segment {
  id: string;
  key: string;
  name: string;
  description: string;
  condition: ConditionGroup;
  memberCount: number;
  countedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SegmentPreview {
  members: { id: string; name: string | null; values: Record<string, unknown>; explanation: string }[];
  /** Members looked at to find them (all when fewer match than the limit). */
  scanned: number;
}

/** POST /api/v1/segments/:key/count */
export interface SegmentCount {
  count: number;
  entered: number;
  exited: number;
  countedAt: string;
}
