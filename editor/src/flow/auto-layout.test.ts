import { describe, expect, it } from 'vitest';
import { layeredLayout, type LayoutEdge, type LayoutNode } from './auto-layout.ts';

type Positions = Map<string, { x: number; y: number }>;
const n = (id: string, outputs: string[] = ['next'], width = 200): LayoutNode => ({ id, width, height: 100, outputs });
const e = (source: string, target: string, sourceHandle = 'next'): LayoutEdge => ({ source, target, sourceHandle });

function centreX(pos: Positions, nodes: LayoutNode[], id: string): number {
  return pos.get(id)!.x + nodes.find((x) => x.id === id)!.width / 2;
}

function overlaps(pos: Positions, nodes: LayoutNode[]): boolean {
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
  it('stacks a chain top-down in one column, whatever the canvas order, a row gap apart', async () => {
    const nodes = [n('c'), n('a'), n('b')];
    const pos = await layeredLayout(nodes, [e('a', 'b'), e('b', 'c')], { rankGap: 72 });
    expect(pos.get('b')!.y - pos.get('a')!.y).toBe(100 + 72);
    expect(pos.get('c')!.y - pos.get('b')!.y).toBe(100 + 72);
    expect(centreX(pos, nodes, 'a')).toBe(centreX(pos, nodes, 'b'));
    expect(centreX(pos, nodes, 'b')).toBe(centreX(pos, nodes, 'c'));
  });

  it('puts a node below the longest path leading to it', async () => {
    const nodes = [n('a'), n('b'), n('c'), n('d')];
    const pos = await layeredLayout(nodes, [e('a', 'b'), e('b', 'c'), e('c', 'd'), e('a', 'd')]);
    expect(pos.get('d')!.y).toBeGreaterThan(pos.get('c')!.y);
  });

  it('hangs branches under their outputs, left to right, without overlap', async () => {
    const nodes = [n('trigger'), n('wait', ['event', 'timeout']), n('coupon'), n('converted'), n('end')];
    const edges = [e('trigger', 'wait'), e('wait', 'coupon', 'timeout'), e('wait', 'converted', 'event'), e('coupon', 'end')];
    const pos = await layeredLayout(nodes, edges);
    expect(centreX(pos, nodes, 'converted')).toBeLessThan(centreX(pos, nodes, 'wait'));
    expect(centreX(pos, nodes, 'coupon')).toBeGreaterThan(centreX(pos, nodes, 'wait'));
    expect(pos.get('converted')!.y).toBe(pos.get('coupon')!.y);
    // The rest of a branch stays on its side.
    expect(centreX(pos, nodes, 'end')).toBe(centreX(pos, nodes, 'coupon'));
    expect(overlaps(pos, nodes)).toBe(false);
  });

  it('keeps the outputs order even when the canvas lists the steps the other way round', async () => {
    for (const [yes, no] of [
      ['yes', 'no'],
      ['no', 'yes'],
    ] as const) {
      const nodes = [n('if', ['yes', 'no']), n(`to_${yes}`), n(`to_${no}`)];
      const pos = await layeredLayout(nodes, [e('if', 'to_no', 'no'), e('if', 'to_yes', 'yes')]);
      expect(pos.get('to_yes')!.x).toBeLessThan(pos.get('to_no')!.x);
    }
  });

  it('keeps the order of many outputs (a tier split)', async () => {
    const outs = ['a', 'b', 'c', 'd', 'else'];
    const nodes = [n('split', outs, 400), ...[...outs].reverse().map((o) => n(`to_${o}`))];
    const pos = await layeredLayout(nodes, outs.map((o) => e('split', `to_${o}`, o)));
    const xs = outs.map((o) => pos.get(`to_${o}`)!.x);
    expect([...xs].sort((p, q) => p - q)).toEqual(xs);
    expect(overlaps(pos, nodes)).toBe(false);
  });

  it('leans a lone child towards the output it hangs from', async () => {
    const nodes = [n('ab', ['a', 'b'], 400), n('only_b')];
    const pos = await layeredLayout(nodes, [e('ab', 'only_b', 'b')]);
    expect(centreX(pos, nodes, 'only_b')).toBeGreaterThan(centreX(pos, nodes, 'ab'));
    const left = await layeredLayout(nodes, [e('ab', 'only_b', 'a')]);
    expect(centreX(left, nodes, 'only_b')).toBeLessThan(centreX(left, nodes, 'ab'));
  });

  it('gives wider and taller cards their room', async () => {
    const nodes = [n('t'), n('split', ['a', 'b', 'c'], 520), { ...n('tall'), height: 260 }, n('x'), n('y'), n('after')];
    const edges = [e('t', 'split'), e('split', 'tall', 'a'), e('split', 'x', 'b'), e('split', 'y', 'c'), e('tall', 'after'), e('x', 'after')];
    const pos = await layeredLayout(nodes, edges);
    expect(overlaps(pos, nodes)).toBe(false);
    expect(pos.get('after')!.y).toBeGreaterThanOrEqual(pos.get('tall')!.y + 260 + 72);
  });

  it('survives cycles and places every node', async () => {
    const nodes = [n('a'), n('b'), n('c')];
    const pos = await layeredLayout(nodes, [e('a', 'b'), e('b', 'c'), e('c', 'a'), e('b', 'b')]);
    expect(pos.size).toBe(3);
    expect(pos.get('a')!.y).toBeLessThan(pos.get('b')!.y);
    expect(pos.get('b')!.y).toBeLessThan(pos.get('c')!.y);
  });

  it('lays out loose nodes side by side and ignores dangling edges and unknown handles', async () => {
    const nodes = [n('a'), n('b'), n('c')];
    const pos = await layeredLayout(nodes, [e('a', 'missing'), e('b', 'c', 'gone')]);
    expect(pos.size).toBe(3);
    expect(pos.get('a')!.y).toBe(pos.get('b')!.y);
    expect(pos.get('c')!.y).toBeGreaterThan(pos.get('b')!.y);
    expect(overlaps(pos, nodes)).toBe(false);
  });

  it('gives the same positions for the same graph', async () => {
    const nodes = [n('t'), n('ab', ['a', 'b']), n('x'), n('y'), n('join'), n('loose')];
    const edges = [e('t', 'ab'), e('ab', 'x', 'a'), e('ab', 'y', 'b'), e('x', 'join'), e('y', 'join')];
    const first = [...(await layeredLayout(nodes, edges))];
    for (let i = 0; i < 3; i++) expect([...(await layeredLayout(nodes, edges))]).toEqual(first);
  });

  it('handles an empty graph', async () => {
    expect((await layeredLayout([], [])).size).toBe(0);
  });
});
