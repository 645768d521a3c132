import { z } from 'zod';
import { NodeKind } from './node-kind.ts';

export const SCHEMA_VERSION = 1;

const Id = z
  .string()
  .min(1, 'is required')
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'may hold only letters, digits, "_" and "-"');

export const Position = z.object({ x: z.number().finite(), y: z.number().finite() });

/**
 * A node as stored. Its config is checked per kind by graph validation, not here, so a
 * draft with a half-filled form still loads and shows its problems inline.
 */
export const WorkflowNode = z.object({
  id: Id,
  kind: NodeKind,
  label: z.string().max(120).default(''),
  position: Position.default({ x: 0, y: 0 }),
  config: z.record(z.string(), z.unknown()).default({}),
});
export type WorkflowNode = z.infer<typeof WorkflowNode>;

/** Edges are addressed by a stable id and leave a named output handle of their source. */
export const WorkflowEdge = z.object({
  id: Id,
  source: Id,
  sourceHandle: z.string().min(1).default('next'),
  target: Id,
});
export type WorkflowEdge = z.infer<typeof WorkflowEdge>;

export const EntryRule = z.enum(['once_ever', 'once_at_a_time', 'every_time']);
export type EntryRule = z.infer<typeof EntryRule>;

export const WorkflowSettings = z.object({
  entry: EntryRule.default('once_at_a_time'),
});
export type WorkflowSettings = z.infer<typeof WorkflowSettings>;

export const WorkflowDefinition = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  nodes: z.array(WorkflowNode).max(500, 'at most 500 nodes'),
  edges: z.array(WorkflowEdge).max(2000, 'at most 2,000 edges'),
  settings: WorkflowSettings.default({ entry: 'once_at_a_time' }),
});
export type WorkflowDefinition = z.infer<typeof WorkflowDefinition>;
