import { TIMEOUT_EVENT } from '../member-event.ts';
import type { CompiledState } from '../node-module.ts';

/** A time wait leaves on its own wake-up only: stale wake-ups of earlier visits are ignored. */
export function onWake(nodeId: string, target: string): CompiledState['on'] {
  return { [TIMEOUT_EVENT]: [{ target, guard: { type: 'isCurrentWake', params: { nodeId } } }] };
}
