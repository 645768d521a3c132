import { useEffect, useState } from 'react';
import { useT } from '../i18n/i18n.ts';
import { XIcon } from '../ui/icons.tsx';
import { parseDays, type BacktestState } from './use-backtest.ts';
import '../styles/backtest.css';

interface BacktestPanelProps {
  state: Exclude<BacktestState, { status: 'closed' }>;
  /** The backtest runs what the server holds; unsaved edits would not be in it. */
  waitingForSave: boolean;
  onRun: (days: number) => void;
  onClose: () => void;
}

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(t);
  }, []);
  return <>{Math.max(0, Math.round((now - since) / 1000))} s</>;
}

export function BacktestPanel({ state, waitingForSave, onRun, onClose }: BacktestPanelProps) {
  const t = useT();
  const [days, setDays] = useState('365');
  const parsed = parseDays(days);
  return (
    <div className="backtest-panel" role="region" aria-label="Backtest" data-testid="backtest-panel">
      <div className="backtest-panel__head">
        <strong>{t('backtest.title')}</strong>
        <button type="button" className="btn btn--ghost" onClick={onClose} aria-label="Close backtest" data-testid="backtest-close">
          <XIcon size={13} />
        </button>
      </div>
      {state.status === 'setup' && (
        <form
          className="backtest-panel__form"
          onSubmit={(e) => {
            e.preventDefault();
            if (parsed !== null && !waitingForSave) onRun(parsed);
          }}
        >
          <p className="muted">
            {t('backtest.intro')}
          </p>
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
          {parsed === null && <p className="field__error">Enter a whole number of days from 1 to 3650.</p>}
          {state.error && (
            <div className="banner banner--error" role="alert">
              {state.error}
            </div>
          )}
          <button type="submit" className="btn btn--primary" disabled={parsed === null || waitingForSave} data-testid="backtest-run">
            {waitingForSave ? t('backtest.waitingForSave') : t('backtest.run')}
          </button>
        </form>
      )}
      {state.status === 'running' && (
        <div className="backtest-panel__running" data-testid="backtest-running">
          <span className="spinner" aria-hidden="true" /> {t('backtest.running', { days: state.days })} <Elapsed since={state.startedAt} />
        </div>
      )}
      {state.status === 'done' && (
        <div className="backtest-panel__result" data-testid="backtest-result">
          <p>
            {t('backtest.period', { days: state.days, from: state.result.period.from.slice(0, 10), to: state.result.period.to.slice(0, 10) })}
          </p>
          <dl className="backtest-panel__stats">
            <div>
              <dt>{t('backtest.members')}</dt>
              <dd data-testid="backtest-members">{state.result.members.toLocaleString()}</dd>
            </div>
            <div>
              <dt>{t('backtest.events')}</dt>
              <dd>{state.result.events.toLocaleString()}</dd>
            </div>
            <div>
              <dt>{t('backtest.effects')}</dt>
              <dd>{state.result.effects.toLocaleString()}</dd>
            </div>
            <div>
              <dt>{t('backtest.took')}</dt>
              <dd>{state.result.seconds.toFixed(1)} s</dd>
            </div>
          </dl>
          <p className="muted">
            {Object.entries(state.result.journeys)
              .filter(([, n]) => (n ?? 0) > 0)
              .map(([status, n]) => `${status} ${(n ?? 0).toLocaleString()}`)
              .join(' · ') || 'No journeys started.'}
          </p>
          <p className="muted">{t('backtest.badges')}</p>
        </div>
      )}
    </div>
  );
}
