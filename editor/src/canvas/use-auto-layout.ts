import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { layeredLayout } from '../flow/auto-layout.ts';
import type { FlowEdge, FlowNode } from '../flow/flow-types.ts';
import { nodeOutputs } from '../flow/node-outputs.ts';
import { cardWidth, NODE_HEIGHT } from './node-size.ts';

/** Tidy-up: lays the steps out top-down with their measured sizes, then frames the result. */
export function useAutoLayout() {
  const { getNodes, getEdges, setNodes, fitView } = useReactFlow<FlowNode, FlowEdge>();
  return useCallback(async () => {
    const nodes = getNodes();
    const positions = await layeredLayout(
      nodes.map((n) => {
        const outputs = nodeOutputs(n.data.kind, n.data.config).map((o) => o.id);
        return { id: n.id, width: n.measured?.width ?? cardWidth(outputs.length), height: n.measured?.height ?? NODE_HEIGHT, outputs };
      }),
      getEdges().map((e) => ({ source: e.source, sourceHandle: e.sourceHandle ?? 'next', target: e.target })),
    );
    // Steps added while the layout was computed keep where they were dropped.
    setNodes((ns) => ns.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })));
    // Wait a frame so React Flow has the new positions before framing them.
    window.setTimeout(() => void fitView({ padding: 0.15, maxZoom: 1, duration: 250 }), 30);
  }, [getNodes, getEdges, setNodes, fitView]);
}
