import { defaultSettings, SCHEMA_VERSION, type WorkflowDefinition } from '../definition.ts';

/** Recipe 2: first purchase -> wait up to 30 days for another -> timeout: "come back" coupon. */
export const secondPurchaseNudge: WorkflowDefinition = {
  schemaVersion: SCHEMA_VERSION,
  settings: { ...defaultSettings(), entry: 'once_ever' },
  nodes: [
    { id: 'trigger', kind: 'event_trigger', label: 'First purchase', position: { x: 0, y: 0 }, config: { eventType: 'purchase', filters: [], firstPurchaseOnly: true } },
    {
      id: 'wait_second',
      kind: 'wait_for_event',
      label: 'Wait for another purchase',
      position: { x: 0, y: 180 },
      config: { eventType: 'purchase', timeout: { amount: 30, unit: 'days' }, filters: [] },
    },
    { id: 'converted', kind: 'goal', label: 'Came back', position: { x: -180, y: 380 }, config: { goal: 'Second purchase' } },
    {
      id: 'coupon',
      kind: 'issue_coupon',
      label: 'Come-back coupon',
      position: { x: 180, y: 380 },
      config: { template: 'COMEBACK10', validityDays: 30 },
    },
    { id: 'end', kind: 'exit', label: 'Coupon sent', position: { x: 180, y: 560 }, config: { reason: 'Come-back coupon issued' } },
  ],
  edges: [
    { id: 'e_trigger_wait', source: 'trigger', sourceHandle: 'next', target: 'wait_second' },
    { id: 'e_wait_converted', source: 'wait_second', sourceHandle: 'event', target: 'converted' },
    { id: 'e_wait_coupon', source: 'wait_second', sourceHandle: 'timeout', target: 'coupon' },
    { id: 'e_coupon_end', source: 'coupon', sourceHandle: 'next', target: 'end' },
  ],
};
