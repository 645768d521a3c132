import { z } from 'zod';
import { ConditionGroup, describeCondition } from '../condition.ts';
import { defineNode } from '../node-module.ts';
import { conditionTierReferences } from '../node-references.ts';

export const SegmentTriggerConfig = z.object({
  /** A saved segment's key, or empty to use the inline condition. */
  segmentKey: z.string().max(80).default(''),
  condition: ConditionGroup,
});
export type SegmentTriggerConfig = z.infer<typeof SegmentTriggerConfig>;

/** Enters members when they start to match (were outside, are now inside). */
export const segmentTrigger = defineNode({
  kind: 'segment_trigger',
  group: 'trigger',
  fires: 'segment',
  segment: (c) => ({ segmentKey: c.segmentKey, condition: c.condition }),
  title: 'Segment entry',
  description: 'Starts a journey when a member enters a segment, e.g. becomes "at risk" by RFM or crosses 1,000 points.',
  config: SegmentTriggerConfig,
  defaults: () => ({
    segmentKey: '',
    condition: { type: 'group' as const, combinator: 'and' as const, rules: [{ type: 'field' as const, field: 'member.rfm.segment', op: 'eq' as const, value: 'at_risk' }] },
  }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c) => (c.segmentKey ? `enters segment ${c.segmentKey}` : `enters: ${describeCondition(c.condition)}`),
  compile: (_id, _c, ctx) => ({ always: { target: ctx.target('next') } }),
  references: (c) => [...(c.segmentKey ? [{ kind: 'segment' as const, key: c.segmentKey, field: 'segmentKey' }] : []), ...conditionTierReferences(c.condition, 'condition')],
});
