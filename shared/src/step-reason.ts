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

/** The output a step left by, toward `to`: its id and the module's (English) label. */
function handleOf(c: CompiledJourney, from: string, to: string | undefined): { id: string; label: string } | undefined {
  const node = c.nodes.get(from);
  const edge = c.definition.edges.find((e) => e.source === from && e.target === to);
  if (!node || !edge) return undefined;
  const mod = nodeModule(node.kind);
  const label = mod.outputs(mod.config.parse(node.config)).find((h) => h.id === edge.sourceHandle)?.label;
  return label === undefined ? undefined : { id: edge.sourceHandle, label };
}

/**
 * One sentence of a step's explanation: a message key and its values for a client that says it
 * in the user's language, and the English the logs and stored traces keep.
 */
export interface ReasonPart {
  key: string;
  vars: Record<string, string | number>;
  text: string;
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
  return explainStepParts(c, s)
    .map((p) => p.text)
    .join('. ');
}

/** explainStep, sentence by sentence, each with its key and values (node ids let a client name outputs itself). */
export function explainStepParts(c: CompiledJourney, s: StepToExplain): ReasonPart[] {
  const parts: ReasonPart[] = [];
  const cause = s.event.type;
  if (s.fromNode === null) {
    const trig = nodeModule(c.trigger.kind);
    const node = labelOf(c, c.trigger.id);
    parts.push(
      trig.group === 'trigger' && trig.fires === 'event'
        ? { key: 'enteredOnEvent', vars: { event: cause, node }, text: `Entered: ${cause} matched the trigger "${node}"` }
        : { key: 'enteredFired', vars: { node }, text: `Entered: "${node}" fired` },
    );
  } else {
    const from = c.nodes.get(s.fromNode);
    const node = labelOf(c, s.fromNode);
    const branch = handleOf(c, s.fromNode, s.path[0]);
    const took = branch ? `: took "${branch.label}"` : '';
    const via = { nodeId: s.fromNode, handle: branch?.id ?? '', branch: branch?.label ?? '' };
    if (cause === TIMEOUT_EVENT && from?.kind === 'wait_for_event') {
      const cfg = WaitForEventConfig.parse(from.config);
      const vars = { ...via, event: cfg.eventType, amount: cfg.timeout.amount, unit: cfg.timeout.unit, node };
      parts.push({ key: 'noEventWithin', vars, text: `No ${cfg.eventType} within ${formatDuration(cfg.timeout)} at "${node}"${took}` });
    } else if (cause === TIMEOUT_EVENT) {
      parts.push({ key: 'waitEnded', vars: { ...via, node }, text: `Wait "${node}" ended${took}` });
    } else if (s.value === GOAL_EXIT_STATE && s.path.length === 0) {
      parts.push({ key: 'goalReached', vars: { event: cause }, text: `${cause} is the workflow's goal: left as converted` });
    } else {
      parts.push({ key: 'arrived', vars: { ...via, event: cause, node }, text: `${cause} arrived while at "${node}"${took}` });
    }
  }
  const facts = { member: s.event.member ?? emptyMember('unknown'), trigger: s.context.trigger.properties, event: s.event.properties, now: s.event.at, seed: s.context.seed };
  for (const id of s.path) {
    const n = c.nodes.get(id)!;
    const mod = nodeModule(n.kind);
    if (mod.group !== 'logic') continue;
    const d = mod.decide(id, mod.config.parse(n.config), { ...facts, visit: s.context.visits[id] ?? 0 });
    const out = handleOf(c, id, s.path[s.path.indexOf(id) + 1]);
    const node = labelOf(c, id);
    parts.push({ key: 'decided', vars: { nodeId: id, node, handle: out?.id ?? d.handle, branch: out?.label ?? d.handle, why: d.reason }, text: `"${node}" → ${out?.label ?? d.handle}: ${d.reason}` });
  }
  if (s.value === HOLDOUT_STATE) {
    const percent = c.definition.settings.holdoutPercent;
    parts.push({ key: 'heldOut', vars: { percent }, text: `held out (holdout ${percent}%): no actions, counted for lift` });
  }
  return parts;
}
