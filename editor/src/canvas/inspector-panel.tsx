import type { Violation } from '@memberflow/shared/violations';
import type { FlowEdge, FlowNode, WorkflowNodeData } from '../flow/flow-types.ts';
import { useT } from '../i18n/i18n.ts';
import { EdgeInspector } from '../inspector/edge-inspector.tsx';
import { NodeInspector } from '../inspector/node-inspector.tsx';
import { WorkflowSettingsForm, type WorkflowSettingsValue } from '../inspector/workflow-settings-form.tsx';
import '../styles/inspector.css';

interface InspectorPanelProps {
  /** For people who may not edit: every form shows its values but takes no input. */
  readOnly?: boolean;
  nodes: readonly FlowNode[];
  edges: readonly FlowEdge[];
  violations: readonly Violation[];
  settings: WorkflowSettingsValue;
  settingsErrors: Record<string, string>;
  onSettingsChange: (patch: Partial<WorkflowSettingsValue>) => void;
  onNodeChange: (id: string, patch: Partial<WorkflowNodeData>) => void;
  onDeleteNode: (id: string) => void;
  onDeleteNodes: (ids: string[]) => void;
  onCopy: () => void;
  onDeleteEdge: (id: string) => void;
}

/** Shows the one selected step or connection; with nothing (or several things) selected, the workflow's own settings. */
export function InspectorPanel(p: InspectorPanelProps) {
  const t = useT();
  const selectedNodes = p.nodes.filter((n) => n.selected);
  const selectedEdges = p.edges.filter((e) => e.selected);
  const node = selectedNodes.length === 1 ? selectedNodes[0] : undefined;
  const edge = selectedNodes.length === 0 && selectedEdges.length === 1 ? selectedEdges[0] : undefined;
  return (
    <section className="inspector" aria-label={t('canvas.inspectorLabel')}>
      {p.readOnly && (
        <p className="inspector__read-only" data-testid="inspector-read-only">
          {t('access.inspectorHint')}
        </p>
      )}
      {/* A disabled fieldset disables every control inside it, however deep the forms nest. */}
      <fieldset className="inspector__fieldset" disabled={p.readOnly}>
        {selectedNodes.length > 1 ? (
          <div className="selection-panel" data-testid="selection-panel">
            <h2 className="panel-title">{t('selection.count', { count: selectedNodes.length })}</h2>
            <p className="muted">{t('selection.hint')}</p>
            {!p.readOnly && (
              <div className="page-message__actions">
                <button type="button" className="btn" onClick={p.onCopy}>
                  {t('selection.copy')}
                </button>
                <button type="button" className="btn btn--danger" onClick={() => p.onDeleteNodes(selectedNodes.map((n) => n.id))} data-testid="delete-selection">
                  {t('selection.delete', { count: selectedNodes.length })}
                </button>
              </div>
            )}
          </div>
        ) : node ? (
          // Keyed by node so half-typed input of one node never shows on another.
          <NodeInspector key={node.id} node={node} violations={p.violations} onChange={p.onNodeChange} onDelete={p.readOnly ? undefined : p.onDeleteNode} />
        ) : edge ? (
          <EdgeInspector edge={edge} nodes={p.nodes} onDelete={p.readOnly ? undefined : p.onDeleteEdge} />
        ) : (
          <WorkflowSettingsForm value={p.settings} errors={p.settingsErrors} onChange={p.onSettingsChange} />
        )}
      </fieldset>
    </section>
  );
}
