import type { ElkNode, ElkPort, LayoutOptions as ElkOptions } from 'elkjs/lib/elk-api.js';

/**
 * Top-down layered layout by ELK (elkjs, the Eclipse Layout Kernel's "layered" algorithm). Each
 * output handle is a port on the node's bottom edge, in order, so a child hangs under the
 * output that leads to it. Pure apart from loading ELK, so it is tested without a
 * browser; the canvas supplies the sizes.
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
  /** Empty space between one row of steps and the next. */
  rankGap: number;
  /** Empty space between neighbouring steps in a row. */
  nodeGap: number;
}

const defaults: LayoutOptions = { rankGap: 72, nodeGap: 40 };

type Elk = { layout(graph: ElkNode): Promise<ElkNode> };
let elk: Promise<Elk> | undefined;

/** ELK is about 1.5 MB of code: fetched on the first Tidy up, not with the editor. */
function loadElk(): Promise<Elk> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK());
  return elk;
}

function graphOptions(opt: LayoutOptions): ElkOptions {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': 'DOWN',
    'elk.spacing.nodeNode': String(opt.nodeGap),
    'elk.layered.spacing.nodeNodeBetweenLayers': String(opt.rankGap),
    // The canvas draws its own edges, so ELK needs no room between rows for edge bends.
    'elk.edgeRouting': 'POLYLINE',
    'elk.layered.spacing.edgeNodeBetweenLayers': '0',
    'elk.layered.spacing.edgeEdgeBetweenLayers': '0',
    // Loops back to an earlier step are reversed where the steps' order says they go back.
    'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
    // Ties keep the steps' order on the canvas, so a layout does not shuffle on every click.
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
    // Steps not connected to the rest (a fresh one from the palette) share the top row.
    'elk.separateConnectedComponents': 'false',
    'elk.randomSeed': '1',
    'elk.padding': '[top=0,left=0,bottom=0,right=0]',
  };
}

// NUL cannot occur in a step id or handle id, so these ids cannot collide with the canvas's.
const IN = '\u0000in';
const portId = (node: string, handle: string) => `${node}\u0000${handle}`;

/** One input on top; the outputs along the bottom in the card's own left-to-right order. */
function elkNode(n: LayoutNode): ElkNode {
  const outputs = n.outputs.length ? n.outputs : ['next'];
  const ports: ElkPort[] = outputs.map((h, i) => ({
    id: portId(n.id, h),
    // ELK numbers ports clockwise from the top left, so along the bottom they count right to left.
    layoutOptions: { 'elk.port.side': 'SOUTH', 'elk.port.index': String(outputs.length - i) },
  }));
  ports.push({ id: portId(n.id, IN), layoutOptions: { 'elk.port.side': 'NORTH', 'elk.port.index': '0' } });
  // FIXED_ORDER: ELK may not swap two outputs to save a crossing, so "yes" stays left of "no".
  return { id: n.id, width: n.width, height: n.height, ports, layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' } };
}

/** Top-left positions by node id. Same graph in, same positions out. */
export async function layeredLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  options: Partial<LayoutOptions> = {},
): Promise<Map<string, { x: number; y: number }>> {
  if (nodes.length === 0) return new Map();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const handleOf = (e: LayoutEdge) => {
    const outs = byId.get(e.source)!.outputs;
    const h = e.sourceHandle ?? 'next';
    return outs.length === 0 || outs.includes(h) ? h : outs[0]!;
  };
  const graph: ElkNode = {
    id: '\u0000root',
    layoutOptions: graphOptions({ ...defaults, ...options }),
    children: nodes.map(elkNode),
    // Self-loops and edges to missing steps say nothing about where a step belongs.
    edges: edges
      .filter((e) => byId.has(e.source) && byId.has(e.target) && e.source !== e.target)
      .map((e, i) => ({ id: `\u0000e${i}`, sources: [portId(e.source, handleOf(e))], targets: [portId(e.target, IN)] })),
  };
  const laid = await (await loadElk()).layout(graph);
  const out = new Map<string, { x: number; y: number }>();
  for (const c of laid.children ?? []) out.set(c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) });
  return out;
}
