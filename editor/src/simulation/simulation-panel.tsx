import type { SimulationResult } from '@memberflow/shared/simulate';
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/i18n.ts';
import { XIcon } from '../ui/icons.tsx';
import type { SimulationContext, SimulationEvent } from './simulation-machine.ts';
import { SimulationResultView } from './simulation-result-view.tsx';
import { SimulationSetupForm } from './simulation-setup-form.tsx';
import { useSimulationRules } from './use-simulation-rules.ts';
import '../styles/simulation.css';

interface SimulationPanelProps {
  state: 'setup' | 'result';
  context: SimulationContext;
  send: (event: SimulationEvent) => void;
  /** Runs the current draft: the canvas owns the definition. */
  onRun: () => void;
  nodeLabel: (id: string) => string;
}

export function SimulationPanel({ state, context, send, onRun: runNow, nodeLabel }: SimulationPanelProps) {
  const t = useT();
  const rules = useSimulationRules(send);
  // A run asked for while the programme's rules load waits for them, so it never promises what the engine would not do.
  const runWhenLoaded = useRef(false);
  const onRun = () => {
    if (rules.status === 'loading') runWhenLoaded.current = true;
    else runNow();
  };
  useEffect(() => {
    if (rules.status === 'loading' || !runWhenLoaded.current) return;
    runWhenLoaded.current = false;
    runNow();
  }, [rules.status, runNow]);
  const result: SimulationResult | null = state === 'result' ? context.result : null;
  return (
    <section className="sim-panel" aria-label={t('simulation.title')} data-testid="simulation-panel">
      <header className="sim-panel__head">
        <div>
          <h2 className="inspector__title">{t('simulation.panelTitle')}</h2>
          <p className="inspector__description">{t('simulation.panelIntro')}</p>
          {rules.status === 'loading' && (
            <p className="inspector__description" role="status" data-testid="sim-rules-loading">
              {t('simulation.rulesLoading')}
            </p>
          )}
          {rules.status === 'failed' && (
            <p className="inspector__description" role="status" data-testid="sim-rules-failed">
              {t('simulation.rulesFailed', { reason: rules.reason })}
            </p>
          )}
        </div>
        <button
          type="button"
          className="btn btn--ghost"
          aria-label={t('simulation.close')}
          title={t('simulation.close')}
          onClick={() => send({ type: 'close' })}
        >
          <XIcon size={16} />
        </button>
      </header>
      {result ? (
        <>
          <div className="sim-panel__bar">
            <button type="button" className="btn" onClick={() => send({ type: 'back' })} data-testid="sim-edit">
              {t('simulation.edit')}
            </button>
            <button type="button" className="btn" onClick={onRun} title={t('simulation.runAgainTitle')}>
              {t('simulation.runAgain')}
            </button>
          </div>
          <div className="sim-panel__body">
            <SimulationResultView
              result={result}
              step={context.step}
              nodeLabel={nodeLabel}
              timeZone={context.setup.member.timeZone.trim() || 'UTC'}
              onGoto={(step) => send({ type: 'goto', step })}
              onNext={() => send({ type: 'next' })}
              onPrevious={() => send({ type: 'previous' })}
            />
          </div>
        </>
      ) : (
        <div className="sim-panel__body">
          <SimulationSetupForm
            setup={context.setup}
            errors={context.errors}
            onChange={(setup) => send({ type: 'edit', setup })}
            onPreset={(key) => send({ type: 'preset', key })}
            onRun={onRun}
          />
        </div>
      )}
    </section>
  );
}
