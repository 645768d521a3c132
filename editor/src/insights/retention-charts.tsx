import type { RetentionReport } from '@memberflow/shared/api/analytics-routes';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLocaleFormat } from '../back-office/locale-format.ts';
import { useT } from '../i18n/i18n.ts';
import { useMonthLabel } from './month-label.ts';

/** Share of customers gone by month k since their first purchase, over all cohorts old enough. */
export function ChurnCurveChart({ curve }: { curve: RetentionReport['churnCurve'] }) {
  const t = useT();
  const f = useLocaleFormat();
  const data = curve.map((p) => ({ month: t('analytics.monthK', { k: p.month }), churn: p.churn, customers: p.customers }));
  return (
    <div className="ins-chart" data-testid="churn-curve">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="month" tick={{ fontSize: 11 }} />
          <YAxis domain={[0, 1]} tickFormatter={(v: number) => f.percent(v)} tick={{ fontSize: 11 }} width={48} />
          <Tooltip formatter={(v) => [f.percent(Number(v)), t('analytics.churned')]} />
          <Line type="monotone" dataKey="churn" stroke="#c8322b" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Average lifetime value of each cohort's customers, up to the end of the period. */
export function ClvByCohortChart({ cohorts }: { cohorts: RetentionReport['cohorts'] }) {
  const t = useT();
  const f = useLocaleFormat();
  const month = useMonthLabel();
  const data = cohorts.map((c) => ({ cohort: month(c.cohort), clv: c.clv }));
  return (
    <div className="ins-chart" data-testid="clv-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="cohort" tick={{ fontSize: 11 }} />
          <YAxis tickFormatter={(v: number) => f.money(v)} tick={{ fontSize: 11 }} width={56} />
          <Tooltip formatter={(v) => [f.money(Number(v)), t('analytics.clv')]} />
          <Bar dataKey="clv" fill="#2f5bd3" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
