import type { Violation } from '@memberflow/shared/violations';
import { problemMessage } from '../validation/describe-violation.ts';
import { AlertIcon, CheckIcon } from '../ui/icons.tsx';
import '../styles/problems.css';

interface ProblemsListProps {
  violations: readonly Violation[];
  serverViolations: readonly Violation[];
  nodeLabel: (nodeId: string) => string | null;
  onFocus: (v: Violation) => void;
}

export function ProblemsList({ violations, serverViolations, nodeLabel, onFocus }: ProblemsListProps) {
  const total = violations.length + serverViolations.length;
  return (
    <section className="problems" aria-label="Problems" data-testid="problems">
      <h2 className="panel-title problems__title">
        Problems
        <span className={`problems__count${total === 0 ? ' problems__count--ok' : ''}`}>{total}</span>
      </h2>
      {total === 0 ? (
        <p className="problems__ok">
          <CheckIcon size={15} /> No problems. This workflow is ready to publish.
        </p>
      ) : (
        <ul className="problems__list">
          {violations.map((v, i) => (
            <ProblemItem key={`local-${i}`} v={v} nodeLabel={nodeLabel} onFocus={onFocus} />
          ))}
          {serverViolations.length > 0 && <li className="problems__group">Reported by the server when publishing</li>}
          {serverViolations.map((v, i) => (
            <ProblemItem key={`server-${i}`} v={v} nodeLabel={nodeLabel} onFocus={onFocus} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProblemItem({ v, nodeLabel, onFocus }: { v: Violation; nodeLabel: (id: string) => string | null; onFocus: (v: Violation) => void }) {
  const where = v.nodeId ? nodeLabel(v.nodeId) : null;
  const focusable = Boolean(v.nodeId || v.edgeId);
  const body = (
    <>
      <AlertIcon size={14} className="problems__icon" />
      <span>
        {where !== null && <span className="problems__where">{where || 'Untitled step'}</span>}
        <span className="problems__message">{problemMessage(v)}</span>
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
