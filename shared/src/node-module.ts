import type { z } from 'zod';
import type { ConditionFacts } from './condition.ts';
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

export interface NodeModule<C extends Record<string, unknown> = Record<string, unknown>> {
  kind: NodeKind;
  group: NodeGroup;
  title: string;
  description: string;
  config: z.ZodType<C>;
  defaults(): C;
  outputs(config: C): readonly OutputHandle[];
  /** One line for the canvas, e.g. "purchase within 30 days". */
  summary(config: C): string;
  compile(nodeId: string, config: C, ctx: CompileContext): CompiledState;
  /** Triggers: what starts a journey. */
  trigger?: 'event' | 'time' | 'segment';
  /** Event triggers: does this event start a journey? */
  matchesEvent?(config: C, event: Pick<JourneyEvent, 'type' | 'properties'>): boolean;
  /** Event triggers: why a matching event still does not start a journey for this member (facts as of the event), or null. */
  entryRefusal?(config: C, member: MemberFacts): string | null;
  /** Time triggers: the next instant after `after` at which the member enters, or null. */
  nextFireAt?(config: C, ctx: { after: number; member: MemberFacts }): number | null;
  /** Waits on time: when the member wakes up, having entered at `at`. */
  wakeAt?(config: C, ctx: { at: number; member: MemberFacts }): number;
  /** Logic: the handle taken and why, for the step log and the simulator. */
  decide?(nodeId: string, config: C, facts: DecisionFacts): Decision;
  /** Coupon templates, tiers and saved segments the config names: publishing checks they exist. */
  references?(config: C): NodeReference[];
}

/** Keeps each node file's config type while the registry holds them side by side. */
export function defineNode<C extends Record<string, unknown>>(m: NodeModule<C>): NodeModule<C> {
  return m;
}

/** What an older version of a kind may do differently: behaviour only. */
export type NodeBehaviour<C extends Record<string, unknown> = Record<string, unknown>> = Pick<
  NodeModule<C>,
  'compile' | 'matchesEvent' | 'nextFireAt' | 'wakeAt' | 'decide'
>;

/**
 * A node kind's versions (n8n's versioned node types): `module` is the latest, `latest` its
 * number; `previous[n]` holds only what version n did differently from version n + 1, so a
 * bump records just the behaviour it replaces. Config schema, outputs and texts are shared by
 * all versions: validation and the editor read the latest, and a stored config must stay valid.
 */
export interface NodeVersions<C extends Record<string, unknown> = Record<string, unknown>> {
  latest: number;
  module: NodeModule<C>;
  previous: Readonly<Record<number, Partial<NodeBehaviour<C>>>>;
}

/** A node module resolved for one version: what a published node runs. */
export type VersionedNodeModule = NodeModule & { readonly version: number };

export function defineVersions<C extends Record<string, unknown>>(v: NodeVersions<C>): NodeVersions<C> {
  return v;
}

/** A kind whose behaviour has never changed: version 1 only. */
export function firstVersion<C extends Record<string, unknown>>(module: NodeModule<C>): NodeVersions<C> {
  return { latest: 1, module, previous: {} };
}
