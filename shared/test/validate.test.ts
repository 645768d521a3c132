import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../src/definition.ts';
import { secondPurchaseNudge } from '../src/templates/second-purchase-nudge.ts';
import { validateWorkflow } from '../src/validate.ts';

const clone = (): WorkflowDefinition => structuredClone(secondPurchaseNudge);
const codes = (d: unknown) => validateWorkflow(d).violations.map((v) => [v.code, v.nodeId ?? v.edgeId ?? null, v.field ?? null]);

describe('validateWorkflow', () => {
  it('accepts the template', () => {
    expect(validateWorkflow(secondPurchaseNudge)).toMatchObject({ ok: true, violations: [] });
  });

  it('names schema problems by field', () => {
    const r = validateWorkflow({ schemaVersion: 2, nodes: [{ id: 'x y', kind: 'teleport' }], edges: 'no' });
    expect(r.ok).toBe(false);
    expect(r.violations.map((v) => v.field)).toEqual(['schemaVersion', 'nodes.0.id', 'nodes.0.kind', 'edges']);
    expect(r.violations.every((v) => v.code === 'schema')).toBe(true);
  });

  it('needs exactly one trigger', () => {
    const none = clone();
    none.nodes = none.nodes.filter((n) => n.kind !== 'event_trigger');
    none.edges = none.edges.filter((e) => e.source !== 'trigger');
    expect(codes(none)).toContainEqual(['trigger_count', null, null]);
    const two = clone();
    two.nodes.push({ ...two.nodes[0]!, id: 'trigger2' });
    two.edges.push({ id: 'e_t2', source: 'trigger2', sourceHandle: 'next', target: 'wait_second' });
    expect(codes(two)).toContainEqual(['trigger_count', 'trigger2', null]);
  });

  it('checks each node config with its kind schema, with the field path', () => {
    const d = clone();
    d.nodes.find((n) => n.id === 'wait_second')!.config = { eventType: 'purchase', timeout: { amount: 0, unit: 'days' } };
    d.nodes.find((n) => n.id === 'coupon')!.config = { template: 'comeback 10', validityDays: 30 };
    expect(validateWorkflow(d).violations).toEqual([
      { code: 'config', nodeId: 'wait_second', field: 'config.timeout.amount', message: 'must be greater than 0' },
      { code: 'config', nodeId: 'coupon', field: 'config.template', message: 'use capitals, digits, "_" or "-" (e.g. COMEBACK10)' },
    ]);
  });

  it('reports unconnected, doubled and unknown handles and dangling edges', () => {
    const d = clone();
    d.edges = d.edges.filter((e) => e.id !== 'e_wait_coupon');
    d.edges.push({ id: 'e_dup', source: 'wait_second', sourceHandle: 'event', target: 'end' });
    d.edges.push({ id: 'e_bad', source: 'coupon', sourceHandle: 'yes', target: 'end' });
    d.edges.push({ id: 'e_gone', source: 'coupon', sourceHandle: 'next', target: 'ghost' });
    expect(codes(d)).toEqual([
      ['unknown_handle', 'coupon', 'sourceHandle'],
      ['unknown_node', 'e_gone', 'target'],
      ['handle_multiple', 'wait_second', 'outputs.event'],
      ['handle_unconnected', 'wait_second', 'outputs.timeout'],
      ['unreachable', 'coupon', null],
    ]);
  });

  it('allows loops only through a wait', () => {
    const d = clone();
    // coupon -> wait_second is a loop through the wait: fine.
    d.nodes = d.nodes.filter((n) => n.id !== 'end');
    d.edges = d.edges.filter((e) => e.id !== 'e_coupon_end').concat({ id: 'e_loop', source: 'coupon', sourceHandle: 'next', target: 'wait_second' });
    expect(validateWorkflow(d).ok).toBe(true);
    // Two coupons feeding each other never wait: refused.
    d.nodes.push({ id: 'coupon2', kind: 'issue_coupon', label: '', position: { x: 0, y: 0 }, config: { template: 'A', validityDays: 1 } });
    d.edges = d.edges.filter((e) => e.id !== 'e_loop').concat(
      { id: 'e_c1', source: 'coupon', sourceHandle: 'next', target: 'coupon2' },
      { id: 'e_c2', source: 'coupon2', sourceHandle: 'next', target: 'coupon' },
    );
    expect(codes(d).filter(([c]) => c === 'cycle_without_wait')).toHaveLength(1);
  });

  it('flags duplicate ids', () => {
    const d = clone();
    d.nodes.push({ ...d.nodes[4]! });
    expect(codes(d)).toContainEqual(['duplicate_id', 'end', null]);
  });
});
