import type { SimulationResult } from '@memberflow/shared/simulate';
import { XIcon } from '../ui/icons.tsx';
import type { SimulationContext, SimulationEvent } from './simulation-machine.ts';
import { SimulationResultView } from './simulation-result-view.tsx';
import { SimulationSetupForm } from './simulation-setup-form.tsx';
import '../styles/simulation.css';

interface SimulationPanelProps {
  state: 'setup' | 'result';
  context: SimulationContext;
  send: (event: SimulationEvent) => void;
  /** Runs the current draft: the canvas owns the definition. */
  onRun: () => void;
  nodeLabel: (id: string) => string;
}

export function SimulationPanel({ state, context, send, onRun, nodeLabel }: SimulationPanelProps) {
  const result: SimulationResult | null = state === 'result' ? context.result : null;
  return (
    <section className="sim-panel" aria-label="Simulation" data-testid="simulation-panel">
      <header className="sim-panel__head">
        <div>
          <h2 className="inspector__title">Simulate a member</h2>
          <p className="inspector__description">Runs the current draft in your browser. Nothing is sent or saved.</p>
        </div>
        <button
          type="button"
          className="btn btn--ghost"
          aria-label="Close simulation"
          title="Close simulation"
          onClick={() => send({ type: 'close' })}
        >
          <XIcon size={16} />
        </button>
      </header>
      {result ? (
        <>
          <div className="sim-panel__bar">
            <button type="button" className="btn" onClick={() => send({ type: 'back' })} data-testid="sim-edit">
              Edit member and events
            </button>
            <button type="button" className="btn" onClick={onRun} title="Run again on the current draft">
              Run again
            </button>
          </div>
          <div className="sim-panel__body">
            <SimulationResultView
              result={result}
              step={context.step}
              nodeLabel={nodeLabel}
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
