import type { z } from 'zod';
import type { ConditionFacts, ConditionGroup } from './condition.ts';
import type { JourneyEvent } from './member-event.ts';
import type { MemberFacts } from './member-facts.ts';
import type { NodeGroup, NodeKind } from './node-kind.ts';
import type { NodeReference } from './node-references.ts';

export interface OutputHandle {
  id: string;
  label: string;
}

/** The action every node state runs on entry; the runtime executes it by `kind`. */
export interface NodeActionParams {
  nodeId: string;
  kind: NodeKind;
  /** How many times this journey has entered the node: part of every effect's idempotency key. */
  visit: number;
  config: Record<string, unknown>;
}

/** A transition as the compiler writes it: guards and actions are named implementations in setup(). */
export interface CompiledTransition {
  target: string;
  guard?: { type: string; params: Record<string, unknown> };
}

/** A state as the compiler writes it, before the shared `visit` + `node` entry is added. */
export interface CompiledState {
  type?: 'final';
  /** Transient nodes (triggers, actions, logic) move on at once; first passing guard wins. */
  always?: CompiledTransition | CompiledTransition[];
  on?: Record<string, CompiledTransition[]>;
}

/** What a logic node decided and why, re-derived from the facts its guard saw. */
export interface Decision {
  handle: string;
  reason: string;
}

/** Facts for explaining a decision: condition facts plus the journey's random seed and visit. */
export interface DecisionFacts extends ConditionFacts {
  seed: string;
  visit: number;
}

export interface CompileContext {
  /** The state key reached through one of this node's output handles. */
  target(handle: string): string;
}

/** What every node module has, whatever its group. */
interface NodeModuleBase<C extends Record<string, unknown>, G extends NodeGroup> {
  kind: NodeKind;
  group: G;
  title: string;
  description: string;
  config: z.ZodType<C>;
  defaults(): C;
  outputs(config: C): readonly OutputHandle[];
  /** One line for the canvas, e.g. "purchase within 30 days". */
  summary(config: C): string;
  compile(nodeId: string, config: C, ctx: CompileContext): CompiledState;
  /** Coupon templates, tiers and saved segments the config names: publishing checks they exist. */
  references?(config: C): NodeReference[];
}

/** A trigger that starts a journey when a member event matches. */
export interface EventTriggerModule<C extends Record<string, unknown> = Record<string, unknown>> extends NodeModuleBase<C, 'trigger'> {
  fires: 'event';
  /** Does this event start a journey? */
  matchesEvent(config: C, event: Pick<JourneyEvent, 'type' | 'properties'>): boolean;
  /** Why a matching event still does not start a journey for this member (facts as of the event), or null. */
  entryRefusal(config: C, member: MemberFacts): string | null;
}

/** A trigger that fires at moments in time, per member (a birthday) or for an audience (a schedule). */
export interface TimeTriggerModule<C extends Record<string, unknown> = Record<string, unknown>> extends NodeModuleBase<C, 'trigger'> {
  fires: 'time';
  /** The next instant after `after` at which the member enters, or null. */
  nextFireAt(config: C, ctx: { after: number; member: MemberFacts }): number | null;
  /** Who enters each time it fires, checked on the member as of then; null when the moment is the member's own. */
  audience(config: C): ConditionGroup | null;
}

/** A trigger that starts a journey when a member starts to match a segment. */
export interface SegmentTriggerModule<C extends Record<string, unknown> = Record<string, unknown>> extends NodeModuleBase<C, 'trigger'> {
  fires: 'segment';
  /** The segment entered: a saved segment's key (empty for none) and the inline condition used without one. */
  segment(config: C): { segmentKey: string; condition: ConditionGroup };
}

export type TriggerModule<C extends Record<string, unknown> = Record<string, unknown>> = EventTriggerModule<C> | TimeTriggerModule<C> | SegmentTriggerModule<C>;

/** Branches: the machine's guards pick the handle; `decide` says which and why for the step log and the simulator. */
export interface LogicModule<C extends Record<string, unknown> = Record<string, unknown>> extends NodeModuleBase<C, 'logic'> {
  decide(nodeId: string, config: C, facts: DecisionFacts): Decision;
}

/** Holds the member; every wait ends by time at the latest (an event wait's timeout). */
export interface WaitModule<C extends Record<string, unknown> = Record<string, unknown>> extends NodeModuleBase<C, 'wait'> {
  /** When the member wakes up, having entered at `at`. */
  wakeAt(config: C, ctx: { at: number; member: MemberFacts }): number;
}

