import { z } from 'zod';
import { defineNode, noPreview } from '../node-module.ts';

export const AdjustPointsConfig = z.object({
  mode: z.enum(['award', 'deduct']),
  points: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000_000),
  reason: z.string().min(1, 'say why, e.g. "birthday bonus"').max(200),
  /** Awarded points expire after this many days; 0 keeps the programme's default. */
  expiresInDays: z.number().int().min(0).max(3650).default(0),
});
export type AdjustPointsConfig = z.infer<typeof AdjustPointsConfig>;

export const adjustPoints = defineNode({
  kind: 'adjust_points',
  group: 'action',
  effect: { delivery: 'in_step', preview: noPreview },
  title: 'Award or deduct points',
  description: "Adds points to (or removes points from) the member's balance, with a reason in the points ledger.",
  config: AdjustPointsConfig,
  defaults: () => ({ mode: 'award' as const, points: 100, reason: 'Bonus points', expiresInDays: 0 }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c) => `${c.mode === 'award' ? '+' : '−'}${c.points} points (${c.reason})`,
  compile: (_id, _c, ctx) => ({ always: { target: ctx.target('next') } }),
});
