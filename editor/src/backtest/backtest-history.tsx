import type { BacktestRun } from '@memberflow/shared/api/backtests';
import { useT } from '../i18n/i18n.ts';
import { formatDateTime } from '../ui/format-date.ts';

/** The workflow's kept runs, newest first; a finished one opens its result. */
export function BacktestHistory({
  runs,
  current,
  onView,
}: {
  runs: BacktestRun[];
  current: string | null;
  onView: (id: string) => void;
}) {
  const t = useT();
  return (
    <section className="backtest-history" aria-label={t('backtest.history')} data-testid="backtest-history">
      <h4>{t('backtest.history')}</h4>
      {runs.length === 0 && <p className="muted">{t('backtest.historyEmpty')}</p>}
      <ul>
        {runs.slice(0, 10).map((r) => (
          <li key={r.id}>
            <button
              type="button"
              className={`backtest-history__item${r.id === current ? ' backtest-history__item--current' : ''}`}
              onClick={() => onView(r.id)}
              aria-current={r.id === current}
              data-testid="backtest-history-item"
              data-status={r.status}
            >
              <span>{formatDateTime(r.createdAt)}</span>
              <span className="muted">{t('backtest.historyDays', { days: r.days })}</span>
              <span className={`backtest-history__status backtest-history__status--${r.status}`}>
                {t(`backtest.status.${r.status}`)}
              </span>
              {r.report && (
                <span className="muted">{t('backtest.historyMembers', { members: r.report.members.toLocaleString() })}</span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
