import { useT } from '../i18n/i18n.ts';
import type { BacktestState } from './backtest-state.ts';

/** A finished run's counts; the canvas badges each step with members who reached it meanwhile. */
export function BacktestResultView({ state, onBack }: { state: Extract<BacktestState, { status: 'done' }>; onBack: () => void }) {
  const t = useT();
  const r = state.result;
  const s = r.effectsByStatus;
  const journeys = Object.entries(r.journeys).filter(([, n]) => (n ?? 0) > 0);
  return (
    <div className="backtest-panel__result" data-testid="backtest-result">
      <p>{t('backtest.period', { days: state.days, from: r.period.from.slice(0, 10), to: r.period.to.slice(0, 10) })}</p>
      <dl className="backtest-panel__stats">
        <div>
          <dt>{t('backtest.members')}</dt>
          <dd data-testid="backtest-members">{r.members.toLocaleString()}</dd>
        </div>
        <div>
          <dt>{t('backtest.events')}</dt>
          <dd>{r.events.toLocaleString()}</dd>
        </div>
        <div>
          <dt>{t('backtest.effects')}</dt>
          <dd data-testid="backtest-effects">{r.effects.toLocaleString()}</dd>
        </div>
        <div>
          <dt>{t('backtest.took')}</dt>
          <dd>{r.seconds.toFixed(1)} s</dd>
        </div>
      </dl>
      <p className="muted">
        {journeys.map(([status, n]) => `${status} ${(n ?? 0).toLocaleString()}`).join(' · ') || t('backtest.noJourneys')}
      </p>
      {r.effects > 0 && (
        <p className="muted" data-testid="backtest-effect-status">
          {t('backtest.effectsByStatus', {
            done: s.done ?? 0,
            pending: s.pending ?? 0,
            held: s.held ?? 0,
            skipped: s.skipped ?? 0,
          })}
        </p>
      )}
      {r.skipped.length > 0 && (
        <ul className="backtest-panel__skipped">
          {r.skipped.slice(0, 5).map((k) => (
            <li key={k.reason}>{t('backtest.skippedReason', { count: k.count.toLocaleString(), reason: k.reason })}</li>
          ))}
        </ul>
      )}
      {r.timeTrigger && <p className="muted">{t('backtest.timeTrigger', { members: r.timeTrigger.members.toLocaleString() })}</p>}
      {r.warnings.map((w) => (
        <div key={w} className="backtest-panel__note backtest-panel__note--warning" role="status">
          {w}
        </div>
      ))}
      <p className="muted">{t('backtest.badges')}</p>
      <button type="button" className="btn" onClick={onBack} data-testid="backtest-back">
        {t('backtest.again')}
      </button>
    </div>
  );
}
