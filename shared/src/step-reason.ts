import { formatDuration } from './duration.ts';
import type { CompiledJourney } from './journey-machine.ts';
import { TIMEOUT_EVENT } from './member-event.ts';
import { nodeModule } from './node-registry.ts';
import { WaitForEventConfig } from './nodes/wait-for-event.ts';

const labelOf = (c: CompiledJourney, id: string) => {
  const n = c.nodes.get(id);
  return n ? n.label || nodeModule(n.kind).title : id;
};

/**
 * Says in words why a journey moved, for the step log and the simulator's trace:
 * "No purchase within 30 days at "Wait for another purchase": took "After 30 days"".
 */
export function describeStep(c: CompiledJourney, fromNode: string | null, causeType: string, firstNode: string | undefined): string {
  if (fromNode === null) return `Entered: ${causeType} matched the trigger "${labelOf(c, c.trigger.id)}"`;
  const edge = c.definition.edges.find((e) => e.source === fromNode && e.target === firstNode);
  const from = c.nodes.get(fromNode);
  const mod = from ? nodeModule(from.kind) : undefined;
  const handle = from && mod && edge ? mod.outputs(mod.config.parse(from.config)).find((h) => h.id === edge.sourceHandle)?.label : undefined;
  const branch = handle ? `: took "${handle}"` : '';
  if (causeType === TIMEOUT_EVENT && from?.kind === 'wait_for_event') {
    const cfg = WaitForEventConfig.parse(from.config);
    return `No ${cfg.eventType} within ${formatDuration(cfg.timeout)} at "${labelOf(c, fromNode)}"${branch}`;
  }
  return `${causeType} arrived while at "${labelOf(c, fromNode)}"${branch}`;
}
