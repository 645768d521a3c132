import { describe, expect, it } from 'vitest';
import { NODE_HEIGHT, NODE_WIDTH } from './node-size.ts';
import { freeSpot } from './use-add-node.ts';

const at = (x: number, y: number, height = NODE_HEIGHT) => ({ position: { x, y }, measured: { width: NODE_WIDTH, height } });

describe('where a clicked-in step goes', () => {
  it('stays at the centre when nothing is there', () => {
    expect(freeSpot([at(0, 0)], { x: 600, y: 600 })).toEqual({ x: 600, y: 600 });
  });

  it('goes below the step it would cover (its measured height, live counts included), and below the next one too', () => {
    expect(freeSpot([at(0, 0, 140)], { x: 30, y: 40 })).toEqual({ x: 30, y: 164 });
    expect(freeSpot([at(0, 0, 140), at(40, 170, 100)], { x: 30, y: 40 })).toEqual({ x: 30, y: 294 });
  });

  it('repeated clicks make a column, never a pile', () => {
    const nodes: ReturnType<typeof at>[] = [];
    for (let i = 0; i < 4; i++) {
      const p = freeSpot(nodes, { x: 0, y: 0 });
      nodes.push(at(p.x, p.y));
    }
    const ys = nodes.map((n) => n.position.y);
    expect(new Set(ys).size).toBe(4);
    for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).toBeGreaterThanOrEqual(NODE_HEIGHT);
  });
});
