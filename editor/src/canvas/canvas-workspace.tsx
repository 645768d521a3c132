import type { EntryChoice, SaveDraftBody, WorkflowDetail } from '@memberflow/shared/api/workflows';
import type { WorkflowSettings } from '@memberflow/shared/definition';
import type { NodeGroup } from '@memberflow/shared/node-kind';
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
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useMachine } from '@xstate/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../api/http.ts';
import { BacktestPanel } from '../backtest/backtest-panel.tsx';
import { useBacktest } from '../backtest/use-backtest.ts';
import { useEdgeAriaLabels, useFlowAria } from './use-flow-aria.ts';
import { useReferenceProblems } from './use-reference-problems.ts';
import { getWorkflowVersion } from '../api/workflows-api.ts';
import { nextPaste, rememberCopy } from '../flow/canvas-clipboard.ts';
import { copySelection, pasteClipboard } from '../flow/clipboard.ts';
import { definitionToFlow } from '../flow/definition-to-flow.ts';
import { flowToDefinition } from '../flow/flow-to-definition.ts';
import type { FlowEdge, FlowNode, FlowState, WorkflowNodeData } from '../flow/flow-types.ts';
import { newEdgeId } from '../flow/new-ids.ts';
import type { WorkflowSettingsValue } from '../inspector/workflow-settings-form.tsx';
import { CurrentWorkflowContext } from '../nodes/current-workflow.ts';
import { useT } from '../i18n/i18n.ts';
import { useSession } from '../auth/session-context.ts';
import { PublishDialog } from '../publish/publish-dialog.tsx';
import { VersionHistory } from '../publish/version-history.tsx';
import { navigate } from '../routing/navigation.ts';
import { pathEdgeIds, visitCounts } from '../simulation/path-highlight.ts';
import { simulationMachine } from '../simulation/simulation-machine.ts';
import { SimulationPanel } from '../simulation/simulation-panel.tsx';
import { formatDateTime } from '../ui/format-date.ts';
import { inlineMessage } from '../validation/describe-violation.ts';
import type { CanvasEvent } from './canvas-machine.ts';
import { CanvasTools } from './canvas-tools.tsx';
import { CanvasToolbar } from './canvas-toolbar.tsx';
import { draftBody, draftKey } from './draft-body.ts';
import { groupStyles } from './group-style.ts';
import { InspectorPanel } from './inspector-panel.tsx';
import { NodeDecorationsContext } from './node-decorations.ts';
import { nodeModule } from '@memberflow/shared/node-registry';
import { nodeTypes } from './node-types.ts';
import { Palette } from './palette.tsx';
import { DesignWarningsList } from './design-warnings-list.tsx';
import { ProblemsList } from './problems-list.tsx';
import { ShortcutsDialog } from './shortcuts-dialog.tsx';
import { useAutoLayout } from './use-auto-layout.ts';
import { useCanvasShortcuts } from './use-canvas-shortcuts.ts';
import { useUndoHistory } from './use-undo-history.ts';
import { useAddNode } from './use-add-node.ts';
import { useAutosave } from './use-autosave.ts';
import { useFocusProblem } from './use-focus-problem.ts';
import { useSaveShortcuts } from './use-save-shortcuts.ts';
import { useWorkflowStats } from './use-workflow-stats.ts';
import { viewOnlyChanges } from './view-only-changes.ts';
import '@xyflow/react/dist/style.css';
import '../styles/canvas-page.css';

const defaultEdgeOptions: DefaultEdgeOptions = {
  type: 'smoothstep',
  markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#8b93a1' },
};

