import { compactNumber, dailyChartLayout, fillDays, ticks } from './chart-scale.ts';
import { useT } from '../i18n/i18n.ts';
import type { DailyPoint } from './monitoring-types.ts';

const BOX = { width: 720, height: 220, pad: { top: 12, right: 52, bottom: 26, left: 44 } };

/** Entries and conversions per day as bars, revenue as a line on its own axis; plain SVG. */
export function DailyChart({ daily, from, to }: { daily: DailyPoint[]; from: string; to: string }) {
  const t = useT();
  const points = fillDays(daily, from, to);
  const l = dailyChartLayout(points, BOX);
  const { plot } = l;
  // Label about six days along the axis whatever the period, plus the last one.
  const every = Math.max(1, Math.ceil(points.length / 6));
  return (
    <div className="daily-chart">
      <div className="daily-chart__legend" aria-hidden="true">
        <span className="legend legend--entries">{t('chart.entries')}</span>
        <span className="legend legend--conversions">{t('chart.conversions')}</span>
        <span className="legend legend--revenue">{t('chart.revenue')}</span>
      </div>
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={t('chart.label')} data-testid="daily-chart">
        {ticks(l.countAxis.top, l.countAxis.count).map((v, i) => {
          const y = plot.y + plot.h - (i / l.countAxis.count) * plot.h;
          return (
            <g key={v}>
              <line className="daily-chart__grid" x1={plot.x} x2={plot.x + plot.w} y1={y} y2={y} />
              <text className="daily-chart__tick" x={plot.x - 6} y={y + 4} textAnchor="end">
                {compactNumber(v)}
              </text>
            </g>
          );
        })}
        {/* The revenue axis has its own round ticks, so they need not line up with the grid. */}
        {ticks(l.revenueAxis.top, l.revenueAxis.count).map((v, i) => (
          <text key={v} className="daily-chart__tick daily-chart__tick--revenue" x={plot.x + plot.w + 6} y={plot.y + plot.h - (i / l.revenueAxis.count) * plot.h + 4}>
            {compactNumber(v)}
          </text>
        ))}
        {l.bars.map((b, i) => {
          const p = points[i]!;
          return (
            <g key={b.day} data-testid="chart-day">
              <title>{t('chart.day', { day: b.day, entries: p.entries, conversions: p.conversions, revenue: p.revenue.toFixed(2) })}</title>
              {/* A transparent hit area so the tooltip works on empty days too. */}
              <rect x={b.x} y={plot.y} width={b.slot} height={plot.h} fill="transparent" />
              <rect className="daily-chart__bar daily-chart__bar--entries" {...rect(b.entries)} />
              <rect className="daily-chart__bar daily-chart__bar--conversions" {...rect(b.conversions)} />
              {(i % every === 0 || i === points.length - 1) && (
                <text className="daily-chart__tick" x={b.x + b.slot / 2} y={plot.y + plot.h + 17} textAnchor="middle">
                  {b.day.slice(5)}
                </text>
              )}
            </g>
          );
        })}
        <polyline className="daily-chart__line" points={l.revenueLine} />
        <line className="daily-chart__axis" x1={plot.x} x2={plot.x + plot.w} y1={plot.y + plot.h} y2={plot.y + plot.h} />
      </svg>
    </div>
  );
}

const rect = (r: { x: number; y: number; w: number; h: number }) => ({ x: r.x, y: r.y, width: r.w, height: r.h, rx: Math.min(2, r.w / 2) });
