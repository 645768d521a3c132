import { NodeKind } from '@memberflow/shared/node-kind';
import { useReactFlow, type XYPosition } from '@xyflow/react';
import { useCallback, type DragEvent, type RefObject } from 'react';
import type { FlowEdge, FlowNode } from '../flow/flow-types.ts';
import { createFlowNode } from '../flow/new-node.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './node-size.ts';
import { PALETTE_DRAG_TYPE } from './palette.tsx';

/** Adding steps from the palette: by click (centre of the visible canvas) or by dropping at the pointer. */
export function useAddNode(canvasRef: RefObject<HTMLDivElement | null>) {
  const { screenToFlowPosition, setNodes, setEdges } = useReactFlow<FlowNode, FlowEdge>();

  const addNode = useCallback(
    (kind: NodeKind, at?: XYPosition) => {
      let position = at;
      if (!position) {
        const rect = canvasRef.current?.getBoundingClientRect();
        const center = rect
          ? screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
          : { x: 0, y: 0 };
        position = { x: center.x - NODE_WIDTH / 2, y: center.y - NODE_HEIGHT / 2 };
      }
      setNodes((ns) => {
        let p = position;
        // Repeated clicks would stack new steps exactly on top of each other.
        while (ns.some((n) => Math.abs(n.position.x - p.x) < 12 && Math.abs(n.position.y - p.y) < 12))
          p = { x: p.x + 28, y: p.y + 28 };
        const node = createFlowNode(kind, p, new Set(ns.map((n) => n.id)));
        return [...ns.map((n) => (n.selected ? { ...n, selected: false } : n)), { ...node, selected: true }];
      });
      setEdges((es) => es.map((e) => (e.selected ? { ...e, selected: false } : e)));
    },
    [canvasRef, screenToFlowPosition, setNodes, setEdges],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(PALETTE_DRAG_TYPE)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
    }
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = NodeKind.safeParse(e.dataTransfer.getData(PALETTE_DRAG_TYPE));
      if (!kind.success) return;
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      addNode(kind.data, { x: p.x - NODE_WIDTH / 2, y: p.y - 20 });
    },
    [addNode, screenToFlowPosition],
  );

  return { addNode, onDragOver, onDrop };
}
