import { z } from 'zod';
import { EventType, type JourneyEvent } from '../member-event.ts';
import { defineNode } from '../node-module.ts';
import { PropertyFilter, matchesAll } from '../property-filter.ts';

export const EventTriggerConfig = z.object({
  eventType: EventType,
  filters: z.array(PropertyFilter).default([]),
});
export type EventTriggerConfig = z.infer<typeof EventTriggerConfig>;

/** Does this event start a journey? Pure, so the simulator and the runtime agree. */
export function triggerMatches(config: EventTriggerConfig, event: Pick<JourneyEvent, 'type' | 'properties'>): boolean {
  return event.type === config.eventType && matchesAll(event.properties, config.filters);
}

export const eventTrigger = defineNode({
  kind: 'event_trigger',
  group: 'trigger',
  trigger: 'event',
  title: 'Event trigger',
  description: 'Starts a journey when a member event arrives (purchase, signup, recharge, ...), optionally filtered by its properties.',
  config: EventTriggerConfig,
  defaults: () => ({ eventType: 'purchase', filters: [] }),
  outputs: () => [{ id: 'next', label: 'Then' }],
  summary: (c) => `on ${c.eventType}${c.filters.length ? ` (${c.filters.length} filter${c.filters.length > 1 ? 's' : ''})` : ''}`,
  compile: (_id, _c, ctx) => ({ always: { target: ctx.target('next') } }),
  matchesEvent: triggerMatches,
});
