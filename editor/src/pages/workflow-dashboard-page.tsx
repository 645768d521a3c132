import type { JourneyCounts } from '@memberflow/shared/api/workflows';
import { useEffect, useRef, useState } from 'react';
import { AuditList } from '../monitoring/audit-list.tsx';
import { ControlsPanel } from '../monitoring/controls-panel.tsx';
import { DailyChart } from '../monitoring/daily-chart.tsx';
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
import '../styles/monitoring.css';

const PERIODS = [7, 30, 90, 365];

/** One workflow for an admin: how it performs, what is happening now, and the controls. */
export function WorkflowDashboardPage({ workflowId }: { workflowId: string }) {
  const [days, setDays] = useState(30);
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
  if (!d) {
    return (
      <div className="page-message">
        {dashboard.error ? (
          <div className="banner banner--error" role="alert">
            Could not load the dashboard. {dashboard.error}
          </div>
        ) : (
          <span className="muted">Loading dashboard…</span>
        )}
      </div>
    );
  }
  // Live counts win over the dashboard's snapshot: they arrive every time members move.
  const journeys: JourneyCounts = live.stats?.journeys ?? d.journeys;
  const status = d.workflow.status;
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
            <RouteLink to="/">Workflows</RouteLink> <span aria-hidden="true">/</span>
          </div>
          <h1 data-testid="dashboard-title">{d.workflow.name}</h1>
          <div className="mon-page__meta">
            <StatusBadge status={status} />
            <span className="muted">{d.workflow.liveVersion === null ? 'Not published' : `Live version v${d.workflow.liveVersion}`}</span>
            <span className={`live-dot ${live.connected ? 'live-dot--on' : ''}`} data-testid="live-indicator">
              {live.connected ? 'Live' : 'Connecting…'}
            </span>
          </div>
        </div>
        <div className="mon-page__actions">
          <RouteLink to={workflowPath(workflowId)} className="btn">
            Open canvas
          </RouteLink>
          <ControlsPanel workflowId={workflowId} status={status} journeys={journeys} onDone={afterControl} />
        </div>
      </div>

      {dashboard.error && (
        <div className="banner banner--error" role="alert">
          Showing the last figures; refreshing failed. {dashboard.error}
        </div>
      )}

      <div className="kpis" data-testid="kpis">
        <Kpi label="Entered" value={d.entered.toLocaleString()} hint={`last ${d.period.days} days`} testId="kpi-entered" />
        <Kpi label="Converted" value={d.converted.toLocaleString()} hint={`${d.goal.eventType} within ${d.goal.withinDays} days`} testId="kpi-converted" />
        <Kpi label="Conversion rate" value={`${(d.conversionRate * 100).toFixed(1)}%`} hint="of treated members" testId="kpi-rate" />
        <Kpi label="Revenue" value={d.revenue.toLocaleString(undefined, { maximumFractionDigits: 2 })} hint="purchases within the goal window" testId="kpi-revenue" />
        <Kpi label="Waiting now" value={journeys.waiting.toLocaleString()} hint={`${journeys.active.toLocaleString()} active · ${journeys.failed.toLocaleString()} failed`} testId="kpi-waiting" live />
      </div>

      <Panel
        title="Entries, conversions and revenue per day"
        aside={
          <label className="period-select">
            <span className="muted">Period</span>
            <select className="select" value={days} onChange={(e) => setDays(Number(e.target.value))} data-testid="period-select">
              {PERIODS.map((p) => (
                <option key={p} value={p}>
                  Last {p} days
                </option>
              ))}
            </select>
          </label>
        }
      >
        <DailyChart daily={d.daily} from={d.period.from} to={d.period.to} />
      </Panel>

      <div className="mon-grid">
        <Panel title="Holdout comparison">
          <HoldoutPanel dashboard={d} />
        </Panel>
        <Panel title="Members at each node" aside={<span className="muted panel__aside">Live</span>}>
          <NodeCountsPanel workflowId={workflowId} definition={definition.data ?? null} stats={live.stats} />
        </Panel>
      </div>

      <Panel title="Failures" aside={failures.data && <span className="muted panel__aside">{failures.data.journeys.length + failures.data.effects.length} open</span>}>
        <FailuresPanel workflowId={workflowId} failures={failures.data} nodeLabel={(id) => nodeLabelOf(definition.data ?? null, id)} onDone={afterFailures} />
      </Panel>

      <Panel title="Audit log">
        <AuditList entries={audit.data} />
      </Panel>
    </div>
  );
}

function Kpi({ label, value, hint, testId, live }: { label: string; value: string; hint: string; testId: string; live?: boolean }) {
  return (
    <div className="kpi" data-testid={testId}>
      <div className="kpi__label">
        {label}
        {live && <span className="kpi__live" title="Updated live" />}
      </div>
      <div className="kpi__value" data-testid={`${testId}-value`}>
        {value}
      </div>
      <div className="kpi__hint">{hint}</div>
    </div>
  );
}
