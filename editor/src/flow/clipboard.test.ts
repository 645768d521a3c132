import { describe, expect, it } from 'vitest';
import { copySelection, pasteClipboard } from './clipboard.ts';
import type { FlowEdge, FlowNode } from './flow-types.ts';

const node = (id: string, kind: FlowNode['data']['kind'], x: number, selected = false): FlowNode => ({
  id,
  type: 'action',
  position: { x, y: 0 },
  data: { kind, label: id, config: { n: 1 } },
  selected,
  measured: { width: 200, height: 90 },
});

const nodes = [node('issue_coupon_1', 'issue_coupon', 0, true), node('exit_1', 'exit', 100, true), node('wait_duration_1', 'wait_duration', 200)];
const edges: FlowEdge[] = [
  { id: 'e1', source: 'issue_coupon_1', sourceHandle: 'next', target: 'exit_1' },
  { id: 'e2', source: 'wait_duration_1', sourceHandle: 'next', target: 'issue_coupon_1' },
];

describe('copy and paste', () => {
  it('copies the selected steps and only the connections between them', () => {
    const clip = copySelection(nodes, edges)!;
    expect(clip.nodes.map((n) => n.id)).toEqual(['issue_coupon_1', 'exit_1']);
    expect(clip.edges.map((e) => e.id)).toEqual(['e1']);
    expect(clip.nodes[0]).not.toHaveProperty('measured');
  });

  it('returns null with nothing selected', () => {
    expect(copySelection(nodes.map((n) => ({ ...n, selected: false })), edges)).toBeNull();
  });

  it('pastes with fresh ids, an offset and rewired internal edges', () => {
    const clip = copySelection(nodes, edges)!;
    const taken = new Set(nodes.map((n) => n.id));
    const out = pasteClipboard(clip, taken, new Set(edges.map((e) => e.id)), { x: 40, y: 40 });
    expect(out.nodes.map((n) => n.id)).toEqual(['issue_coupon_2', 'exit_2']);
    expect(out.nodes.map((n) => n.position)).toEqual([
      { x: 40, y: 40 },
      { x: 140, y: 40 },
    ]);
    expect(out.nodes.every((n) => n.selected)).toBe(true);
    expect(out.edges).toEqual([{ id: 'e_issue_coupon_2_next', source: 'issue_coupon_2', sourceHandle: 'next', target: 'exit_2' }]);
  });

  it('copies config deeply so editing a copy leaves the original alone', () => {
    const clip = copySelection(nodes, edges)!;
    const out = pasteClipboard(clip, new Set(), new Set(), { x: 0, y: 0 });
    (out.nodes[0]!.data.config as { n: number }).n = 5;
    expect(nodes[0]!.data.config).toEqual({ n: 1 });
  });

  it('pasting twice gives distinct ids', () => {
    const clip = copySelection(nodes, edges)!;
    const taken = new Set(nodes.map((n) => n.id));
    const first = pasteClipboard(clip, taken, new Set(), { x: 40, y: 40 });
    for (const n of first.nodes) taken.add(n.id);
    const second = pasteClipboard(clip, taken, new Set(first.edges.map((e) => e.id)), { x: 80, y: 80 });
    expect(second.nodes.map((n) => n.id)).toEqual(['issue_coupon_3', 'exit_3']);
  });
});
