import { assign, initialTransition, setup, transition, type AnyMachineSnapshot } from 'xstate';
import type { WorkflowDefinition, WorkflowNode } from './definition.ts';
import type { JourneyEvent } from './member-event.ts';
import type { NodeKind } from './node-kind.ts';
import type { NodeActionParams } from './node-module.ts';
import { nodeModule } from './node-registry.ts';
import { matchesAll, readProperty, type PropertyFilter } from './property-filter.ts';
import { validateWorkflow } from './validate.ts';

export interface JourneyContext {
  /** Entries per node: a node's nth entry gives its effects the idempotency key `journey:node:n`. */
  visits: Record<string, number>;
  /** The event that started the journey, for waits that match on its properties. */
  trigger: JourneyEvent;
}

export interface JourneyInput {
  trigger: JourneyEvent;
}

/** What the runtime stores per journey; enough to rebuild the snapshot with `resolveState`. */
export interface PersistedJourney {
  value: string;
  context: JourneyContext;
}

function journeySetup() {
  return setup({
    types: {
      context: {} as JourneyContext,
      events: {} as JourneyEvent,
      input: {} as JourneyInput,
    },
    actions: {
      visit: assign(({ context }, params: { nodeId: string }) => ({
        visits: { ...context.visits, [params.nodeId]: (context.visits[params.nodeId] ?? 0) + 1 },
      })),
      // Decide, then do: the pure transition only returns this action; the runtime executes it.
      node: (_args, _params: NodeActionParams) => {},
    },
    guards: {
      eventMatches: (
        { context, event },
        params: { filters: PropertyFilter[]; matchTriggerProperty: string | null },
      ) =>
        matchesAll(event.properties, params.filters) &&
        (params.matchTriggerProperty === null ||
          readProperty(event.properties, params.matchTriggerProperty) ===
            readProperty(context.trigger.properties, params.matchTriggerProperty)),
      isCurrentWake: ({ context, event }, params: { nodeId: string }) =>
        event.nodeId === params.nodeId && event.visit === context.visits[params.nodeId],
    },
  });
}

export type JourneyMachine = ReturnType<typeof compileJourney>['machine'];

export interface CompiledJourney {
  machine: ReturnType<ReturnType<typeof journeySetup>['createMachine']>;
  definition: WorkflowDefinition;
  trigger: WorkflowNode;
  nodes: ReadonlyMap<string, WorkflowNode>;
}

/** Definition -> XState v5 machine: one flat state per node, keyed by node id. */
export function compileJourney(input: unknown, machineId = 'journey'): CompiledJourney {
  const result = validateWorkflow(input);
  if (!result.ok) {
    const first = result.violations[0];
    throw new Error(`Workflow is not valid: ${first?.message ?? 'unknown problem'}`);
  }
  const def = result.definition;
  const trigger = def.nodes.find((n) => nodeModule(n.kind).group === 'trigger')!;
  const targets = new Map(def.edges.map((e) => [`${e.source}:${e.sourceHandle}`, e.target]));

  const states: Record<string, unknown> = {};
  for (const n of def.nodes) {
    const mod = nodeModule(n.kind);
    const config = mod.config.parse(n.config);
    const compiled = mod.compile(n.id, config, {
      target: (handle) => {
        const t = targets.get(`${n.id}:${handle}`);
        if (!t) throw new Error(`Output "${handle}" of node "${n.id}" is not connected`);
        return t;
      },
    });
    states[n.id] = {
      ...compiled,
      entry: [
        { type: 'visit', params: { nodeId: n.id } },
        {
          type: 'node',
          params: ({ context }: { context: JourneyContext }): NodeActionParams => ({
            nodeId: n.id,
            kind: n.kind,
            visit: context.visits[n.id] ?? 0,
            config,
          }),
        },
      ],
    };
  }

  const machine = journeySetup().createMachine({
    id: machineId,
    initial: trigger.id,
    context: ({ input }) => ({ visits: {}, trigger: input.trigger }),
    // The compiler builds states from data, so their precise config types are not known statically.
    states: states as never,
  });
  return { machine, definition: def, trigger, nodes: new Map(def.nodes.map((n) => [n.id, n])) };
}

export type JourneyOutcome = 'waiting' | 'completed' | 'converted';

export interface JourneyStep {
  persisted: PersistedJourney;
  /** The node actions to execute, in order: coupons to issue, waits to schedule, ends to record. */
  actions: NodeActionParams[];
  /** Nodes entered during this step, in order. */
  path: string[];
  outcome: JourneyOutcome;
  /** Final node kind when the journey ended. */
  endKind?: NodeKind;
}

function toStep(compiled: CompiledJourney, snapshot: AnyMachineSnapshot, actions: readonly { type: string; params?: unknown }[]): JourneyStep {
  const nodeActions = actions.filter((a) => a.type === 'node').map((a) => a.params as NodeActionParams);
  const value = String(snapshot.value);
  const endKind = snapshot.status === 'done' ? compiled.nodes.get(value)?.kind : undefined;
  return {
    persisted: { value, context: snapshot.context as JourneyContext },
    actions: nodeActions,
    path: nodeActions.map((a) => a.nodeId),
    outcome: endKind === undefined ? 'waiting' : endKind === 'goal' ? 'converted' : 'completed',
    ...(endKind ? { endKind } : {}),
  };
}

/** Enter a journey with the event that triggered it. Pure: nothing is executed. */
export function startJourney(compiled: CompiledJourney, trigger: JourneyEvent): JourneyStep {
  const [snapshot, actions] = initialTransition(compiled.machine, { trigger });
  return toStep(compiled, snapshot, actions);
}

/**
 * Apply one event to a stored journey. Returns null when the event changes nothing, so the
 * runtime can skip writing for the many events a waiting member ignores.
 */
export function stepJourney(compiled: CompiledJourney, persisted: PersistedJourney, event: JourneyEvent): JourneyStep | null {
  const current = compiled.machine.resolveState({ value: persisted.value, context: persisted.context });
  if (!current.can(event)) return null;
  const [next, actions] = transition(compiled.machine, current, event);
  return toStep(compiled, next, actions);
}
