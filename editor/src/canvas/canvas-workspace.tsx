import type { WorkflowDetail } from '@memberflow/shared/api/workflows';
import { NodeKind, type NodeGroup } from '@memberflow/shared/node-kind';
import { validateWorkflow } from '@memberflow/shared/validate';
import type { Violation } from '@memberflow/shared/violations';
import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useEdgesState,
  useNodesState,
  useReactFlow,
  type Connection,
  type DefaultEdgeOptions,
  type XYPosition,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { definitionToFlow } from '../flow/definition-to-flow.ts';
import { flowToDefinition } from '../flow/flow-to-definition.ts';
import type { FlowEdge, FlowNode, WorkflowNodeData } from '../flow/flow-types.ts';
import { newEdgeId } from '../flow/new-ids.ts';
import { createFlowNode } from '../flow/new-node.ts';
import type { WorkflowSettingsValue } from '../inspector/workflow-settings-form.tsx';
import { navigate } from '../routing/navigation.ts';
import type { CanvasEvent } from './canvas-machine.ts';
import { CanvasToolbar } from './canvas-toolbar.tsx';
import { draftBody, draftKey } from './draft-body.ts';
import { groupStyles } from './group-style.ts';
import { InspectorPanel } from './inspector-panel.tsx';
import { NodeDecorationsContext } from './node-decorations.ts';
import { nodeTypes } from './node-types.ts';
import { Palette, PALETTE_DRAG_TYPE } from './palette.tsx';
import { ProblemsList } from './problems-list.tsx';
import { useWorkflowStats } from './use-workflow-stats.ts';
import '@xyflow/react/dist/style.css';
import '../styles/canvas-page.css';

const NODE_WIDTH = 232;
const NODE_HEIGHT = 100;

const defaultEdgeOptions: DefaultEdgeOptions = {
  type: 'smoothstep',
  markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#8b93a1' },
};

export interface CanvasWorkspaceProps {
  /** The server's view. The canvas starts from the draft it has on mount; later updates only refresh status and live version. */
  detail: WorkflowDetail;
  savedKey: string;
  busy: 'saving' | 'publishing' | null;
  notice: string | null;
  actionError: string | null;
  serverViolations: readonly Violation[];
  send: (event: CanvasEvent) => void;
}

export function CanvasWorkspace(props: CanvasWorkspaceProps) {
  return (
    <ReactFlowProvider>
      <Workspace {...props} />
    </ReactFlowProvider>
  );
}

