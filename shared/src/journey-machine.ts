import { assign, initialTransition, setup, transition, type AnyMachineSnapshot } from 'xstate';
import { bucketOf } from './bucket.ts';
import { evaluateCondition, type ConditionGroup } from './condition.ts';
import type { WorkflowDefinition, WorkflowNode } from './definition.ts';
import { MS_PER_DAY } from './duration.ts';
import type { JourneyEvent } from './member-event.ts';
import { emptyMember } from './member-facts.ts';
import type { NodeKind } from './node-kind.ts';
import type { CompiledTransition, NodeActionParams } from './node-module.ts';
import { latestVersion, nodeModule } from './node-registry.ts';
import { matchesAll, readProperty, type PropertyFilter } from './property-filter.ts';
import { validateWorkflow } from './validate.ts';

/** The entering event as kept in the snapshot: member facts are left out, they are re-read each step. */
export type TriggerRecord = Pick<JourneyEvent, 'type' | 'at' | 'properties'>;

export interface JourneyContext {
  /** Entries per node: a node's nth entry gives its effects the idempotency key `journey:entry:node:n`. */
  visits: Record<string, number>;
  /** The event that started the journey, for waits that match on its properties. */
  trigger: TriggerRecord;
  /** Stable per member and workflow: random splits and holdout draw from it. */
  seed: string;
  enteredAt: number;
}

export interface JourneyInput {
  trigger: JourneyEvent;
  seed: string;
}

/** What the runtime stores per journey; enough to rebuild the snapshot with `resolveState`. */
export interface PersistedJourney {
  value: string;
  context: JourneyContext;
}

/** States that are not nodes: a member held out for lift measurement, or exited on the goal event. */
export const HOLDOUT_STATE = '__holdout';
export const GOAL_EXIT_STATE = '__goal';

/**
 * Facts a guard decides on. In the initial macrostep XState hands guards its own init event,
 * which carries our trigger event as input: read the member from there.
 */
const facts = (context: JourneyContext, raw: JourneyEvent) => {
  const event = (raw as { input?: JourneyInput }).input?.trigger ?? raw;
  return { member: event.member ?? emptyMember('unknown'), trigger: context.trigger.properties, event: event.properties, now: event.at };
};

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
      eventMatches: ({ context, event }, params: { filters: PropertyFilter[]; matchTriggerProperty: string | null }) =>
        matchesAll(event.properties, params.filters) &&
        (params.matchTriggerProperty === null ||
          readProperty(event.properties, params.matchTriggerProperty) === readProperty(context.trigger.properties, params.matchTriggerProperty)),
      isCurrentWake: ({ context, event }, params: { nodeId: string }) =>
        event.nodeId === params.nodeId && event.visit === context.visits[params.nodeId],
      condition: ({ context, event }, params: { condition: ConditionGroup }) => evaluateCondition(params.condition, facts(context, event)).result,
      bucket: ({ context }, params: { nodeId: string; from: number; to: number }) => {
        const b = bucketOf(context.seed, `${params.nodeId}:${context.visits[params.nodeId] ?? 0}`);
        return b >= params.from && b < params.to;
      },
      holdout: ({ context }, params: { percent: number }) => bucketOf(context.seed, 'holdout') < params.percent,
      exitGoal: ({ context, event }, params: { filters: PropertyFilter[]; withinMs: number | null }) =>
        matchesAll(event.properties, params.filters) && (params.withinMs === null || event.at - context.enteredAt <= params.withinMs),
    },
  });
}

export interface CompiledJourney {
  machine: ReturnType<ReturnType<typeof journeySetup>['createMachine']>;
  definition: WorkflowDefinition;
  trigger: WorkflowNode;
  nodes: ReadonlyMap<string, WorkflowNode>;
  /** The version each node was compiled with, by node id; `pinnedModule` (pinned-module.ts) resolves it. */
  nodeVersions: ReadonlyMap<string, number>;
}

export interface CompileOptions {
  /**
   * 'pinned' (a published version): each node runs its `typeVersion`, version 1 when absent.
   * 'latest' (a draft, e.g. the simulator): every node runs its kind's latest version.
   */
  versions?: 'pinned' | 'latest';
}

/**
 * Definition -> XState v5 machine: one flat state per node, keyed by node id. Throws
 * UnknownNodeVersion when a pinned version does not exist in this build.
 */
