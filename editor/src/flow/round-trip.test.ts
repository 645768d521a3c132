import { WorkflowDefinition } from '@memberflow/shared/definition';
import { NodeKind } from '@memberflow/shared/node-kind';
import { nodeModule } from '@memberflow/shared/node-registry';
import { secondPurchaseNudge } from '@memberflow/shared/templates/second-purchase-nudge';
import { validateWorkflow } from '@memberflow/shared/validate';
import { describe, expect, it } from 'vitest';
import { definitionToFlow } from './definition-to-flow.ts';
import { flowToDefinition } from './flow-to-definition.ts';

describe('definitionToFlow / flowToDefinition', () => {
  it('round-trips the second-purchase template exactly', () => {
    const flow = definitionToFlow(secondPurchaseNudge);
    expect(flowToDefinition(flow, secondPurchaseNudge)).toEqual(secondPurchaseNudge);
    expect(validateWorkflow(flowToDefinition(flow, secondPurchaseNudge)).ok).toBe(true);
  });

  it('uses the node group as the React Flow type and keeps edge ids and handles', () => {
    const flow = definitionToFlow(secondPurchaseNudge);
    expect(flow.nodes.map((n) => n.type)).toEqual(['trigger', 'wait', 'end', 'action', 'end']);
    expect(flow.edges.find((e) => e.id === 'e_wait_coupon')).toMatchObject({
      source: 'wait_second',
      sourceHandle: 'timeout',
      target: 'coupon',
    });
  });

  it('drops React Flow bookkeeping and keeps moved positions', () => {
    const flow = definitionToFlow(secondPurchaseNudge);
    const touched = {
      nodes: flow.nodes.map((n, i) => ({
        ...n,
        selected: i === 0,
        dragging: false,
        measured: { width: 220, height: 96 },
        position: i === 1 ? { x: 40.5, y: -12 } : n.position,
      })),
      edges: flow.edges.map((e) => ({ ...e, selected: true, animated: true, type: 'smoothstep' })),
    };
    const def = flowToDefinition(touched, secondPurchaseNudge);
    expect(def.nodes[1]?.position).toEqual({ x: 40.5, y: -12 });
    expect(Object.keys(def.nodes[0] ?? {}).sort()).toEqual(['config', 'id', 'kind', 'label', 'position']);
    expect(Object.keys(def.edges[0] ?? {}).sort()).toEqual(['id', 'source', 'sourceHandle', 'target']);
  });

  it('does not share config objects between the definition and the canvas', () => {
    const flow = definitionToFlow(secondPurchaseNudge);
    const wait = flow.nodes.find((n) => n.id === 'wait_second')!;
    (wait.data.config.timeout as { amount: number }).amount = 7;
    expect(secondPurchaseNudge.nodes[1]?.config).toMatchObject({ timeout: { amount: 30 } });
  });

  it('gives an edge drawn without a handle id the default output', () => {
    const def = flowToDefinition(
      { nodes: definitionToFlow(secondPurchaseNudge).nodes, edges: [{ id: 'e1', source: 'trigger', target: 'wait_second' }] },
      secondPurchaseNudge,
    );
    expect(def.edges).toEqual([{ id: 'e1', source: 'trigger', sourceHandle: 'next', target: 'wait_second' }]);
  });

  it('round-trips generated definitions, including invalid configs and dangling edges', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const def = randomDefinition(mulberry32(seed));
      const flow = definitionToFlow(def);
      expect(flowToDefinition(flow, def), `seed ${seed}`).toEqual(def);
      expect(flow.nodes.map((n) => n.type)).toEqual(def.nodes.map((n) => nodeModule(n.kind).group));
    }
  });
});

/** A small seeded PRNG so a failing case can be replayed from its seed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomDefinition(rand: () => number): WorkflowDefinition {
  const int = (max: number) => Math.floor(rand() * max);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const idChars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789_-';
  // Ids starting with "__" are reserved, so generated ones never do.
  const id = () =>
    Array.from({ length: 1 + int(12) }, () => pick([...idChars]))
      .join('')
      .replace(/^__/, 'x_');
  const text = () => Array.from({ length: int(20) }, () => pick([...'ab c,é会员🎁"\'\\\n'])).join('');
  const value = (depth: number): unknown => {
    switch (int(depth > 2 ? 4 : 6)) {
      case 0:
        return text();
      case 1:
        return rand() * 2000 - 1000;
      case 2:
        return rand() < 0.5;
      case 3:
        return null;
      case 4:
        return Array.from({ length: int(4) }, () => value(depth + 1));
      default:
        return Object.fromEntries(Array.from({ length: int(4) }, () => [id(), value(depth + 1)]));
    }
  };
  const nodes = Array.from({ length: int(15) }, () => {
    const kind = pick(NodeKind.options);
    const mod = nodeModule(kind);
    return {
      id: id(),
      kind,
      label: text(),
      position: { x: rand() * 4000 - 2000, y: int(3000) - 1500 },
      config: rand() < 0.6 ? mod.defaults() : Object.fromEntries(Array.from({ length: int(4) }, () => [id(), value(1)])),
    };
  });
  const nodeIds = nodes.map((n) => n.id);
  const edges = Array.from({ length: int(20) }, () => ({
    id: id(),
    // Dangling ends and unknown handles are legal drafts: validation reports them, conversion keeps them.
    source: nodeIds.length && rand() < 0.9 ? pick(nodeIds) : id(),
    sourceHandle: pick(['next', 'event', 'timeout', id()]),
    target: nodeIds.length && rand() < 0.9 ? pick(nodeIds) : id(),
  }));
  return WorkflowDefinition.parse({
    schemaVersion: 1,
    nodes,
    edges,
    settings: { entry: pick(['once_ever', 'once_at_a_time', 'every_time'] as const) },
  });
}
