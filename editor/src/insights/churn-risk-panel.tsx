import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLocaleFormat } from '../back-office/locale-format.ts';
import { useT } from '../i18n/i18n.ts';
import { Panel } from '../monitoring/panel.tsx';
import { RouteLink } from '../monitoring/route-link.tsx';
import { usePolling } from '../monitoring/use-polling.ts';
import { memberPath } from '../routing/routes.ts';
import { analyticsRoutes, callRoute } from './insights-api.ts';
import { useRfmGroupName } from './rfm-group-name.ts';

const FACTORS = [1.5, 2, 3];

/** Members at risk now: quiet for longer than their own usual gap between purchases. */
export function ChurnRiskPanel() {
  const t = useT();
  const f = useLocaleFormat();
  const groupName = useRfmGroupName();
  const [factor, setFactor] = useState(1.5);
  const report = usePolling((signal) => callRoute(analyticsRoutes.churnRisk, { query: { factor, limit: 20 }, signal }), 0, [factor]);
  const r = report.data;
  const bucketLabel = (b: { from: number; to: number | null }) => (b.to === null ? `≥ ${f.number(b.from)}×` : `${f.number(b.from)}–${f.number(b.to)}×`);
  return (
    <Panel
      title={t('analytics.churnRisk')}
      testId="churn-risk"
      aside={
        <div className="segmented segmented--small" role="radiogroup" aria-label={t('analytics.factor')}>
          {FACTORS.map((x) => (
            <button key={x} type="button" role="radio" aria-checked={factor === x} className="segmented__item" onClick={() => setFactor(x)}>
              {t('analytics.factorN', { n: f.number(x) })}
            </button>
          ))}
        </div>
      }
    >
      {!r ? (
        <p className="muted panel-empty">{report.error ?? t('common.loading')}</p>
      ) : (
        <>
          <p data-testid="churn-risk-summary">{t('analytics.atRiskSummary', { atRisk: f.number(r.atRisk), considered: f.number(r.considered), factor: f.number(r.factor), date: f.date(r.asOf) })}</p>
          <div className="ins-charts">
            <div className="ins-chart">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={r.buckets.map((b) => ({ label: bucketLabel(b), members: b.members, risky: b.from >= r.factor }))} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" tick={{ fontSize: 11 }} />
                  <YAxis tick={{ fontSize: 11 }} width={48} tickFormatter={(v: number) => f.number(v)} />
                  <Tooltip formatter={(v) => [f.number(Number(v)), t('rfm.members')]} />
                  <Bar dataKey="members" isAnimationActive={false}>
                    {r.buckets.map((b) => (
                      <Cell key={b.from} fill={b.from >= r.factor ? '#e8904a' : '#a3c0f7'} />
                    ))}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
              <p className="muted rfm-caption">{t('analytics.bucketsCaption')}</p>
            </div>
            <table className="mon-table" data-testid="churn-risk-members">
              <thead>
                <tr>
                  <th>{t('insights.member')}</th>
                  <th className="num">{t('analytics.daysQuiet')}</th>
                  <th className="num">{t('analytics.usualGap')}</th>
                  <th className="num">{t('insights.spent')}</th>
                  <th>{t('insights.rfmGroup')}</th>
                </tr>
              </thead>
              <tbody>
                {r.members.slice(0, 10).map((m) => (
                  <tr key={m.id}>
                    <td>
                      <RouteLink to={memberPath(m.id)}>{m.id}</RouteLink>
                    </td>
                    <td className="num">{f.number(m.daysSinceLastPurchase)}</td>
                    <td className="num">{f.number(m.usualGapDays)}</td>
                    <td className="num">{f.money(m.totalSpent)}</td>
                    <td>{m.rfmSegment ? groupName(m.rfmSegment) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Panel>
  );
}
