import { z } from 'zod';
import { Duration, durationMs, formatDuration } from '../duration.ts';
import { defineNode } from '../node-module.ts';
import { onWake } from './wake-transition.ts';

export const WaitDurationConfig = z.object({ duration: Duration });
export type WaitDurationConfig = z.infer<typeof WaitDurationConfig>;

export const waitDuration = defineNode({
  kind: 'wait_duration',
  group: 'wait',
  title: 'Wait',
  description: 'Holds the member for a while (minutes to months). Durable: restarts and deploys do not lose it.',
  config: WaitDurationConfig,
  defaults: () => ({ duration: { amount: 7, unit: 'days' as const } }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c) => `wait ${formatDuration(c.duration)}`,
  compile: (nodeId, _c, ctx) => ({ on: onWake(nodeId, ctx.target('next')) }),
  wakeAt: (c, { at }) => at + durationMs(c.duration),
});
