/**
 * Top-down layered layout (a small Sugiyama): break cycles, layer by longest path, order each
 * layer by barycentres over a few sweeps, then place nodes as close to their parents' outputs
 * as the spacing allows. Pure, so it is tested without a browser; the canvas supplies sizes.
 */
export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  /** Output handle ids left to right; children hang under the output that leads to them. */
  outputs: readonly string[];
}

export interface LayoutEdge {
  source: string;
  sourceHandle?: string | null;
  target: string;
}

export interface LayoutOptions {
  rankGap: number;
  nodeGap: number;
  sweeps: number;
}

const defaults: LayoutOptions = { rankGap: 72, nodeGap: 40, sweeps: 4 };

/** Top-left positions by node id. Nodes keep their input order wherever nothing decides otherwise. */
export function layeredLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options: Partial<LayoutOptions> = {},
): Map<string, { x: number; y: number }> {
  const opt = { ...defaults, ...options };
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const valid = edges.filter((e) => byId.has(e.source) && byId.has(e.target) && e.source !== e.target);
  const dag = acyclic(nodes, valid);
  const layer = longestPathLayers(nodes, dag);

  const layers: string[][] = [];
  for (const n of nodes) (layers[layer.get(n.id)!] ??= []).push(n.id);
  const parents = new Map<string, { id: string; frac: number }[]>(nodes.map((n) => [n.id, []]));
  const children = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of dag) {
    parents.get(e.target)!.push({ id: e.source, frac: handleFraction(byId.get(e.source)!, e.sourceHandle) });
    children.get(e.source)!.push(e.target);
  }

  // Ordering: positions within a layer, refined by barycentres downwards then upwards.
  const order = new Map<string, number>();
  const renumber = (ids: string[]) => ids.forEach((id, i) => order.set(id, i));
  layers.forEach(renumber);
  for (let s = 0; s < opt.sweeps; s++) {
    for (let l = 1; l < layers.length; l++) {
      sortBy(layers[l]!, (id) => mean(parents.get(id)!.map((p) => order.get(p.id)! + p.frac)));
      renumber(layers[l]!);
    }
    for (let l = layers.length - 2; l >= 0; l--) {
      sortBy(layers[l]!, (id) => mean(children.get(id)!.map((c) => order.get(c)!)));
      renumber(layers[l]!);
    }
    // End on a downward sweep so branch order follows the parents' outputs.
    for (let l = 1; l < layers.length; l++) {
      sortBy(layers[l]!, (id) => mean(parents.get(id)!.map((p) => order.get(p.id)! + p.frac)));
      renumber(layers[l]!);
    }
  }

  // Coordinates: each layer centred on x = 0 first, then pulled under its parents' outputs.
  const centerX = new Map<string, number>();
  const out = new Map<string, { x: number; y: number }>();
  let y = 0;
  for (const ids of layers) {
    const widths = ids.map((id) => byId.get(id)!.width);
    const desired = ids.map((id) => {
      const ps = parents.get(id)!;
      if (ps.length === 0) return null;
      return mean(ps.map((p) => centerX.get(p.id)! + (p.frac - 0.5) * byId.get(p.id)!.width)) ?? null;
    });
    const xs = place(widths, desired, opt.nodeGap);
    ids.forEach((id, i) => centerX.set(id, xs[i]!));
    const height = Math.max(...ids.map((id) => byId.get(id)!.height));
    ids.forEach((id, i) => out.set(id, { x: Math.round(xs[i]! - widths[i]! / 2), y: Math.round(y) }));
    y += height + opt.rankGap;
  }
  return out;
}

/** Where along the parent's bottom edge (0..1) the output leading to this child sits. */
function handleFraction(n: LayoutNode, handle: string | null | undefined): number {
  const k = n.outputs.length;
  if (k <= 1) return 0.5;
  const i = Math.max(0, n.outputs.indexOf(handle ?? 'next'));
  return (i + 0.5) / k;
}

