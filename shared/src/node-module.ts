import type { z } from 'zod';
import type { NodeGroup, NodeKind } from './node-kind.ts';

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
  always?: CompiledTransition;
  on?: Record<string, CompiledTransition[]>;
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
}

/** Keeps each node file's config type while the registry holds them side by side. */
export function defineNode<C extends Record<string, unknown>>(m: NodeModule<C>): NodeModule<C> {
  return m;
}