function Workspace({ detail, savedKey, busy, notice, actionError, serverViolations, send }: CanvasWorkspaceProps) {
  const [initial] = useState(detail);
  const [initialFlow] = useState(() => definitionToFlow(initial.draft));
  const [nodes, setNodes, onNodesChange] = useNodesState<FlowNode>(initialFlow.nodes);
  const [edges, setEdges, onEdgesChange] = useEdgesState<FlowEdge>(initialFlow.edges);
  const [settings, setSettings] = useState<WorkflowSettingsValue>({
    name: initial.name,
    description: initial.description,
    entry: initial.draft.settings.entry,
  });
  const { screenToFlowPosition, setCenter, getZoom, getNode, deleteElements } = useReactFlow<FlowNode, FlowEdge>();
  const canvasRef = useRef<HTMLDivElement>(null);
  const stats = useWorkflowStats(initial.id);

  const definition = useMemo(
    () =>
      flowToDefinition(
        { nodes, edges },
        { schemaVersion: initial.draft.schemaVersion, settings: { ...initial.draft.settings, entry: settings.entry } },
      ),
    [nodes, edges, settings.entry, initial.draft],
  );
  // Validation runs on every change, drags included: it is pure and takes well under a millisecond at this size.
  const violations = useMemo(() => validateWorkflow(definition).violations, [definition]);
  const problemsByNode = useMemo(() => {
    const map = new Map<string, Violation[]>();
    for (const v of violations) if (v.nodeId) map.set(v.nodeId, [...(map.get(v.nodeId) ?? []), v]);
    return map;
  }, [violations]);
  const decorations = useMemo(() => ({ problems: problemsByNode, stats }), [problemsByNode, stats]);

  const body = useMemo(
    () => draftBody(settings.name.trim(), settings.description, definition),
    [settings.name, settings.description, definition],
  );
  const key = draftKey(body);
  const dirty = key !== savedKey;
  const nameOk = settings.name.trim() !== '';
  const canSave = busy === null && dirty && nameOk;
  const canPublish = busy === null && nameOk && violations.length === 0;

  // Any edit makes the last "saved" notice or server complaint stale.
  const lastKey = useRef(key);
  useEffect(() => {
    if (key !== lastKey.current) {
      lastKey.current = key;
      send({ type: 'edited' });
    }
  }, [key, send]);

  const save = useCallback(() => canSave && send({ type: 'save', body }), [canSave, send, body]);
  const publish = useCallback(() => canPublish && send({ type: 'publish', body }), [canPublish, send, body]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const back = () => {
    if (dirty && !window.confirm('Leave this workflow? Your unsaved changes will be lost.')) return;
    navigate('/');
  };

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
    [screenToFlowPosition, setNodes, setEdges],
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

  const onConnect = useCallback(
    (c: Connection) => {
      const handle = c.sourceHandle ?? 'next';
      setEdges((es) => {
        // Each output leads to one place, so drawing from a used output moves its connection.
        const rest = es.filter((e) => !(e.source === c.source && (e.sourceHandle ?? 'next') === handle));
        const id = newEdgeId(c.source, handle, new Set(rest.map((e) => e.id)));
        return [...rest, { id, source: c.source, sourceHandle: handle, target: c.target }];
      });
    },
    [setEdges],
  );

  const isValidConnection = useCallback((c: Connection | FlowEdge) => c.source !== c.target, []);

  const updateNode = useCallback(
    (id: string, patch: Partial<WorkflowNodeData>) =>
      setNodes((ns) => ns.map((n) => (n.id === id ? { ...n, data: { ...n.data, ...patch } } : n))),
    [setNodes],
  );

  const focusProblem = useCallback(
    (v: Violation) => {
      const node = v.nodeId ? getNode(v.nodeId) : undefined;
      const edge = !node && v.edgeId ? edges.find((e) => e.id === v.edgeId) : undefined;
      const zoom = Math.max(getZoom(), 1);
      if (node) {
        selectOnly({ nodeId: node.id });
        const w = node.measured?.width ?? NODE_WIDTH;
        const h = node.measured?.height ?? NODE_HEIGHT;
        void setCenter(node.position.x + w / 2, node.position.y + h / 2, { zoom, duration: 300 });
        // Put the cursor in the field at fault once the inspector shows this node.
        const field = v.field?.startsWith('config.') ? v.field.split('.')[1] : undefined;
        if (field) window.setTimeout(() => document.getElementById(`node-${node.id}-${field}`)?.focus(), 60);
      } else if (edge) {
        selectOnly({ edgeId: edge.id });
        const a = getNode(edge.source);
        const b = getNode(edge.target);
        if (a && b)
          void setCenter(
            (a.position.x + b.position.x) / 2 + NODE_WIDTH / 2,
            (a.position.y + b.position.y) / 2 + NODE_HEIGHT / 2,
            { zoom, duration: 300 },
          );
      }
    },
    [edges, getNode, getZoom, selectOnly, setCenter],
  );

  const describeNode = useCallback(
    (id: string) => {
      const n = nodes.find((x) => x.id === id);
      return n ? { label: n.data.label, kind: n.data.kind } : null;
    },
    [nodes],
  );

  return (
    <div className="canvas-page">
      <CanvasToolbar
        detail={detail}
        name={settings.name}
        dirty={dirty}
        busy={busy}
        notice={notice}
        actionError={actionError}
        problemCount={violations.length}
        canSave={canSave}
        canPublish={canPublish}
        onBack={back}
        onSave={save}
        onPublish={publish}
      />
      <div className="canvas-page__body">
        <Palette onAdd={addNode} />
        <div className="canvas-page__canvas" ref={canvasRef} onDragOver={onDragOver} onDrop={onDrop} data-testid="canvas">
          <NodeDecorationsContext value={decorations}>
            <ReactFlow<FlowNode, FlowEdge>
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onConnect={onConnect}
              isValidConnection={isValidConnection}
              defaultEdgeOptions={defaultEdgeOptions}
              deleteKeyCode={['Delete', 'Backspace']}
              fitView
              fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
              minZoom={0.2}
              maxZoom={2}
              snapToGrid
              snapGrid={[4, 4]}
              attributionPosition="top-right"
            >
              <Background variant={BackgroundVariant.Dots} gap={20} size={1.3} color="#c6ccd5" />
              <Controls showInteractive={false} position="bottom-left" />
              <MiniMap
                position="bottom-right"
                style={{ width: 168, height: 112 }}
                pannable
                zoomable
                nodeColor={(n) => groupStyles[n.type as NodeGroup]?.color ?? '#8b93a1'}
                nodeBorderRadius={6}
                maskColor="rgba(245, 246, 248, 0.7)"
              />
            </ReactFlow>
          </NodeDecorationsContext>
        </div>
        <aside className="canvas-page__side">
          <InspectorPanel
            nodes={nodes}
            edges={edges}
            violations={violations}
            settings={settings}
            onSettingsChange={(patch) => setSettings((s) => ({ ...s, ...patch }))}
            onNodeChange={updateNode}
            onDeleteNode={(id) => void deleteElements({ nodes: [{ id }] })}
            onDeleteEdge={(id) => void deleteElements({ edges: [{ id }] })}
          />
          <ProblemsList
            violations={violations}
            serverViolations={serverViolations}
            describeNode={describeNode}
            onFocus={focusProblem}
          />
        </aside>
      </div>
    </div>
  );
}
