import type { NodeExecutor } from './node-executor.ts';

// Reaching a goal marks the journey converted (from the step outcome); nothing else happens here.
export const goalExecutor: NodeExecutor = { execute: () => {} };
