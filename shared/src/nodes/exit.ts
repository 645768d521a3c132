import { z } from 'zod';
import { defineNode } from '../node-module.ts';

export const ExitConfig = z.object({
  reason: z.string().min(1, 'say why the journey ends here').max(200),
});
export type ExitConfig = z.infer<typeof ExitConfig>;

export const exit = defineNode({
  kind: 'exit',
  group: 'end',
  outcome: 'completed',
  title: 'Exit',
  description: 'Ends the journey here and records why.',
  config: ExitConfig,
  defaults: () => ({ reason: 'Journey finished' }),
  outputs: () => [],
  summary: (c) => c.reason,
  compile: () => ({ type: 'final' }),
});
