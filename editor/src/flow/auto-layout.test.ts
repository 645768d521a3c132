import { describe, expect, it } from 'vitest';
import { layeredLayout, type LayoutEdge, type LayoutNode } from './auto-layout.ts';

const n = (id: string, outputs: string[] = ['next'], width = 200): LayoutNode => ({ id, width, height: 100, outputs });
const e = (source: string, target: string, sourceHandle = 'next'): LayoutEdge => ({ source, target, sourceHandle });
const cx = (pos: Map<string, { x: number; y: number }>, id: string, width = 200) => pos.get(id)!.x + width / 2;

function overlaps(pos: Map<string, { x: number; y: number }>, nodes: LayoutNode[]): boolean {
  for (const a of nodes)
    for (const b of nodes) {
      if (a.id >= b.id) continue;
      const pa = pos.get(a.id)!;
      const pb = pos.get(b.id)!;
      if (pa.x < pb.x + b.width && pb.x < pa.x + a.width && pa.y < pb.y + b.height && pb.y < pa.y + a.height) return true;
    }
  return false;
}

describe('layeredLayout', () => {
  it('stacks a chain top-down in one column', () => {
    const nodes = [n('c'), n('a'), n('b')];
    const pos = layeredLayout(nodes, [e('a', 'b'), e('b', 'c')]);
    expect(pos.get('a')!.y).toBeLessThan(pos.get('b')!.y);
    expect(pos.get('b')!.y).toBeLessThan(pos.get('c')!.y);
    expect(cx(pos, 'a')).toBe(cx(pos, 'b'));
    expect(cx(pos, 'b')).toBe(cx(pos, 'c'));
  });

  it('puts a node below the longest path leading to it', () => {
    const nodes = [n('a'), n('b'), n('c'), n('d')];
    const pos = layeredLayout(nodes, [e('a', 'b'), e('b', 'c'), e('c', 'd'), e('a', 'd')]);
    expect(pos.get('d')!.y).toBeGreaterThan(pos.get('c')!.y);
  });

  it('hangs branches under their outputs, left to right, without overlap', () => {
    const nodes = [n('trigger'), n('wait', ['event', 'timeout']), n('coupon'), n('converted'), n('end')];
    const edges = [e('trigger', 'wait'), e('wait', 'coupon', 'timeout'), e('wait', 'converted', 'event'), e('coupon', 'end')];
    const pos = layeredLayout(nodes, edges);
    expect(cx(pos, 'converted')).toBeLessThan(cx(pos, 'wait'));
    expect(cx(pos, 'coupon')).toBeGreaterThan(cx(pos, 'wait'));
    expect(pos.get('converted')!.y).toBe(pos.get('coupon')!.y);
    expect(overlaps(pos, nodes)).toBe(false);
  });

  it('keeps the order of many outputs', () => {
    const outs = ['a', 'b', 'c', 'd', 'else'];
    const nodes = [n('split', outs, 400), ...[...outs].reverse().map((o) => n(`to_${o}`))];
    const pos = layeredLayout(nodes, outs.map((o) => e('split', `to_${o}`, o)));
    const xs = outs.map((o) => pos.get(`to_${o}`)!.x);
    expect([...xs].sort((p, q) => p - q)).toEqual(xs);
    expect(overlaps(pos, nodes)).toBe(false);
  });

  it('survives cycles and places every node', () => {
    const nodes = [n('a'), n('b'), n('c')];
    const pos = layeredLayout(nodes, [e('a', 'b'), e('b', 'c'), e('c', 'a'), e('b', 'b')]);
    expect(pos.size).toBe(3);
    expect(pos.get('a')!.y).toBeLessThan(pos.get('b')!.y);
    expect(pos.get('b')!.y).toBeLessThan(pos.get('c')!.y);
  });

  it('lays out loose nodes side by side and ignores dangling edges', () => {
    const nodes = [n('a'), n('b'), n('c')];
    const pos = layeredLayout(nodes, [e('a', 'missing')]);
    expect(new Set([...pos.values()].map((p) => p.y)).size).toBe(1);
    expect(overlaps(pos, nodes)).toBe(false);
  });

  it('handles an empty graph', () => {
    expect(layeredLayout([], []).size).toBe(0);
  });
});
