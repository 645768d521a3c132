import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../i18n/i18n.ts';
import { useLocaleFormat } from '../locale-format.ts';
import type { MallDayPoint } from './mall-series.ts';

/** Redemptions and refunds per day, as grouped bars (like the Coupons page's chart). */
export function MallChart({ points }: { points: MallDayPoint[] }) {
  const t = useT();
  const f = useLocaleFormat();
  if (!points.some((p) => p.redeemed || p.refunded)) return <p className="muted panel-empty">{t('mall.chartEmpty')}</p>;
  return (
    <div className="bo-chart" data-testid="mall-chart">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e4e7ec" />
          <XAxis dataKey="day" tickFormatter={(d: string) => f.date(d)} tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis allowDecimals={false} tickFormatter={(n: number) => f.number(n)} tick={{ fontSize: 11 }} width={40} />
          <Tooltip labelFormatter={(d) => f.date(String(d))} formatter={(v) => f.number(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar maxBarSize={28} dataKey="redeemed" name={t('mall.series.redeemed')} fill="#4f7cf0" isAnimationActive={false} />
          <Bar maxBarSize={28} dataKey="refunded" name={t('mall.series.refunded')} fill="#d9822b" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
