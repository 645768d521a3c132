import { z } from 'zod';
import { Duration, durationMs, formatDuration } from '../duration.ts';
import { EventType, TIMEOUT_EVENT } from '../member-event.ts';
import { defineNode } from '../node-module.ts';
import { eventFilterReferences } from '../node-references.ts';
import { PropertyFilter } from '../property-filter.ts';

export const WaitForEventConfig = z.object({
  eventType: EventType,
  timeout: Duration,
  filters: z.array(PropertyFilter).default([]),
  /** A property that must equal the same property of the event that started the journey, e.g. orderId. */
  matchTriggerProperty: z.string().min(1).optional(),
});
export type WaitForEventConfig = z.infer<typeof WaitForEventConfig>;

export const waitForEvent = defineNode({
  kind: 'wait_for_event',
  group: 'wait',
  title: 'Wait for event',
  description: 'Holds the member until they do something (e.g. purchase again), optionally matching the entering event (same order, same store), or the time runs out.',
  config: WaitForEventConfig,
  defaults: () => ({ eventType: 'purchase', timeout: { amount: 30, unit: 'days' as const }, filters: [] }),
  outputs: (c) => [
    { id: 'event', label: `On ${c.eventType}` },
    { id: 'timeout', label: `After ${formatDuration(c.timeout)}` },
  ],
  summary: (c) => `${c.eventType} within ${formatDuration(c.timeout)}`,
  compile: (nodeId, c, ctx) => ({
    on: {
      [c.eventType]: [
        {
          target: ctx.target('event'),
          guard: {
            type: 'eventMatches',
            params: { filters: c.filters, matchTriggerProperty: c.matchTriggerProperty ?? null },
          },
        },
      ],
      [TIMEOUT_EVENT]: [{ target: ctx.target('timeout'), guard: { type: 'isCurrentWake', params: { nodeId } } }],
    },
  }),
  wakeAt: (c, { at }) => at + durationMs(c.timeout),
  references: (c) => eventFilterReferences(c.eventType, c.filters),
});
