import { z } from 'zod';
import { defineNode } from '../node-module.ts';

export const GoalConfig = z.object({
  goal: z.string().min(1, 'name the goal, e.g. "Second purchase"').max(200),
});
export type GoalConfig = z.infer<typeof GoalConfig>;

/** Ends the journey as converted: reporting counts members who reach a goal node. */
export const goal = defineNode({
  kind: 'goal',
  group: 'end',
  outcome: 'converted',
  title: 'Goal reached',
  description: 'Ends the journey and counts the member as converted.',
  config: GoalConfig,
  defaults: () => ({ goal: 'Converted' }),
  outputs: () => [],
  summary: (c) => c.goal,
  compile: () => ({ type: 'final' }),
});
