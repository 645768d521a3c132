import type { JourneyCounts } from '@memberflow/shared/api/workflows';
import { useEffect, useRef, useState } from 'react';
import { AuditList } from '../monitoring/audit-list.tsx';
import { ControlsPanel } from '../monitoring/controls-panel.tsx';
import { DailyChart } from '../monitoring/daily-chart.tsx';
import { DASHBOARD_PERIODS, widerPeriod } from '../monitoring/dashboard-period.ts';
import { FailuresPanel } from '../monitoring/failures-panel.tsx';
import { HoldoutPanel } from '../monitoring/holdout-panel.tsx';
import { getAudit, getDashboard, getFailures, getVersionDefinition } from '../monitoring/monitoring-api.ts';
import { NodeCountsPanel, nodeLabelOf } from '../monitoring/node-counts-panel.tsx';
import { Panel } from '../monitoring/panel.tsx';
import { RouteLink } from '../monitoring/route-link.tsx';
import { usePolling } from '../monitoring/use-polling.ts';
import { useStatsStream } from '../monitoring/use-stats-stream.ts';
import { workflowPath } from '../routing/routes.ts';
import { StatusBadge } from '../ui/status-badge.tsx';
import { useT } from '../i18n/i18n.ts';
import { useCan } from '../auth/session-context.ts';
import { ReadOnlyBadge } from '../ui/read-only-badge.tsx';
import '../styles/monitoring.css';

