import { formatDuration } from './duration.ts';
import { GOAL_EXIT_STATE, HOLDOUT_STATE, type CompiledJourney, type JourneyContext } from './journey-machine.ts';
import { TIMEOUT_EVENT, type JourneyEvent } from './member-event.ts';
import { emptyMember } from './member-facts.ts';
import { nodeModule } from './node-registry.ts';
import { WaitForEventConfig } from './nodes/wait-for-event.ts';

const labelOf = (c: CompiledJourney, id: string) => {
  const n = c.nodes.get(id);
  return n ? n.label || nodeModule(n.kind).title : id;
};

function handleLabel(c: CompiledJourney, from: string, to: string | undefined): string | undefined {
  const node = c.nodes.get(from);
  const edge = c.definition.edges.find((e) => e.source === from && e.target === to);
  if (!node || !edge) return undefined;
  const mod = nodeModule(node.kind);
  return mod.outputs(mod.config.parse(node.config)).find((h) => h.id === edge.sourceHandle)?.label;
}

export interface StepToExplain {
  fromNode: string | null;
  event: JourneyEvent;
  path: readonly string[];
  /** Where the journey ended up and its context after the step. */
  value: string;
  context: JourneyContext;
}

/**
 * Says in words why a journey moved, for the step log and the simulator's trace, e.g.
 * `No purchase within 30 days at "Wait": took "After 30 days". "VIP?": Yes (member.tier = "gold" ...)`.
 * Decisions are re-derived from the same facts the guards saw.
 */
export function explainStep(c: CompiledJourney, s: StepToExplain): string {
  const parts: string[] = [];
  const cause = s.event.type;
  if (s.fromNode === null) {
    const trig = nodeModule(c.trigger.kind);
    parts.push(trig.group === 'trigger' && trig.fires === 'event' ? `Entered: ${cause} matched the trigger "${labelOf(c, c.trigger.id)}"` : `Entered: "${labelOf(c, c.trigger.id)}" fired`);
  } else {
    const from = c.nodes.get(s.fromNode);
    const branch = handleLabel(c, s.fromNode, s.path[0]);
    const took = branch ? `: took "${branch}"` : '';
    if (cause === TIMEOUT_EVENT && from?.kind === 'wait_for_event') {
      const cfg = WaitForEventConfig.parse(from.config);
      parts.push(`No ${cfg.eventType} within ${formatDuration(cfg.timeout)} at "${labelOf(c, s.fromNode)}"${took}`);
    } else if (cause === TIMEOUT_EVENT) {
      parts.push(`Wait "${labelOf(c, s.fromNode)}" ended${took}`);
    } else if (s.value === GOAL_EXIT_STATE && s.path.length === 0) {
      parts.push(`${cause} is the workflow's goal: left as converted`);
    } else {
      parts.push(`${cause} arrived while at "${labelOf(c, s.fromNode)}"${took}`);
    }
  }
  const facts = { member: s.event.member ?? emptyMember('unknown'), trigger: s.context.trigger.properties, event: s.event.properties, now: s.event.at, seed: s.context.seed };
  for (const id of s.path) {
    const n = c.nodes.get(id)!;
    const mod = nodeModule(n.kind);
    if (mod.group !== 'logic') continue;
    const d = mod.decide(id, mod.config.parse(n.config), { ...facts, visit: s.context.visits[id] ?? 0 });
    parts.push(`"${labelOf(c, id)}" → ${handleLabel(c, id, s.path[s.path.indexOf(id) + 1]) ?? d.handle}: ${d.reason}`);
  }
  if (s.value === HOLDOUT_STATE) parts.push(`held out (holdout ${c.definition.settings.holdoutPercent}%): no actions, counted for lift`);
  return parts.join('. ');
}
