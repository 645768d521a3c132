import { NodeKind } from '@memberflow/shared/node-kind';
import { useReactFlow, type XYPosition } from '@xyflow/react';
import { useCallback, type DragEvent, type RefObject } from 'react';
import type { FlowEdge, FlowNode } from '../flow/flow-types.ts';
import { createFlowNode } from '../flow/new-node.ts';
import { useT } from '../i18n/i18n.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './node-size.ts';
import { PALETTE_DRAG_TYPE } from './palette.tsx';

/** Adding steps from the palette: by click (centre of the visible canvas) or by dropping at the pointer. */
export function useAddNode(canvasRef: RefObject<HTMLDivElement | null>) {
  const { screenToFlowPosition, setNodes, setEdges } = useReactFlow<FlowNode, FlowEdge>();
  const t = useT();

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
        const p = at ? position : freeSpot(ns, position);
        const node = createFlowNode(kind, p, new Set(ns.map((n) => n.id)), t);
        return [...ns.map((n) => (n.selected ? { ...n, selected: false } : n)), { ...node, selected: true }];
      });
      setEdges((es) => es.map((e) => (e.selected ? { ...e, selected: false } : e)));
    },
    [canvasRef, screenToFlowPosition, setNodes, setEdges, t],
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

const GAP = 24;

/**
 * Where a clicked-in step goes: the centre of the view, or, if a step is there, just below the
 * steps it would cover (repeated clicks make a column, never a pile). Dropped steps go where dropped.
 */
export function freeSpot(nodes: readonly Pick<FlowNode, 'position' | 'measured'>[], want: XYPosition): XYPosition {
  let p = want;
  for (let i = 0; i < 200; i++) {
    const hit = nodes.filter((n) => {
      const w = n.measured?.width ?? NODE_WIDTH;
      const h = n.measured?.height ?? NODE_HEIGHT;
      return p.x < n.position.x + w + GAP && p.x + NODE_WIDTH + GAP > n.position.x && p.y < n.position.y + h + GAP && p.y + NODE_HEIGHT + GAP > n.position.y;
    });
    if (hit.length === 0) return p;
    p = { x: p.x, y: Math.max(...hit.map((n) => n.position.y + (n.measured?.height ?? NODE_HEIGHT))) + GAP };
  }
  return p;
}