const pathMarker = { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#d97706' };

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
  const t = useT();
  // Analysts look at the same canvas with every way of changing it taken away (and no autosave).
  const session = useSession();
  const canEdit = session.can('edit');
  const [initial] = useState(detail);
  const [initialFlow] = useState(() => definitionToFlow(initial.draft));
  const [nodes, setNodes, onNodesChange] = useNodesState<FlowNode>(initialFlow.nodes);
  const [edges, setEdges, onEdgesChange] = useEdgesState<FlowEdge>(initialFlow.edges);
  const [settings, setSettings] = useState<WorkflowSettingsValue>({
    name: initial.name,
    description: initial.description,
    settings: { ...initial.draft.settings },
  });
  const { deleteElements, fitView } = useReactFlow<FlowNode, FlowEdge>();
  const canvasRef = useRef<HTMLDivElement>(null);
  const { addNode, onDragOver, onDrop } = useAddNode(canvasRef);
  const focusProblem = useFocusProblem();
  const { stats, source: statsSource } = useWorkflowStats(initial.id);

  const definition = useMemo(
    () =>
      flowToDefinition(
        { nodes, edges },
        // Half-edited settings go to validation as they are, which reports them like any other problem.
        { schemaVersion: initial.draft.schemaVersion, settings: settings.settings as WorkflowSettings },
      ),
    [nodes, edges, settings.settings, initial.draft.schemaVersion],
  );
  // Validation runs on every change, drags included: it is pure and takes well under a millisecond at this size.
  const referenceProblems = useReferenceProblems(definition);
  const violations = useMemo(() => [...validateWorkflow(definition).violations, ...referenceProblems], [definition, referenceProblems]);
  const problemsByNode = useMemo(() => {
    const map = new Map<string, Violation[]>();
    for (const v of violations) if (v.nodeId) map.set(v.nodeId, [...(map.get(v.nodeId) ?? []), v]);
    return map;
  }, [violations]);
  const settingsErrors = useMemo(() => {
    const out: Record<string, string> = {};
    for (const v of violations) if (v.field?.startsWith('settings.')) out[v.field.slice('settings.'.length)] ??= inlineMessage(v);
    return out;
  }, [violations]);
  const settingsOk = Object.keys(settingsErrors).length === 0;
  const [sim, sendSim] = useMachine(simulationMachine);
  const simulating = !sim.matches('closed');
  const simResult = sim.matches('result') && sim.context.result?.ok ? sim.context.result : null;
  const simStep = sim.context.step;
  const simulation = useMemo(
    () => (simResult ? { visits: visitCounts(simResult.path), current: simResult.trace[simStep]?.nodeId ?? null } : null),
    [simResult, simStep],
  );
  const pathEdges = useMemo(() => (simResult ? pathEdgeIds(simResult.path, edges) : null), [simResult, edges]);
  const shownEdges = useMemo(
    () =>
      pathEdges
        ? edges.map((e) => (pathEdges.has(e.id) ? { ...e, className: 'wf-edge--path', zIndex: 1, markerEnd: pathMarker } : e))
        : edges,
    [edges, pathEdges],
  );
  // A published version shown read-only in place of the draft; the draft's own state is untouched meanwhile.
  const [side, setSide] = useState<'inspector' | 'history'>('inspector');
  const [viewing, setViewing] = useState<{ version: number; publishedAt: string; flow: FlowState } | null>(null);
  const [loadingVersion, setLoadingVersion] = useState<number | null>(null);
  const [versionError, setVersionError] = useState<string | null>(null);
  const readOnly = viewing !== null;
  const viewVersion = useCallback(
    async (version: number) => {
      setLoadingVersion(version);
      setVersionError(null);
      try {
        const v = await getWorkflowVersion(initial.id, version);
        setViewing({ version, publishedAt: v.publishedAt, flow: definitionToFlow(v.definition) });
      } catch (err) {
        setVersionError(`Could not load version ${version}. ${errorMessage(err)}`);
      } finally {
        setLoadingVersion(null);
      }
    },
    [initial.id],
  );
  useEffect(() => {
    const t = window.setTimeout(() => void fitView({ padding: 0.15, maxZoom: 1 }), 60);
    return () => window.clearTimeout(t);
  }, [viewing, fitView]);
  const [publishOpen, setPublishOpen] = useState(false);
  const backtest = useBacktest(initial.id);
  const backtestCounts = backtest.state.status === 'done' ? backtest.state.result.nodes : null;

  const decorations = useMemo(
    () =>
      readOnly
        ? { problems: new Map(), stats: null, simulation: null }
        : { problems: problemsByNode, stats, simulation, backtest: backtestCounts },
    [readOnly, problemsByNode, stats, simulation, backtestCounts],
  );
  // Opening or closing the panel resizes the canvas; frame the workflow again in the new space.
  const framedFor = useRef(simulating);
  useEffect(() => {
    if (framedFor.current === simulating) return;
    framedFor.current = simulating;
    const t = window.setTimeout(() => void fitView({ padding: 0.15, maxZoom: 1 }), 60);
    return () => window.clearTimeout(t);
  }, [simulating, fitView]);
  const runSimulation = () => sendSim({ type: 'run', definition, workflowId: initial.id, workflowName: settings.name });

  const body = useMemo(
    () => draftBody(settings.name.trim(), settings.description, definition),
    [settings.name, settings.description, definition],
  );
  const key = draftKey(body);
  const dirty = canEdit && key !== savedKey;

  // Undo restores a saved-shape snapshot; existing node objects are reused so React Flow keeps their measured sizes and selection.
  const applyBody = useCallback(
    (b: SaveDraftBody) => {
      const flow = definitionToFlow(b.definition);
      setNodes((ns) => {
        const old = new Map(ns.map((n) => [n.id, n]));
        return flow.nodes.map((n) => {
          const o = old.get(n.id);
          return o ? { ...o, position: n.position, data: n.data } : n;
        });
      });
      setEdges((es) => {
        const old = new Map(es.map((e) => [e.id, e]));
        return flow.edges.map((e) => ({ ...old.get(e.id), ...e }));
      });
      setSettings({ name: b.name ?? '', description: b.description ?? '', settings: { ...b.definition.settings } });
    },
    [setNodes, setEdges],
  );
  const dragging = nodes.some((n) => n.dragging);
  const history = useUndoHistory(body, key, dragging, applyBody);
  // "Restore" puts a published version in the draft: autosaved like any edit, and Undo brings the draft back.
  const restoreVersion = useCallback(
    async (version: number) => {
      setLoadingVersion(version);
      setVersionError(null);
      try {
        const v = await getWorkflowVersion(initial.id, version);
        applyBody(draftBody(settings.name.trim(), settings.description, v.definition));
        setViewing(null);
        setSide('inspector');
      } catch (err) {
        setVersionError(`Could not load version ${version}. ${errorMessage(err)}`);
      } finally {
        setLoadingVersion(null);
      }
    },
    [initial.id, applyBody, settings.name, settings.description],
  );

  const copy = useCallback(() => {
    const content = copySelection(nodes, edges);
    if (content) rememberCopy(content);
  }, [nodes, edges]);
  const paste = useCallback(() => {
    const clip = nextPaste();
    if (!clip) return;
    // Each paste lands a step further down-right, so repeated pastes never hide each other.
    const offset = { x: 40 * clip.pastes, y: 40 * clip.pastes };
    const out = pasteClipboard(clip.content, new Set(nodes.map((n) => n.id)), new Set(edges.map((e) => e.id)), offset);
    setNodes((ns) => [...ns.map((n) => (n.selected ? { ...n, selected: false } : n)), ...out.nodes]);
    setEdges((es) => [...es.map((e) => (e.selected ? { ...e, selected: false } : e)), ...out.edges]);
  }, [nodes, edges, setNodes, setEdges]);
  const selectAll = useCallback(() => setNodes((ns) => ns.map((n) => (n.selected ? n : { ...n, selected: true }))), [setNodes]);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const noop = useCallback(() => {}, []);
  useCanvasShortcuts(
    canEdit
      ? { undo: history.undo, redo: history.redo, copy, paste, selectAll, help: () => setShowShortcuts((v) => !v) }
      : { undo: noop, redo: noop, copy, paste: noop, selectAll, help: () => setShowShortcuts((v) => !v) },
    !simulating && !readOnly,
  );
  const autoLayout = useAutoLayout();
  const nameOk = settings.name.trim() !== '';
  // Without the palette (a published version on show, or an analyst) its column goes to the canvas.
  const showPalette = !simulating && !readOnly && canEdit;
  const canSave = canEdit && busy === null && dirty && nameOk && settingsOk;
  const canPublish = canEdit && busy === null && nameOk && violations.length === 0;

  // Any edit makes the last "saved" notice or server complaint stale.
  const lastKey = useRef(key);
  useEffect(() => {
    if (key !== lastKey.current) {
      lastKey.current = key;
      send({ type: 'edited' });
    }
  }, [key, send]);

  const save = useCallback(() => canSave && send({ type: 'save', body }), [canSave, send, body]);
  const publish = useCallback((entry?: EntryChoice) => canPublish && send({ type: 'publish', body, entry }), [canPublish, send, body]);
  useSaveShortcuts(save, dirty);
  const autosave = useAutosave({ body, key, dirty, idle: canEdit && busy === null && !dragging, save: () => send({ type: 'save', body, auto: true }), resume: session });

  const back = () => {
    if (dirty && !window.confirm('Leave this workflow? Your unsaved changes will be lost.')) return;
    navigate('/');
  };

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

  const onNodesChangeViewOnly = useCallback((changes: NodeChange<FlowNode>[]) => onNodesChange(viewOnlyChanges(changes)), [onNodesChange]);
  const onEdgesChangeViewOnly = useCallback((changes: EdgeChange<FlowEdge>[]) => onEdgesChange(viewOnlyChanges(changes)), [onEdgesChange]);

  const isValidConnection = useCallback((c: Connection | FlowEdge) => c.source !== c.target, []);

  const updateNode = useCallback(
    (id: string, patch: Partial<WorkflowNodeData>) =>
      setNodes((ns) => ns.map((n) => (n.id === id ? { ...n, data: { ...n.data, ...patch } } : n))),
    [setNodes],
  );

  const nodeLabel = useCallback(
    (id: string) => {
      const n = nodes.find((x) => x.id === id);
      return n ? n.data.label || nodeModule(n.data.kind).title : id;
    },
    [nodes],
  );

  const describeNode = useCallback(
    (id: string) => {
      const n = nodes.find((x) => x.id === id);
      return n ? { label: n.data.label, kind: n.data.kind } : null;
    },
    [nodes],
  );

  const flowAria = useFlowAria();
  const labelledEdges = useEdgeAriaLabels(viewing ? viewing.flow.nodes : nodes, viewing ? viewing.flow.edges : shownEdges);
  return (
    <CurrentWorkflowContext value={initial.id}>
      <div className={`canvas-page${simResult ? ' canvas-page--simulating' : ''}`}>
        <CanvasToolbar
          detail={detail}
          canEdit={canEdit}
          name={settings.name}
          dirty={dirty}
          saveable={autosave.saveable}
          busy={busy}
          notice={notice}
          actionError={actionError}
          problemCount={violations.length}
          canSave={canSave}
          canPublish={canPublish}
          onBack={back}
          onSave={save}
          onPublish={() => canPublish && setPublishOpen(true)}
          simulating={simulating}
          onSimulate={() => {
            setViewing(null);
            sendSim({ type: simulating ? 'close' : 'open' });
          }}
          backtestOpen={backtest.state.status !== 'closed'}
          onBacktest={() => (backtest.state.status === 'closed' ? backtest.open() : backtest.close())}
          historyOpen={side === 'history' && !simulating}
          onHistory={() => {
            if (simulating) sendSim({ type: 'close' });
            const open = side === 'history' && !simulating;
            setSide(open ? 'inspector' : 'history');
            if (open) setViewing(null);
          }}
        />
        <div className={`canvas-page__body${simulating ? ' canvas-page__body--simulating' : showPalette ? '' : ' canvas-page__body--no-palette'}`}>
          {showPalette && <Palette onAdd={addNode} />}
          <div
            className="canvas-page__canvas"
            ref={canvasRef}
            onDragOver={canEdit ? onDragOver : undefined}
            onDrop={canEdit ? onDrop : undefined}
            data-testid="canvas"
            data-stats-source={statsSource}
            data-read-only={canEdit ? undefined : 'role'}
          >
            <NodeDecorationsContext value={decorations}>
              <CanvasTools
                canUndo={history.canUndo}
                canRedo={history.canRedo}
                readOnly={simulating || readOnly || !canEdit}
                onUndo={history.undo}
                onRedo={history.redo}
                onLayout={autoLayout}
                onFit={() => void fitView({ padding: 0.15, maxZoom: 1, duration: 250 })}
                onHelp={() => setShowShortcuts(true)}
              />
              {viewing && (
                <div className="canvas-banner" data-testid="version-banner">
                  <span>{t('history.viewing', { version: viewing.version, date: formatDateTime(viewing.publishedAt) })}</span>
                  <button type="button" className="btn" onClick={() => setViewing(null)} data-testid="back-to-draft">
                    {t('history.backToDraft')}
                  </button>
                </div>
              )}
              <ReactFlow<FlowNode, FlowEdge>
                nodes={viewing ? viewing.flow.nodes : nodes}
                edges={labelledEdges}
                ariaLabelConfig={flowAria}
                nodeTypes={nodeTypes}
                onNodesChange={readOnly ? undefined : canEdit ? onNodesChange : onNodesChangeViewOnly}
                onEdgesChange={readOnly ? undefined : canEdit ? onEdgesChange : onEdgesChangeViewOnly}
                onConnect={readOnly || !canEdit ? undefined : onConnect}
                nodesDraggable={!readOnly && canEdit}
                nodesConnectable={!readOnly && canEdit}
                elementsSelectable={!readOnly}
                isValidConnection={isValidConnection}
                defaultEdgeOptions={defaultEdgeOptions}
                deleteKeyCode={readOnly || !canEdit ? null : ['Delete', 'Backspace']}
                multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
                selectionKeyCode="Shift"
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
            {backtest.state.status !== 'closed' && !simulating && !readOnly && (
              <BacktestPanel backtest={backtest} waitingForSave={dirty} />
            )}
          </div>
          <aside className="canvas-page__side">
            {simulating ? (
              <SimulationPanel
                state={sim.matches('result') ? 'result' : 'setup'}
                context={sim.context}
                send={sendSim}
                onRun={runSimulation}
                nodeLabel={nodeLabel}
              />
            ) : side === 'history' ? (
              <VersionHistory
                versions={detail.versions}
                liveVersion={detail.liveVersion}
                viewing={viewing?.version ?? null}
                loading={loadingVersion}
                error={versionError}
                onView={(v) => void viewVersion(v)}
                onBackToDraft={() => setViewing(null)}
                onRestore={canEdit ? (v) => void restoreVersion(v) : null}
              />
            ) : (
              <>
                <InspectorPanel
                  readOnly={!canEdit}
                  nodes={nodes}
                  edges={edges}
                  violations={violations}
                  settings={settings}
                  settingsErrors={settingsErrors}
                  onSettingsChange={(patch) => setSettings((s) => ({ ...s, ...patch }))}
                  onNodeChange={updateNode}
                  onDeleteNode={(id) => void deleteElements({ nodes: [{ id }] })}
                  onDeleteNodes={(ids) => void deleteElements({ nodes: ids.map((id) => ({ id })) })}
                  onCopy={copy}
                  onDeleteEdge={(id) => void deleteElements({ edges: [{ id }] })}
                />
                <ProblemsList
                  violations={violations}
                  serverViolations={serverViolations}
                  describeNode={describeNode}
                  onFocus={focusProblem}
                />
                <DesignWarningsList definition={definition} describeNode={describeNode} onFocus={focusProblem} />
              </>
            )}
          </aside>
        </div>
      </div>
      {publishOpen && (
        <PublishDialog
          workflowId={initial.id}
          liveVersion={detail.liveVersion}
          draft={definition}
          savedKey={dirty ? null : savedKey}
          onClose={() => setPublishOpen(false)}
          onConfirm={(entry) => {
            setPublishOpen(false);
            publish(entry);
          }}
        />
      )}
      {showShortcuts && <ShortcutsDialog onClose={() => setShowShortcuts(false)} />}
    </CurrentWorkflowContext>
  );
}
