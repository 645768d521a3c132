import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../i18n/i18n.ts';
import { useLocaleFormat } from '../locale-format.ts';
import type { DayPoint } from './daily-series.ts';

/** Coupons issued and redeemed per day, as grouped bars. */
export function CouponChart({ points }: { points: DayPoint[] }) {
  const t = useT();
  const f = useLocaleFormat();
  if (!points.some((p) => p.issued || p.redeemed)) return <p className="muted panel-empty">{t('coupons.chartEmpty')}</p>;
  return (
    <div className="bo-chart" data-testid="coupon-chart">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e4e7ec" />
          <XAxis dataKey="day" tickFormatter={(d: string) => f.date(d)} tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis allowDecimals={false} tickFormatter={(n: number) => f.number(n)} tick={{ fontSize: 11 }} width={40} />
          <Tooltip labelFormatter={(d) => f.date(String(d))} formatter={(v) => f.number(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar maxBarSize={28} dataKey="issued" name={t('coupons.series.issued')} fill="#4f7cf0" isAnimationActive={false} />
          <Bar maxBarSize={28} dataKey="redeemed" name={t('coupons.series.redeemed')} fill="#1f8a4c" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
