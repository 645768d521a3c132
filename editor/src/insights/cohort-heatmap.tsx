import type { RetentionReport } from '@memberflow/shared/api/analytics-routes';
import { useLocaleFormat } from '../back-office/locale-format.ts';
import { useT } from '../i18n/i18n.ts';
import { useMonthLabel } from './month-label.ts';

/** Cell colour from white to the primary blue by share; text turns white on the darker half. */
export function heatColor(share: number): { background: string; color: string } {
  const s = Math.max(0, Math.min(1, share));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * s);
  return { background: `rgb(${mix(234, 47)}, ${mix(240, 91)}, ${mix(253, 211)})`, color: s > 0.5 ? '#fff' : 'var(--text)' };
}

/**
 * Retention by cohort (month of first purchase) and month since: a table coloured as a heatmap.
 * Month 0 is always 100% and would flatten the scale, so colours stretch over months 1 and on.
 */
export function CohortHeatmap({ cohorts }: { cohorts: RetentionReport['cohorts'] }) {
  const t = useT();
  const f = useLocaleFormat();
  const month = useMonthLabel();
  if (cohorts.length === 0) return <p className="muted panel-empty">{t('analytics.noCohorts')}</p>;
  const months = Math.max(...cohorts.map((c) => c.retention.length));
  const peak = Math.max(0.0001, ...cohorts.flatMap((c) => c.retention.slice(1)));
  return (
    <div className="heatmap-wrap">
      <table className="heatmap" data-testid="cohort-heatmap">
        <thead>
          <tr>
            <th>{t('analytics.cohort')}</th>
            <th>{t('analytics.cohortSize')}</th>
            {Array.from({ length: months }, (_, k) => (
              <th key={k}>{t('analytics.monthK', { k })}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((c) => (
            <tr key={c.cohort} data-testid="cohort-row">
              <th scope="row">{month(c.cohort)}</th>
              <td className="heatmap__size">{f.number(c.size)}</td>
              {Array.from({ length: months }, (_, k) => {
                const share = c.retention[k];
                if (share === undefined) return <td key={k} />;
                return (
                  <td key={k} style={heatColor(k === 0 ? 1 : share / peak)} title={t('analytics.cellTitle', { cohort: month(c.cohort), k, active: f.number(c.active[k] ?? 0), size: f.number(c.size) })}>
                    {f.percent(share)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="heatmap__legend">
        <span>0%</span>
        <span className="heatmap__ramp" aria-hidden="true" />
        <span>{f.percent(peak)}</span>
        <span>{t('analytics.heatmapNote')}</span>
      </div>
    </div>
  );
}
