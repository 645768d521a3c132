import { durationMs } from '@memberflow/shared/duration';
import { WaitForEventConfig } from '@memberflow/shared/nodes/wait-for-event';
import type { NodeExecutor } from './node-executor.ts';

/** A durable wait: the wake-up time lives in Postgres; the sweep moves it into the queue when due. */
export const waitForEventExecutor: NodeExecutor = {
  execute: ({ journey, action, at }) => {
    const config = WaitForEventConfig.parse(action.config);
    journey.wakeAt = at + durationMs(config.timeout);
  },
};
