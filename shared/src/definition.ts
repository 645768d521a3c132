import './zod-messages.ts';
import { z } from 'zod';
import { EventType } from './member-event.ts';
import { NodeKind } from './node-kind.ts';
import { PropertyFilter } from './property-filter.ts';
import { TimeOfDay } from './time-zone.ts';

export const SCHEMA_VERSION = 1;

const Id = z
  .string()
  .min(1, 'is required')
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'may hold only letters, digits, "_" and "-"')
  .refine((id) => !id.startsWith('__'), 'may not start with "__" (reserved)');

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
  /**
   * The kind's behaviour version, pinned by publishing. Drafts leave it out (they run the
   * latest); a published node without it runs version 1, as versions published before pinning do.
   */
  typeVersion: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
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

/**
 * once_ever: a member enters at most once; once_at_a_time: again after finishing;
 * every_time: each trigger restarts the journey; cooldown: again N days after the last entry.
 */
export const EntryRule = z.enum(['once_ever', 'once_at_a_time', 'every_time', 'cooldown']);
export type EntryRule = z.infer<typeof EntryRule>;

const Days = (max: number) => z.number().int('must be a whole number').min(1, 'must be at least 1 day').max(max);

const Instant = z.iso.datetime({ offset: true, message: 'use a date and time, e.g. 2026-12-01T00:00:00+08:00' });
export const CampaignWindow = z
  .object({ from: Instant.nullable().default(null), until: Instant.nullable().default(null) })
  .refine((w) => !w.from || !w.until || Date.parse(w.from) < Date.parse(w.until), { path: ['until'], message: 'must be after the start' });

export const WorkflowSettings = z.object({
  entry: EntryRule.default('once_at_a_time'),
  cooldownDays: Days(3650).default(30),
  /** Leave the workflow as converted as soon as this event happens (e.g. a purchase), within N days of entry. */
  exitOnGoal: z
    .object({ eventType: EventType, filters: z.array(PropertyFilter).default([]), withinDays: Days(3650).nullable().default(null) })
    .nullable()
    .default(null),
  /** What reporting counts as a conversion: this event within N days of entry (repeat purchase by default). */
  conversion: z.object({ eventType: EventType, withinDays: Days(365) }).default({ eventType: 'purchase', withinDays: 30 }),
  /** Marketing sends in the member's quiet hours are held until they end, or skipped. */
  quietHours: z
    .object({
      start: z.string().regex(TimeOfDay, 'use HH:MM, e.g. 21:00'),
      end: z.string().regex(TimeOfDay, 'use HH:MM, e.g. 08:00'),
      mode: z.enum(['hold', 'skip']).default('hold'),
    })
    .nullable()
    .default(null),
  /** Count this workflow's marketing messages toward the cross-workflow frequency cap. */
  frequencyCap: z.boolean().default(true),
  /** Share of entering members held out (no actions) to measure lift. */
  holdoutPercent: z.number().min(0, 'must be 0-50').max(50, 'must be 0-50').default(0),
  /** A campaign's dates: members enter only from `from` until `until` (either open); journeys under way finish. */
  window: CampaignWindow.optional(),
});
export type WorkflowSettings = z.infer<typeof WorkflowSettings>;

export const defaultSettings = (): WorkflowSettings => WorkflowSettings.parse({});

export const WorkflowDefinition = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  nodes: z.array(WorkflowNode).max(500, 'at most 500 nodes'),
  edges: z.array(WorkflowEdge).max(2000, 'at most 2,000 edges'),
  settings: WorkflowSettings.default(defaultSettings),
});
export type WorkflowDefinition = z.infer<typeof WorkflowDefinition>;
