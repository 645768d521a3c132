import { nodeModule } from '@memberflow/shared/node-registry';
import type { Violation } from '@memberflow/shared/violations';
import type { FlowNode, WorkflowNodeData } from '../flow/flow-types.ts';
import { groupStyles } from '../canvas/group-style.ts';
import { nodeForms } from '../nodes/node-forms.ts';
import { TrashIcon } from '../ui/icons.tsx';
import { configErrors } from '../validation/describe-violation.ts';
import { TextField } from './fields/text-field.tsx';
import { kindDescription, kindTitle, useT } from '../i18n/i18n.ts';

interface NodeInspectorProps {
  node: FlowNode;
  violations: readonly Violation[];
  onChange: (id: string, patch: Partial<WorkflowNodeData>) => void;
  /** Left out for people who may not edit. */
  onDelete?: ((id: string) => void) | undefined;
}

export function NodeInspector({ node, violations, onChange, onDelete }: NodeInspectorProps) {
  const t = useT();
  const mod = nodeModule(node.data.kind);
  const style = groupStyles[mod.group];
  const { Form } = nodeForms[node.data.kind];
  const idPrefix = `node-${node.id}`;
  return (
    <div className="inspector__body" data-testid="node-inspector">
      <div className="inspector__heading">
        <span className="inspector__icon" style={{ background: style.tint, color: style.color }}>
          <style.Icon size={16} />
        </span>
        <div>
          <h2 className="inspector__title">{kindTitle(t, node.data.kind)}</h2>
          <p className="inspector__description">{kindDescription(t, node.data.kind)}</p>
        </div>
      </div>
      <TextField
        id={`${idPrefix}-label`}
        label={t('inspector.nameOnCanvas')}
        value={node.data.label}
        maxLength={120}
        placeholder={kindTitle(t, node.data.kind)}
        onChange={(label) => onChange(node.id, { label })}
      />
      <Form
        idPrefix={idPrefix}
        nodeId={node.id}
        config={node.data.config}
        errors={configErrors(violations, node.id, t)}
        onChange={(config) => onChange(node.id, { config })}
      />
      <div className="inspector__footer">
        <span className="inspector__id" title={t('inspector.idTitle')}>
          id: {node.id}
        </span>
        {onDelete && (
          <button type="button" className="btn btn--ghost btn--danger" onClick={() => onDelete(node.id)}>
            <TrashIcon size={14} /> {t('inspector.deleteStep')}
          </button>
        )}
      </div>
    </div>
  );
}