/** One workflow for an admin: how it performs, what is happening now, and the controls. */
export function WorkflowDashboardPage({ workflowId }: { workflowId: string }) {
  const t = useT();
  // Analysts watch; pausing, stopping and acting on failures need the edit permission.
  const canEdit = useCan('edit');
  const [days, setDays] = useState(30);
  // Until the user picks a period, a quiet last 30 days widens to the one its members entered in.
  const periodChosen = useRef(false);
  const dashboard = usePolling((s) => getDashboard(workflowId, days, s), 0, [workflowId, days]);
  const failures = usePolling((s) => getFailures(workflowId, s), 0, [workflowId]);
  const audit = usePolling((s) => getAudit(workflowId, s), 0, [workflowId]);
  const live = useStatsStream(workflowId);
  const version = dashboard.data?.workflow.liveVersion ?? null;
  const definition = usePolling((s) => (version === null ? Promise.resolve(null) : getVersionDefinition(workflowId, version, s)), 0, [workflowId, version]);

  // The stream says when members moved; the aggregates (chart, failures) are re-read then.
  const statsKey = live.stats ? JSON.stringify(live.stats) : null;
  const lastKey = useRef<string | null>(null);
  const { reload: reloadDashboard } = dashboard;
  const { reload: reloadFailures } = failures;
  useEffect(() => {
    if (statsKey === null) return;
    if (lastKey.current !== null && lastKey.current !== statsKey) {
      reloadDashboard();
      reloadFailures();
    }
    lastKey.current = statsKey;
  }, [statsKey, reloadDashboard, reloadFailures]);

  const d = dashboard.data;
  const wider = d && !periodChosen.current && d.period.days === days ? widerPeriod(days, d.entered, d.journeys) : null;
  useEffect(() => {
    if (wider !== null) setDays(wider);
  }, [wider]);

  if (!d) {
    return (
      <div className="page-message">
        {dashboard.error ? (
          <div className="banner banner--error" role="alert">
            {t('dash.loadError')} {dashboard.error}
          </div>
        ) : (
          <span className="muted">{t('dash.loading')}</span>
        )}
      </div>
    );
  }
  // Live counts win over the dashboard's snapshot: they arrive every time members move.
  const journeys: JourneyCounts = live.stats?.journeys ?? d.journeys;
  const status = d.workflow.status;
  const pickPeriod = (p: number) => {
    periodChosen.current = true;
    setDays(p);
  };
  const afterControl = () => {
    dashboard.reload();
    audit.reload();
  };
  const afterFailures = () => {
    failures.reload();
    audit.reload();
  };

  return (
    <div className="mon-page" data-testid="dashboard-page">
      <div className="mon-page__head">
        <div>
          <div className="mon-page__crumbs">
            <RouteLink to="/">{t('nav.workflows')}</RouteLink> <span aria-hidden="true">/</span>
          </div>
          <h1 data-testid="dashboard-title">{d.workflow.name}</h1>
          <div className="mon-page__meta">
            <StatusBadge status={status} />
            <span className="muted">{d.workflow.liveVersion === null ? t('dash.notPublished') : t('dash.liveVersion', { version: d.workflow.liveVersion })}</span>
            <span className={`live-dot ${live.connected ? 'live-dot--on' : ''}`} data-testid="live-indicator">
              {live.connected ? t('dash.live') : t('dash.connecting')}
            </span>
          </div>
        </div>
        <div className="mon-page__actions">
          <RouteLink to={workflowPath(workflowId)} className="btn">
            {t('dash.openCanvas')}
          </RouteLink>
          {canEdit ? <ControlsPanel workflowId={workflowId} status={status} journeys={journeys} onDone={afterControl} /> : <ReadOnlyBadge />}
        </div>
      </div>

      {dashboard.error && (
        <div className="banner banner--error" role="alert">
          {t('dash.refreshFailed')} {dashboard.error}
        </div>
      )}

      <div className="kpis" data-testid="kpis">
        <Kpi label={t('dash.kpi.entered')} value={d.entered.toLocaleString()} hint={t('dash.kpi.lastDays', { days: d.period.days })} testId="kpi-entered" />
        <Kpi label={t('dash.kpi.converted')} value={d.converted.toLocaleString()} hint={t('dash.kpi.goalWithin', { event: d.goal.eventType, days: d.goal.withinDays })} testId="kpi-converted" />
        <Kpi label={t('dash.kpi.rate')} value={`${(d.conversionRate * 100).toFixed(1)}%`} hint={t('dash.kpi.rateHint')} testId="kpi-rate" />
        <Kpi label={t('dash.kpi.revenue')} value={d.revenue.toLocaleString(undefined, { maximumFractionDigits: 2 })} hint={t('dash.kpi.revenueHint')} testId="kpi-revenue" />
        <Kpi label={t('dash.kpi.waiting')} value={journeys.waiting.toLocaleString()} hint={t('dash.kpi.waitingHint', { active: journeys.active.toLocaleString(), failed: journeys.failed.toLocaleString() })} testId="kpi-waiting" live />
      </div>

      <Panel
        title={t('dash.chart')}
        aside={
          <label className="period-select">
            <span className="muted">{t('dash.period')}</span>
            <select className="select" value={days} onChange={(e) => pickPeriod(Number(e.target.value))} data-testid="period-select">
              {DASHBOARD_PERIODS.map((p) => (
                <option key={p} value={p}>
                  {t('dash.lastDaysOption', { days: p })}
                </option>
              ))}
            </select>
          </label>
        }
      >
        <DailyChart daily={d.daily} from={d.period.from} to={d.period.to} />
      </Panel>

      <div className="mon-grid">
        <Panel title={t('dash.holdout')}>
          <HoldoutPanel dashboard={d} />
        </Panel>
        <Panel title={t('dash.nodes')} aside={<span className="muted panel__aside">{t('dash.live')}</span>}>
          <NodeCountsPanel workflowId={workflowId} definition={definition.data ?? null} stats={live.stats} />
        </Panel>
      </div>

      <Panel title={t('dash.failures')} aside={failures.data && <span className="muted panel__aside">{t('dash.open', { count: failures.data.journeys.length + failures.data.effects.length })}</span>}>
        <FailuresPanel workflowId={workflowId} canAct={canEdit} failures={failures.data} nodeLabel={(id) => nodeLabelOf(definition.data ?? null, id)} onDone={afterFailures} />
      </Panel>

      <Panel title={t('dash.audit')}>
        <AuditList entries={audit.data} />
      </Panel>
    </div>
  );
}

function Kpi({ label, value, hint, testId, live }: { label: string; value: string; hint: string; testId: string; live?: boolean }) {
  const t = useT();
  return (
    <div className="kpi" data-testid={testId}>
      <div className="kpi__label">
        {label}
        {live && <span className="kpi__live" title={t('dash.updatedLive')} />}
      </div>
      <div className="kpi__value" data-testid={`${testId}-value`}>
        {value}
      </div>
      <div className="kpi__hint">{hint}</div>
    </div>
  );
}
