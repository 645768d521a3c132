import { useMemo } from 'react';
import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { designWarnings } from '@memberflow/shared/design-warnings';
import { nodeModule } from '@memberflow/shared/node-registry';
import type { NodeKind } from '@memberflow/shared/node-kind';
import type { Violation } from '@memberflow/shared/violations';
import { useT } from '../i18n/i18n.ts';
import { AlertIcon } from '../ui/icons.tsx';
import '../styles/problems.css';

interface Props {
  definition: WorkflowDefinition;
  describeNode: (nodeId: string) => { label: string; kind: NodeKind } | null;
  /** The problems list's focus: only the address (nodeId) matters to it. */
  onFocus: (v: Violation) => void;
}

/** Designs that publish fine but will likely not do what was meant: listed under the problems, never blocking. */
export function DesignWarningsList({ definition, describeNode, onFocus }: Props) {
  const t = useT();
  const warnings = useMemo(() => designWarnings(definition), [definition]);
  if (warnings.length === 0) return null;
  return (
    <section className="problems problems--warnings" aria-label={t('warnings.title')} data-testid="design-warnings">
      <h2 className="panel-title problems__title">{t('warnings.title')}</h2>
      <ul className="problems__list">
        {warnings.map((w) => {
          const node = describeNode(w.nodeId);
          return (
            <li key={`${w.code}-${w.nodeId}`}>
              <button type="button" className="problems__item" onClick={() => onFocus({ code: 'config', nodeId: w.nodeId, message: w.message })} data-testid="design-warning">
                <AlertIcon size={14} className="problems__icon problems__icon--warning" />
                <span>
                  {node && <span className="problems__where">{node.label || nodeModule(node.kind).title}</span>}
                  <span className="problems__message">{t('warnings.entryOnceGrows', { fields: w.fields.join(', '), event: w.eventType })}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
