import { WorkflowEdge, WorkflowNode } from '@memberflow/shared/definition';
import { describe, expect, it } from 'vitest';
import { createFlowNode } from './new-node.ts';
import { newEdgeId, newNodeId } from './new-ids.ts';
import { nodeOutputs, nodeSummary } from './node-outputs.ts';

describe('new ids', () => {
  it('numbers node ids per kind, skipping taken ones', () => {
    expect(newNodeId('issue_coupon', new Set())).toBe('issue_coupon_1');
    expect(newNodeId('issue_coupon', new Set(['issue_coupon_1', 'issue_coupon_2']))).toBe('issue_coupon_3');
  });

  it('makes edge ids that the schema accepts, even from long node ids', () => {
    const long = 'n'.repeat(64);
    for (const id of [newEdgeId('wait', 'timeout', new Set()), newEdgeId(long, 'timeout', new Set())]) {
      expect(WorkflowEdge.safeParse({ id, source: 'a', sourceHandle: 'next', target: 'b' }).success).toBe(true);
    }
    expect(newEdgeId('wait', 'timeout', new Set(['e_wait_timeout']))).toBe('e_wait_timeout_2');
  });

  it('creates nodes with default config that the schema accepts', () => {
    const node = createFlowNode('wait_for_event', { x: 1, y: 2 }, new Set());
    expect(node).toMatchObject({ id: 'wait_for_event_1', type: 'wait', data: { label: 'Wait for event' } });
    expect(WorkflowNode.safeParse({ id: node.id, kind: node.data.kind, config: node.data.config }).success).toBe(true);
  });
});

describe('nodeOutputs / nodeSummary', () => {
  it('labels handles from the config', () => {
    expect(nodeOutputs('wait_for_event', { eventType: 'signup', timeout: { amount: 1, unit: 'weeks' } })).toEqual([
      { id: 'event', label: 'On signup' },
      { id: 'timeout', label: 'After 1 week' },
    ]);
  });

  it('keeps handles and valid fields while another field is broken', () => {
    const broken = { eventType: 'signup', timeout: { unit: 'days' } };
    expect(nodeOutputs('wait_for_event', broken).map((h) => h.label)).toEqual(['On signup', 'After 30 days']);
    expect(nodeSummary('wait_for_event', broken)).toBeNull();
    expect(nodeOutputs('wait_for_event', {}).map((h) => h.id)).toEqual(['event', 'timeout']);
  });
});
