import { moduleOfGroup } from '../../node-module.ts';
import type { NodeExecutor } from './node-executor.ts';

/**
 * Every wait: the wake-up time comes from the node module (shared with the simulator) and is
 * stored in Postgres; the sweep moves it into the queue when due.
 */
export const timeWaitExecutor: NodeExecutor = {
  execute: ({ journey, action, at, member, module }) => {
    journey.wakeAt = moduleOfGroup(module, 'wait').wakeAt(action.config, { at, member });
  },
};
