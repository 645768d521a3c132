import { z } from 'zod';
import { EventType, type JourneyEvent } from '../member-event.ts';
import { defineNode } from '../node-module.ts';
import { eventFilterReferences } from '../node-references.ts';
import { PropertyFilter, matchesAll } from '../property-filter.ts';

export const EventTriggerConfig = z
  .object({
    eventType: EventType,
    filters: z.array(PropertyFilter).default([]),
    /** Purchases only: enter on the member's first order ever, not on every purchase (imported history counts). */
    firstPurchaseOnly: z.boolean().default(false),
  })
  .refine((c) => !c.firstPurchaseOnly || c.eventType === 'purchase', { path: ['firstPurchaseOnly'], message: 'only a purchase trigger can be limited to the first purchase' });
export type EventTriggerConfig = z.infer<typeof EventTriggerConfig>;

/** Does this event start a journey? Pure, so the simulator and the runtime agree. */
export function triggerMatches(config: EventTriggerConfig, event: Pick<JourneyEvent, 'type' | 'properties'>): boolean {
  return event.type === config.eventType && matchesAll(event.properties, config.filters);
}

export const eventTrigger = defineNode({
  kind: 'event_trigger',
  group: 'trigger',
  fires: 'event',
  title: 'Event trigger',
  description: 'Starts a journey when a member event arrives (purchase, signup, recharge, ...), optionally filtered by its properties.',
  config: EventTriggerConfig,
  defaults: () => ({ eventType: 'purchase', filters: [], firstPurchaseOnly: false }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c) => `on ${c.firstPurchaseOnly ? 'first purchase' : c.eventType}${c.filters.length ? ` (${c.filters.length} filter${c.filters.length > 1 ? 's' : ''})` : ''}`,
  compile: (_id, _c, ctx) => ({ always: { target: ctx.target('next') } }),
  matchesEvent: triggerMatches,
  // The order count already includes this purchase (facts apply before entry).
  entryRefusal: (c, member) => (c.firstPurchaseOnly && member.orderCount > 1 ? `not the member's first purchase (order ${member.orderCount}); this trigger takes first purchases only` : null),
  references: (c) => eventFilterReferences(c.eventType, c.filters),
});
