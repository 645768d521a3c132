import type { Violation } from '@memberflow/shared/violations';
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import type { FlowEdge, FlowNode } from '../flow/flow-types.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './node-size.ts';

/** Clicking a problem selects the step (or connection) at fault, brings it into view and puts the cursor in the field. */
export function useFocusProblem() {
  const { setNodes, setEdges, setCenter, getZoom, getNode, getEdge } = useReactFlow<FlowNode, FlowEdge>();

  const selectOnly = useCallback(
    (target: { nodeId?: string; edgeId?: string }) => {
      setNodes((ns) =>
        ns.map((n) => (Boolean(n.selected) !== (n.id === target.nodeId) ? { ...n, selected: n.id === target.nodeId } : n)),
      );
      setEdges((es) =>
        es.map((e) => (Boolean(e.selected) !== (e.id === target.edgeId) ? { ...e, selected: e.id === target.edgeId } : e)),
      );
    },
    [setNodes, setEdges],
  );

  return useCallback(
    (v: Violation) => {
      const node = v.nodeId ? getNode(v.nodeId) : undefined;
      const edge = !node && v.edgeId ? getEdge(v.edgeId) : undefined;
      const zoom = Math.max(getZoom(), 1);
      if (node) {
        selectOnly({ nodeId: node.id });
        const w = node.measured?.width ?? NODE_WIDTH;
        const h = node.measured?.height ?? NODE_HEIGHT;
        void setCenter(node.position.x + w / 2, node.position.y + h / 2, { zoom, duration: 300 });
        // Inspector field ids are "node-<id>-<top-level config field>"; they exist once the inspector shows this node.
        const field = v.field?.startsWith('config.') ? v.field.split('.')[1] : undefined;
        if (field) window.setTimeout(() => document.getElementById(`node-${node.id}-${field}`)?.focus(), 60);
      } else if (edge) {
        selectOnly({ edgeId: edge.id });
        const a = getNode(edge.source);
        const b = getNode(edge.target);
        if (a && b) {
          const x = (a.position.x + b.position.x + NODE_WIDTH) / 2;
          const y = (a.position.y + b.position.y + NODE_HEIGHT) / 2;
          void setCenter(x, y, { zoom, duration: 300 });
        }
      }
    },
    [getNode, getEdge, getZoom, selectOnly, setCenter],
  );
}
