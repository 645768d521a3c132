import { useCan } from '../auth/session-context.ts';
import { getQueueHealth, getSetAsideEvents } from '../monitoring/monitoring-api.ts';
import { Panel } from '../monitoring/panel.tsx';
import { SetAsideEvents } from '../monitoring/set-aside-events.tsx';
import { usePolling } from '../monitoring/use-polling.ts';
import { formatSeconds } from '../monitoring/zone-time.ts';
import { formatDateTime } from '../ui/format-date.ts';
import { useEffect, useState } from 'react';
import { enMessages, type MessageKey } from '../i18n/en.ts';
import { useT, type Translate } from '../i18n/i18n.ts';
import '../styles/monitoring.css';

const REFRESH_MS = 5000;
const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'];
// Lag past these is worth an admin's attention (the sweeper runs every second).
const LAG_WARN_SECONDS = 60;
// The newest set-aside events listed; the count covers them all.
const SET_ASIDE_LIMIT = 100;

/** Queue health: is the runtime keeping up? */
export function HealthPage() {
  const health = usePolling((s) => getQueueHealth(s), REFRESH_MS, []);
  const setAside = usePolling((s) => getSetAsideEvents(SET_ASIDE_LIMIT, s), REFRESH_MS, []);
  const canRetry = useCan('edit');
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  useEffect(() => {
    if (health.data) setUpdatedAt(new Date().toISOString());
  }, [health.data]);
  const h = health.data;
  const t = useT();
  return (
    <div className="mon-page" data-testid="health-page">
      <div className="mon-page__head">
        <div>
          <h1>{t('health.title')}</h1>
          <p className="muted">
            {t('health.refreshes')}
            {updatedAt && <> · {t('health.updated', { time: formatDateTime(updatedAt) })}</>}. {t('health.scrape')}{' '}
            <a href="/metrics" target="_blank" rel="noreferrer" data-testid="metrics-link">
              /metrics
            </a>{' '}
            {t('health.withPrometheus')}
          </p>
        </div>
      </div>
      {health.error && (
        <div className="banner banner--error" role="alert">
          {t('health.loadError')} {health.error}
        </div>
      )}
      {!h ? (
        !health.error && <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <div className="kpis">
            <Stat label={t('health.due')} value={h.dueWakeups.toLocaleString()} hint={t('health.dueHint', { lag: formatSeconds(h.wakeLagSeconds) })} warn={h.wakeLagSeconds > LAG_WARN_SECONDS} testId="health-due" />
            <Stat label={t('health.pending')} value={h.pendingEvents.toLocaleString()} hint={t('health.pendingHint', { lag: formatSeconds(h.eventLagSeconds) })} warn={h.eventLagSeconds > LAG_WARN_SECONDS} testId="health-events" />
            <Stat
              label={t('health.setAside')}
              value={h.quarantinedEvents.toLocaleString()}
              hint={t('health.setAsideHint')}
              warn={h.quarantinedEvents > 0}
              testId="health-set-aside"
            />
            <Stat label={t('health.steps')} value={h.stepsLastMinute.toLocaleString()} hint={t('health.stepsHint')} testId="health-steps" />
            <Stat label={t('health.failed')} value={(h.effects.failed ?? 0).toLocaleString()} hint={t('health.failedHint')} warn={(h.effects.failed ?? 0) > 0} testId="health-failed" />
            <Stat label={t('health.stuck')} value={h.stuckEffects.toLocaleString()} hint={t('health.stuckHint')} warn={h.stuckEffects > 0} testId="health-stuck" />
          </div>
          <Panel title={t('health.setAside')} aside={<span className="muted panel__aside">{t('health.setAsideNote')}</span>} testId="set-aside-panel">
            {setAside.data ? (
              <SetAsideEvents
                events={setAside.data}
                total={Math.max(h.quarantinedEvents, setAside.data.length)}
                canRetry={canRetry}
                onRetried={() => {
                  setAside.reload();
                  health.reload();
                }}
              />
            ) : (
              <p className="muted panel-empty">{setAside.error ? `${t('health.setAsideLoadError')} ${setAside.error}` : t('common.loading')}</p>
            )}
          </Panel>
          <Panel title={t('health.queues')}>
            <table className="mon-table" data-testid="queue-table">
              <thead>
                <tr>
                  <th>{t('health.queue')}</th>
                  {STATES.map((s) => (
                    <th key={s} className="num">
                      {t(`queue.state.${s}` as MessageKey)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {Object.entries(h.queues).map(([name, counts]) => (
                  <tr key={name} data-testid={`queue-${name}`}>
                    <td className="mon-table__strong">{knownName(`queue.name.${name}`, name, t)}</td>
                    {STATES.map((s) => (
                      <td key={s} className={`num ${s === 'failed' && (counts[s] ?? 0) > 0 ? 'num--bad' : ''}`}>
                        {(counts[s] ?? 0).toLocaleString()}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </Panel>
          <div className="mon-grid">
            <Panel title={t('health.journeys')}>
              <Counts counts={h.journeys} testId="journey-counts" prefix="trace.status" />
            </Panel>
            <Panel title={t('health.effects')}>
              <Counts counts={h.effects} testId="effect-counts" prefix="effects.status" />
            </Panel>
          </div>
        </>
      )}
    </div>
  );
}

function Stat({ label, value, hint, warn, testId }: { label: string; value: string; hint: string; warn?: boolean; testId: string }) {
  return (
    <div className={`kpi ${warn ? 'kpi--warn' : ''}`} data-testid={testId}>
      <div className="kpi__label">{label}</div>
      <div className="kpi__value">{value}</div>
      <div className="kpi__hint">{hint}</div>
    </div>
  );
}

/** A status or queue code in words where the tables know it; an unknown one as the runtime sent it. */
function knownName(key: string, code: string, t: Translate): string {
  return key in enMessages ? t(key as MessageKey) : code;
}

function Counts({ counts, testId, prefix }: { counts: Record<string, number>; testId: string; prefix: 'trace.status' | 'effects.status' }) {
  const t = useT();
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return <p className="muted panel-empty">{t('health.none')}</p>;
  const total = entries.reduce((s, [, n]) => s + n, 0);
  return (
    <ul className="status-counts" data-testid={testId}>
      {entries.map(([k, n]) => (
        <li key={k}>
          <span className={`effect-status effect-status--${k} journey-status--${k}`}>{knownName(`${prefix}.${k}`, k, t)}</span>
          <span className="status-counts__bar" aria-hidden="true">
            <span style={{ width: `${(n / total) * 100}%` }} />
          </span>
          <span className="num">{n.toLocaleString()}</span>
        </li>
      ))}
    </ul>
  );
}
