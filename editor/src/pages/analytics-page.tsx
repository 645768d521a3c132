import type { RetentionReport } from '@memberflow/shared/api/analytics-routes';
import { useRef, useState } from 'react';
import { BackOfficeHead } from '../back-office/back-office-head.tsx';
import { useLocaleFormat } from '../back-office/locale-format.ts';
import { useT } from '../i18n/i18n.ts';
import { ChurnRiskPanel } from '../insights/churn-risk-panel.tsx';
import { CohortHeatmap } from '../insights/cohort-heatmap.tsx';
import { analyticsRoutes, callRoute } from '../insights/insights-api.ts';
import { periodBackwards, periodQuery, type PeriodChoice } from '../insights/period.ts';
import { PeriodPicker } from '../insights/period-picker.tsx';
import { ChurnCurveChart, ClvByCohortChart } from '../insights/retention-charts.tsx';
import { Panel } from '../monitoring/panel.tsx';
import { usePolling } from '../monitoring/use-polling.ts';
import '../styles/monitoring.css';
import '../styles/inspector.css';
import '../styles/back-office.css';
import '../styles/insights.css';

/** /analytics: retention over a chosen period, cohorts, churn, customer value and who is at risk now. */
export function AnalyticsPage() {
  const t = useT();
  const f = useLocaleFormat();
  const [period, setPeriod] = useState<PeriodChoice>({ kind: 'all' });
  const query = periodQuery(period, Date.now());
  const backwards = periodBackwards(period);
  // A backwards period asks nothing: the last report stays on screen and the page says what to fix.
  const lastGood = useRef(query);
  if (!backwards) lastGood.current = query;
  const asked = lastGood.current;
  const report = usePolling((signal) => callRoute(analyticsRoutes.retention, { query: asked, signal }), 0, [JSON.stringify(asked)]);
  const r = report.data;
  return (
    <div className="mon-page ins-page" data-testid="analytics-page">
      <BackOfficeHead title={t('analytics.title')} intro={t('analytics.intro')} action={null} />
      <PeriodPicker value={period} onChange={setPeriod} />
      {(backwards || report.error) && (
        <p className="field__error" role="alert" data-testid="period-problem">
          {backwards ? t('analytics.backwards') : report.error}
        </p>
      )}
      {!r ? (
        !report.error && <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <p className="muted" data-testid="analytics-period">
            {t('analytics.periodLine', { from: f.date(periodStart(r)), to: f.date(new Date(Date.parse(r.to) - 1).toISOString()), customers: f.number(r.customers), orders: f.number(r.orders) })}
          </p>
          <Kpis r={r} />
          <Panel title={t('analytics.heatmapTitle')} testId="cohort-panel">
            <CohortHeatmap cohorts={r.cohorts} />
          </Panel>
          <div className="ins-charts">
            <Panel title={t('analytics.churnCurve')}>
              <ChurnCurveChart curve={r.churnCurve} />
            </Panel>
            <Panel title={t('analytics.clvByCohort')}>
              <ClvByCohortChart cohorts={r.cohorts} />
            </Panel>
          </div>
        </>
      )}
      <ChurnRiskPanel />
    </div>
  );
}

/** The period's real start: "all history" asks from 1970, but nothing happened before the first purchase. */
function periodStart(r: RetentionReport): string {
  const first = r.history.firstPurchaseAt;
  return first && Date.parse(first) > Date.parse(r.from) ? first : r.from;
}

function Kpis({ r }: { r: RetentionReport }) {
  const t = useT();
  const f = useLocaleFormat();
  const kpis = [
    { id: 'repeat', label: t('analytics.repeatRate'), value: f.percent(r.repeatPurchaseRate), note: t('analytics.repeatNote', { repeat: f.number(r.repeatCustomers), customers: f.number(r.customers) }) },
    { id: 'clv', label: t('analytics.averageClv'), value: r.averageClv === null ? '—' : f.money(r.averageClv), note: t('analytics.clvNote', { revenue: f.money(r.revenue) }) },
    { id: 'top', label: t('analytics.topShare'), value: f.percent(r.topCustomers.revenueShare), note: t('analytics.topNote', { customers: f.number(r.topCustomers.customers) }) },
    { id: 'orders', label: t('analytics.ordersPerCustomer'), value: r.customers ? f.number(Math.round((r.orders / r.customers) * 100) / 100) : '—', note: t('analytics.ordersNote', { orders: f.number(r.orders) }) },
  ];
  return (
    <div className="ins-kpis">
      {kpis.map((k) => (
        <div key={k.id} className="card ins-kpi" data-testid={`kpi-${k.id}`}>
          <div className="ins-kpi__label">{k.label}</div>
          <div className="ins-kpi__value">{k.value}</div>
          <div className="ins-kpi__note">{k.note}</div>
        </div>
      ))}
    </div>
  );
}