export function compileJourney(input: unknown, machineId = 'journey', options: CompileOptions = {}): CompiledJourney {
  const result = validateWorkflow(input);
  if (!result.ok) {
    const first = result.violations[0];
    throw new Error(`Workflow is not valid: ${first?.message ?? 'unknown problem'}`);
  }
  const def = result.definition;
  const { settings } = def;
  const trigger = def.nodes.find((n) => nodeModule(n.kind).group === 'trigger')!;
  const targets = new Map(def.edges.map((e) => [`${e.source}:${e.sourceHandle}`, e.target]));
  const nodeVersions = new Map(def.nodes.map((n) => [n.id, options.versions === 'latest' ? latestVersion(n.kind) : (n.typeVersion ?? 1)]));

  const states: Record<string, unknown> = {};
  for (const n of def.nodes) {
    const mod = nodeModule(n.kind, nodeVersions.get(n.id));
    const config = mod.config.parse(n.config);
    const compiled = mod.compile(n.id, config, {
      target: (handle) => {
        const t = targets.get(`${n.id}:${handle}`);
        if (!t) throw new Error(`Output "${handle}" of node "${n.id}" is not connected`);
        return t;
      },
    });
    if (n.id === trigger.id && settings.holdoutPercent > 0) {
      const rest = ([] as CompiledTransition[]).concat(compiled.always ?? []);
      compiled.always = [{ target: HOLDOUT_STATE, guard: { type: 'holdout', params: { percent: settings.holdoutPercent } } }, ...rest];
    }
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
  states[HOLDOUT_STATE] = { type: 'final' };
  states[GOAL_EXIT_STATE] = { type: 'final' };

  const goal = settings.exitOnGoal;
  const machine = journeySetup().createMachine({
    id: machineId,
    initial: trigger.id,
    context: ({ input }) => ({
      visits: {},
      trigger: { type: input.trigger.type, at: input.trigger.at, properties: input.trigger.properties },
      seed: input.seed,
      enteredAt: input.trigger.at,
    }),
    // Exit on goal listens in every state; a wait for the same event still takes its own branch first.
    on: goal
      ? {
          [goal.eventType]: [
            {
              target: `.${GOAL_EXIT_STATE}`,
              guard: { type: 'exitGoal', params: { filters: goal.filters, withinMs: goal.withinDays === null ? null : goal.withinDays * MS_PER_DAY } },
            },
          ],
        }
      : {},
    // The compiler builds states from data, so their precise config types are not known statically.
    states: states as never,
  });
  return { machine, definition: def, trigger, nodes: new Map(def.nodes.map((n) => [n.id, n])), nodeVersions };
}

export type JourneyOutcome = 'waiting' | 'completed' | 'converted' | 'holdout';

export interface JourneyStep {
  persisted: PersistedJourney;
  /** The node actions to execute, in order: coupons to issue, waits to schedule, ends to record. */
  actions: NodeActionParams[];
  /** Nodes entered during this step, in order. */
  path: string[];
  outcome: JourneyOutcome;
  /** Final node kind when the journey ended at a node. */
  endKind?: NodeKind;
}

/** How a journey that ends at a node of this kind counts: its end module says (a goal converts). */
function endOutcome(kind: NodeKind): JourneyOutcome | null {
  const m = nodeModule(kind);
  return m.group === 'end' ? m.outcome : null;
}

function toStep(compiled: CompiledJourney, snapshot: AnyMachineSnapshot, actions: readonly { type: string; params?: unknown }[]): JourneyStep {
  const nodeActions = actions.filter((a) => a.type === 'node').map((a) => a.params as NodeActionParams);
  const value = String(snapshot.value);
  const endKind = snapshot.status === 'done' ? compiled.nodes.get(value)?.kind : undefined;
  const outcome: JourneyOutcome =
    snapshot.status !== 'done'
      ? 'waiting'
      : value === HOLDOUT_STATE
        ? 'holdout'
        : value === GOAL_EXIT_STATE || (endKind !== undefined && endOutcome(endKind) === 'converted')
          ? 'converted'
          : 'completed';
  return {
    persisted: { value, context: snapshot.context as JourneyContext },
    actions: nodeActions,
    path: nodeActions.map((a) => a.nodeId),
    outcome,
    ...(endKind ? { endKind } : {}),
  };
}

/** Enter a journey with the event that triggered it. Pure: nothing is executed. */
export function startJourney(compiled: CompiledJourney, trigger: JourneyEvent, seed: string): JourneyStep {
  const [snapshot, actions] = initialTransition(compiled.machine, { trigger, seed });
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

/** The node a journey is waiting at decides its wake-up time; null when it waits for an event only. */
export function nodeAt(compiled: CompiledJourney, persisted: PersistedJourney): WorkflowNode | undefined {
  return compiled.nodes.get(persisted.value);
}