/** Drops edges that close a cycle (loops back to an earlier step), found by depth-first search from the roots. */
function acyclic(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): LayoutEdge[] {
  const out = new Map<string, LayoutEdge[]>(nodes.map((n) => [n.id, []]));
  const indeg = new Map<string, number>(nodes.map((n) => [n.id, 0]));
  for (const e of edges) {
    out.get(e.source)!.push(e);
    indeg.set(e.target, indeg.get(e.target)! + 1);
  }
  const state = new Map<string, 'open' | 'done'>();
  const keep: LayoutEdge[] = [];
  const roots = [...nodes.filter((n) => indeg.get(n.id) === 0), ...nodes];
  for (const root of roots) {
    if (state.has(root.id)) continue;
    // Iterative DFS: a long chain must not overflow the stack.
    const stack: { id: string; i: number }[] = [{ id: root.id, i: 0 }];
    state.set(root.id, 'open');
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const next = out.get(top.id)![top.i++];
      if (!next) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const s = state.get(next.target);
      if (s === 'open') continue; // back edge
      keep.push(next);
      if (!s) {
        state.set(next.target, 'open');
        stack.push({ id: next.target, i: 0 });
      }
    }
  }
  return keep;
}

function longestPathLayers(nodes: readonly LayoutNode[], dag: readonly LayoutEdge[]): Map<string, number> {
  const layer = new Map<string, number>(nodes.map((n) => [n.id, 0]));
  const indeg = new Map<string, number>(nodes.map((n) => [n.id, 0]));
  const out = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of dag) {
    indeg.set(e.target, indeg.get(e.target)! + 1);
    out.get(e.source)!.push(e.target);
  }
  const queue = nodes.filter((n) => indeg.get(n.id) === 0).map((n) => n.id);
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const t of out.get(id)!) {
      layer.set(t, Math.max(layer.get(t)!, layer.get(id)! + 1));
      indeg.set(t, indeg.get(t)! - 1);
      if (indeg.get(t) === 0) queue.push(t);
    }
  }
  return layer;
}

/**
 * Centres in order with at least `gap` between neighbours, each as near its desired centre as
 * allowed: one pass pushing right, one pushing left, averaged, so neither side is favoured.
 */
function place(widths: number[], desired: (number | null)[], gap: number): number[] {
  const n = widths.length;
  const total = widths.reduce((a, b) => a + b, 0) + gap * (n - 1);
  // Without a wish (roots), a node takes its slot in a row centred on 0.
  let cursor = -total / 2;
  const want = widths.map((w, i) => {
    const c = cursor + w / 2;
    cursor += w + gap;
    return desired[i] ?? c;
  });
  const right = [...want];
  for (let i = 1; i < n; i++) right[i] = Math.max(right[i]!, right[i - 1]! + (widths[i - 1]! + widths[i]!) / 2 + gap);
  const left = [...want];
  for (let i = n - 2; i >= 0; i--) left[i] = Math.min(left[i]!, left[i + 1]! - (widths[i + 1]! + widths[i]!) / 2 - gap);
  const avg = right.map((r, i) => (r + left[i]!) / 2);
  // Averaging two valid spacings keeps the order but can squeeze a pair; one more right push restores the gap.
  for (let i = 1; i < n; i++) avg[i] = Math.max(avg[i]!, avg[i - 1]! + (widths[i - 1]! + widths[i]!) / 2 + gap);
  return avg;
}

function mean(xs: number[]): number | undefined {
  return xs.length === 0 ? undefined : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Stable sort by a key; items without a key keep their current slot relative to each other. */
function sortBy(ids: string[], key: (id: string) => number | undefined): void {
  const keyed = ids.map((id, i) => ({ id, k: key(id) ?? i }));
  keyed.sort((a, b) => a.k - b.k);
  keyed.forEach((x, i) => (ids[i] = x.id));
}
