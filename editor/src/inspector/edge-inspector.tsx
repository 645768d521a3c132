import type { FlowEdge, FlowNode } from '../flow/flow-types.ts';
import { nodeOutputs } from '../flow/node-outputs.ts';
import { TrashIcon } from '../ui/icons.tsx';
import { useT } from '../i18n/i18n.ts';

interface EdgeInspectorProps {
  edge: FlowEdge;
  nodes: readonly FlowNode[];
  /** Left out for people who may not edit. */
  onDelete?: ((id: string) => void) | undefined;
}

export function EdgeInspector({ edge, nodes, onDelete }: EdgeInspectorProps) {
  const t = useT();
  const source = nodes.find((n) => n.id === edge.source);
  const target = nodes.find((n) => n.id === edge.target);
  const output = source
    ? nodeOutputs(source.data.kind, source.data.config).find((o) => o.id === (edge.sourceHandle ?? 'next'))
    : undefined;
  return (
    <div className="inspector__body" data-testid="edge-inspector">
      <h2 className="inspector__title">{t('inspector.connection')}</h2>
      <dl className="inspector__facts">
        <dt>{t('inspector.from')}</dt>
        <dd>
          {source?.data.label || edge.source}
          {output && <span className="muted"> · {output.label}</span>}
        </dd>
        <dt>{t('inspector.to')}</dt>
        <dd>{target?.data.label || edge.target}</dd>
      </dl>
      <div className="inspector__footer">
        <span className="inspector__id">id: {edge.id}</span>
        {onDelete && (
          <button type="button" className="btn btn--ghost btn--danger" onClick={() => onDelete(edge.id)}>
            <TrashIcon size={14} /> {t('inspector.deleteConnection')}
          </button>
        )}
      </div>
    </div>
  );
}