/** The effect an action's step writes (its executor is in runner/effects/registry.ts). */
export interface ActionEffect {
  /**
   * 'in_step': done with the step's own writes (coupons, points, tags...). 'after_commit': may be
   * stored pending for the runtime's effect dispatcher to carry out once the step commits.
   */
  delivery: 'in_step' | 'after_commit';
  /** The text the simulator shows for the effect (a message body, a coupon code), from its payload. */
  preview(payload: Record<string, unknown>): string | undefined;
}

/** A preview of the payload's string field `key` (a message's body, a coupon's code). */
export const payloadText =
  (key: string) =>
  (payload: Record<string, unknown>): string | undefined => {
    const v = payload[key];
    return typeof v === 'string' ? v : undefined;
  };

/** An effect the simulator lists by its summary alone. */
export const noPreview = (): undefined => undefined;

export interface ActionModule<C extends Record<string, unknown> = Record<string, unknown>> extends NodeModuleBase<C, 'action'> {
  effect: ActionEffect;
}

/** Ends the journey; `outcome` is how reporting counts a journey that ends here. */
export interface EndModule<C extends Record<string, unknown> = Record<string, unknown>> extends NodeModuleBase<C, 'end'> {
  outcome: 'completed' | 'converted';
}

/** A node kind's module: what its group requires is required, so a kind cannot forget it. */
export type NodeModule<C extends Record<string, unknown> = Record<string, unknown>> =
  | TriggerModule<C>
  | LogicModule<C>
  | WaitModule<C>
  | ActionModule<C>
  | EndModule<C>;

/** The module type of one group, e.g. `ModuleOfGroup<'wait'>`. */
export type ModuleOfGroup<G extends NodeGroup, C extends Record<string, unknown> = Record<string, unknown>> = Extract<NodeModule<C>, { group: G }>;

/** Keeps each node file's config type (and its group's module type) while the registry holds them side by side. */
export function defineNode<C extends Record<string, unknown>, const G extends NodeGroup>(m: NodeModule<C> & { group: G }): ModuleOfGroup<G, C> {
  return m as ModuleOfGroup<G, C>;
}

/** A module known to be of `group` (a journey's trigger, a node whose action is a wait); a mismatch is a caller bug. */
export function moduleOfGroup<G extends NodeGroup, M extends NodeModule>(m: M, group: G): Extract<M, { group: G }> {
  if (m.group !== group) throw new Error(`Node kind "${m.kind}" is a ${m.group}, not a ${group}`);
  return m as Extract<M, { group: G }>;
}

/** What an older version of a kind may do differently: behaviour only, the hooks of its group. */
export interface NodeBehaviour<C extends Record<string, unknown> = Record<string, unknown>> {
  compile?: NodeModuleBase<C, NodeGroup>['compile'];
  matchesEvent?: EventTriggerModule<C>['matchesEvent'];
  entryRefusal?: EventTriggerModule<C>['entryRefusal'];
  nextFireAt?: TimeTriggerModule<C>['nextFireAt'];
  wakeAt?: WaitModule<C>['wakeAt'];
  decide?: LogicModule<C>['decide'];
}

/** The config type of a module. */
export type ConfigOf<M> = M extends NodeModuleBase<infer C, NodeGroup> ? C : never;

// Config types differ per kind; `any` here only loosens what a registry of modules holds.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyNodeModule = NodeModule<any>;

/**
 * A node kind's versions (n8n's versioned node types): `module` is the latest, `latest` its
 * number; `previous[n]` holds only what version n did differently from version n + 1, so a
 * bump records just the behaviour it replaces. Config schema, outputs and texts are shared by
 * all versions: validation and the editor read the latest, and a stored config must stay valid.
 */
export interface NodeVersions<M extends AnyNodeModule = NodeModule> {
  latest: number;
  module: M;
  previous: Readonly<Record<number, NodeBehaviour<ConfigOf<M>>>>;
}

/** A node module resolved for one version: what a published node runs. */
export type VersionedNodeModule = NodeModule & { readonly version: number };

export function defineVersions<M extends AnyNodeModule>(v: NodeVersions<M>): NodeVersions<M> {
  return v;
}

/** A kind whose behaviour has never changed: version 1 only. */
export function firstVersion<M extends AnyNodeModule>(module: M): NodeVersions<M> {
  return { latest: 1, module, previous: {} };
}
