import { useState } from 'react';
import { useT } from '../i18n/i18n.ts';
import { XIcon } from '../ui/icons.tsx';
import { BacktestHistory } from './backtest-history.tsx';
import { BacktestProgressView } from './backtest-progress.tsx';
import { BacktestResultView } from './backtest-result.tsx';
import { parseDays } from './backtest-state.ts';
import type { BacktestControls } from './use-backtest.ts';
import '../styles/backtest.css';

interface BacktestPanelProps {
  backtest: BacktestControls;
  /** The backtest runs what the server holds; unsaved edits would not be in it. */
  waitingForSave: boolean;
}

export function BacktestPanel({ backtest, waitingForSave }: BacktestPanelProps) {
  const t = useT();
  const { state } = backtest;
  if (state.status === 'closed') return null;
  return (
    <div className="backtest-panel" role="region" aria-label="Backtest" data-testid="backtest-panel">
      <div className="backtest-panel__head">
        <strong>{t('backtest.title')}</strong>
        <button
          type="button"
          className="btn btn--ghost"
          onClick={backtest.close}
          aria-label="Close backtest"
          data-testid="backtest-close"
        >
          <XIcon size={13} />
        </button>
      </div>
      {state.status === 'setup' && (
        <SetupForm state={state} waitingForSave={waitingForSave} onRun={(d) => void backtest.run(d)} />
      )}
      {state.status === 'running' && <BacktestProgressView state={state} onCancel={() => void backtest.cancel()} />}
      {state.status === 'done' && <BacktestResultView state={state} onBack={backtest.back} />}
      {state.status !== 'running' && (
        <BacktestHistory
          runs={backtest.runs}
          current={state.status === 'done' ? state.id : null}
          onView={(id) => void backtest.view(id)}
        />
      )}
    </div>
  );
}

type SetupState = Extract<BacktestControls['state'], { status: 'setup' }>;

function SetupForm({
  state,
  waitingForSave,
  onRun,
}: {
  state: SetupState;
  waitingForSave: boolean;
  onRun: (days: number) => void;
}) {
  const t = useT();
  const [days, setDays] = useState('365');
  const parsed = parseDays(days);
  return (
    <form
      className="backtest-panel__form"
      onSubmit={(e) => {
        e.preventDefault();
        if (parsed !== null && !waitingForSave) onRun(parsed);
      }}
    >
      <p className="muted">{t('backtest.intro')}</p>
      <label className="backtest-panel__days">
        {t('backtest.last')}
        <input
          className="input"
          inputMode="numeric"
          value={days}
          onChange={(e) => setDays(e.target.value)}
          aria-label="Days to replay"
          aria-invalid={parsed === null}
          data-testid="backtest-days"
        />
        {t('backtest.days')}
      </label>
      {parsed === null && <p className="field__error">{t('backtest.daysInvalid')}</p>}
      {state.notice === 'cancelled' && (
        <div className="backtest-panel__note" role="status" data-testid="backtest-cancelled">
          {t('backtest.cancelled')}
        </div>
      )}
      {state.error && (
        <div className="banner banner--error" role="alert">
          {state.error}
        </div>
      )}
      <button type="submit" className="btn btn--primary" disabled={parsed === null || waitingForSave} data-testid="backtest-run">
        {waitingForSave ? t('backtest.waitingForSave') : t('backtest.run')}
      </button>
    </form>
  );
}
