import type { NodeExecutor } from './node-executor.ts';

// Entry itself is the journey row and its first step-log row; nothing else to do.
export const eventTriggerExecutor: NodeExecutor = { execute: () => {} };
