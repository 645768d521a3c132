import { nodeModule } from '@memberflow/shared/node-registry';
import type { SimulationResult, TraceEntry } from '@memberflow/shared/simulate';
import { useEffect, useRef } from 'react';
import { kindIcons } from '../canvas/kind-icons.ts';
import { ChevronLeftIcon, ChevronRightIcon } from '../ui/icons.tsx';
import { formatUtc } from './simulation-setup.ts';

const outcomeLabels = {
  not_entered: 'Did not enter',
  waiting: 'Still in the journey at the end of the period',
  completed: 'Completed',
  converted: 'Converted',
  holdout: 'In the holdout group (no actions)',
} satisfies Record<SimulationResult['outcome'], string>;

const kindLabels: Record<TraceEntry['kind'], string> = {
  enter: 'enter',
  skip: 'skip',
  step: 'step',
  action: 'action',
  wait: 'wait',
  end: 'end',
  ignored: 'ignored',
};

interface SimulationResultViewProps {
  result: SimulationResult;
  step: number;
  nodeLabel: (id: string) => string;
  onGoto: (step: number) => void;
  onNext: () => void;
  onPrevious: () => void;
}

export function SimulationResultView({ result, step, nodeLabel, onGoto, onNext, onPrevious }: SimulationResultViewProps) {
  const current = useRef<HTMLLIElement>(null);
  useEffect(() => {
    current.current?.scrollIntoView({ block: 'nearest' });
  }, [step]);

  if (!result.ok) {
    return (
      <div className="sim-section">
        <p className="banner banner--error">
          Fix the workflow's {result.violations.length} problem{result.violations.length === 1 ? '' : 's'} first; the problems
          list names them.
        </p>
      </div>
    );
  }
  return (
    <>
      <section className="sim-section">
        <div className={`sim-outcome sim-outcome--${result.outcome}`} data-testid="sim-outcome">
          <strong>{outcomeLabels[result.outcome]}</strong>
          <span>
            {result.entries} entr{result.entries === 1 ? 'y' : 'ies'} · {result.effects.length} effect
            {result.effects.length === 1 ? '' : 's'}
          </span>
        </div>
      </section>

      <section className="sim-section">
        <div className="sim-stepper">
          <h3 className="sim-section__title">Trace</h3>
          <span className="sim-stepper__pos" data-testid="sim-step">
            Step {Math.min(step + 1, result.trace.length)} of {result.trace.length}
          </span>
          <button
            type="button"
            className="btn btn--ghost sim-stepper__btn"
            onClick={onPrevious}
            disabled={step === 0}
            aria-label="Previous step"
            data-testid="sim-previous"
          >
            <ChevronLeftIcon size={15} />
          </button>
          <button
            type="button"
            className="btn btn--ghost sim-stepper__btn"
            onClick={onNext}
            disabled={step >= result.trace.length - 1}
            aria-label="Next step"
            data-testid="sim-next"
          >
            <ChevronRightIcon size={15} />
          </button>
        </div>
        {result.trace.length === 0 && (
          <p className="field__hint" data-testid="sim-empty">
            Nothing happened in this period: the trigger never fired and no event arrived. Widen the period or add events.
          </p>
        )}
        <ol className="sim-trace">
          {result.trace.map((t, i) => (
            <li
              key={i}
              ref={i === step ? current : undefined}
              className={i === step ? 'sim-trace__item sim-trace__item--current' : 'sim-trace__item'}
            >
              <button
                type="button"
                className="sim-trace__button"
                onClick={() => onGoto(i)}
                data-testid="sim-trace-entry"
                aria-current={i === step ? 'step' : undefined}
              >
                <span className="sim-trace__meta">
                  <span className={`sim-tag sim-tag--${t.kind}`}>{kindLabels[t.kind]}</span>
                  <time>{formatUtc(t.at)}</time>
                  {t.nodeId && <span className="sim-trace__node">{nodeLabel(t.nodeId)}</span>}
                </span>
                <span className="sim-trace__reason">{t.reason}</span>
              </button>
            </li>
          ))}
        </ol>
      </section>

      <section className="sim-section">
        <h3 className="sim-section__title">Effects</h3>
        {result.effects.length === 0 && <p className="field__hint">Nothing was sent or changed.</p>}
        <ul className="sim-effects">
          {result.effects.map((e, i) => {
            const Icon = kindIcons[e.kind];
            return (
              <li key={i} className={`sim-effect${e.skipped ? ' sim-effect--skipped' : ''}`} data-testid="sim-effect">
                <div className="sim-effect__head">
                  <Icon size={14} />
                  <strong>{nodeLabel(e.nodeId)}</strong>
                  <span className="muted">{nodeModule(e.kind).title}</span>
                  <time className="sim-effect__time">{formatUtc(e.at)}</time>
                </div>
                <div className="sim-effect__summary">{e.summary}</div>
                {e.preview && <div className="sim-effect__preview">{e.preview}</div>}
                {e.heldUntil !== undefined && (
                  <div className="sim-effect__note">Held for quiet hours until {formatUtc(e.heldUntil)}</div>
                )}
                {e.skipped && <div className="sim-effect__note">Skipped: {e.skipped}</div>}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
