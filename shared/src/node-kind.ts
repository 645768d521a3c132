import { z } from 'zod';

/**
 * Every kind of node, by group. A kind's group decides which hooks its module must have (see
 * node-module.ts), so adding one here fails typecheck until every layer handles it.
 */
export const nodeKindsByGroup = {
  trigger: ['event_trigger', 'segment_trigger', 'date_trigger', 'schedule_trigger', 'inactivity_trigger', 'points_expiring_trigger'],
  logic: ['condition', 'multi_split', 'random_split'],
  wait: ['wait_duration', 'wait_until_time', 'wait_until_date', 'wait_for_event'],
  action: ['issue_coupon', 'send_message', 'adjust_points', 'set_tier', 'update_tags', 'update_attribute', 'create_task', 'call_webhook', 'enroll_workflow'],
  end: ['exit', 'goal'],
} as const;

export type NodeGroup = keyof typeof nodeKindsByGroup;

const g = nodeKindsByGroup;
export const NodeKind = z.enum([...g.trigger, ...g.logic, ...g.wait, ...g.action, ...g.end]);
export type NodeKind = z.infer<typeof NodeKind>;

/** The kinds of one group, e.g. `KindOf<'action'>`. */
export type KindOf<G extends NodeGroup> = (typeof nodeKindsByGroup)[G][number];
export type TriggerKind = KindOf<'trigger'>;
export type ActionKind = KindOf<'action'>;

/** The group a kind belongs to. */
export type GroupOf<K extends NodeKind> = { [G in NodeGroup]: K extends KindOf<G> ? G : never }[NodeGroup];

export const isKindOf = <G extends NodeGroup>(group: G, kind: string): kind is KindOf<G> => (nodeKindsByGroup[group] as readonly string[]).includes(kind);
