import { kindTitle, useT } from '../i18n/i18n.ts';
import type { NodeKind } from '@memberflow/shared/node-kind';
import type { Violation } from '@memberflow/shared/violations';
import { localFieldLabels } from '../nodes/local-field-labels.ts';
import { problemMessage } from '../validation/describe-violation.ts';
import { AlertIcon, CheckIcon } from '../ui/icons.tsx';
import '../styles/problems.css';

type DescribeNode = (nodeId: string) => { label: string; kind: NodeKind } | null;

interface ProblemsListProps {
  violations: readonly Violation[];
  serverViolations: readonly Violation[];
  describeNode: DescribeNode;
  onFocus: (v: Violation) => void;
}

export function ProblemsList({ violations, serverViolations, describeNode, onFocus }: ProblemsListProps) {
  const t = useT();
  const total = violations.length + serverViolations.length;
  return (
    <section className="problems" aria-label={t('problems.title')} data-testid="problems">
      <h2 className="panel-title problems__title">
        {t('problems.title')}
        <span className={`problems__count${total === 0 ? ' problems__count--ok' : ''}`}>{total}</span>
      </h2>
      {total === 0 ? (
        <p className="problems__ok">
          <CheckIcon size={15} /> {t('problems.none')}
        </p>
      ) : (
        <ul className="problems__list">
          {violations.map((v, i) => (
            <ProblemItem key={`local-${i}`} v={v} describeNode={describeNode} onFocus={onFocus} />
          ))}
          {serverViolations.length > 0 && <li className="problems__group">Reported by the server when publishing</li>}
          {serverViolations.map((v, i) => (
            <ProblemItem key={`server-${i}`} v={v} describeNode={describeNode} onFocus={onFocus} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProblemItem({
  v,
  describeNode,
  onFocus,
}: {
  v: Violation;
  describeNode: DescribeNode;
  onFocus: (v: Violation) => void;
}) {
  const t = useT();
  const node = v.nodeId ? describeNode(v.nodeId) : null;
  const where = node ? node.label || kindTitle(t, node.kind) : null;
  const focusable = Boolean(v.nodeId || v.edgeId);
  const body = (
    <>
      <AlertIcon size={14} className="problems__icon" />
      <span>
        {where !== null && <span className="problems__where">{where}</span>}
        <span className="problems__message">{problemMessage(v, node ? localFieldLabels(node.kind, t) : {}, t, node?.kind)}</span>
      </span>
    </>
  );
  return (
    <li>
      {focusable ? (
        <button type="button" className="problems__item" onClick={() => onFocus(v)} data-testid="problem">
          {body}
        </button>
      ) : (
        <div className="problems__item" data-testid="problem">
          {body}
        </div>
      )}
    </li>
  );
}
