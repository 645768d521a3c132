import type { BacktestProgress } from '@memberflow/shared/api/backtests';
import { useEffect, useState } from 'react';
import { useT } from '../i18n/i18n.ts';
import { progressShare, type BacktestState } from './backtest-state.ts';

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(t);
  }, []);
  return <>{Math.max(0, Math.round((now - since) / 1000))} s</>;
}

function Stage({ p }: { p: BacktestProgress }) {
  const t = useT();
  const n = (v: number | undefined) => (v ?? 0).toLocaleString();
  if (p.phase === 'storing') return <>{t('backtest.storing', { stored: n(p.stored), events: n(p.events) })}</>;
  if (p.phase === 'replaying') return <>{t('backtest.replaying', { pending: n(p.pending), wakes: n(p.wakes) })}</>;
  if (p.phase === 'reporting') return <>{t('backtest.reporting')}</>;
  if (p.phase === 'preparing') return <>{t('backtest.preparing')}</>;
  return <>{t('backtest.queued')}</>;
}

/** A running (or queued) job: what it is doing, how far it got, and Cancel. */
export function BacktestProgressView({
  state,
  onCancel,
}: {
  state: Extract<BacktestState, { status: 'running' }>;
  onCancel: () => void;
}) {
  const t = useT();
  const share = progressShare(state.run.progress);
  return (
    <div className="backtest-panel__running" data-testid="backtest-running">
      <div className="backtest-panel__running-head">
        <span className="spinner" aria-hidden="true" /> {t('backtest.running', { days: state.days })}{' '}
        <Elapsed since={state.startedAt} />
      </div>
      <div
        className="backtest-progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={share === null ? undefined : Math.round(share * 100)}
        data-testid="backtest-progress"
        data-phase={state.run.progress.phase ?? 'queued'}
      >
        <div
          className={`backtest-progress__bar${share === null ? ' backtest-progress__bar--unknown' : ''}`}
          style={share === null ? undefined : { width: `${Math.round(share * 100)}%` }}
        />
      </div>
      <p className="muted" data-testid="backtest-stage">
        <Stage p={state.run.progress} />
      </p>
      <p className="muted">{t('backtest.keepsRunning')}</p>
      <button
        type="button"
        className="btn"
        onClick={onCancel}
        disabled={!state.id || state.run.cancelRequested}
        data-testid="backtest-cancel"
      >
        {state.run.cancelRequested ? t('backtest.cancelling') : t('backtest.cancel')}
      </button>
    </div>
  );
}
