import type { RfmGrid } from '@memberflow/shared/api/rfm-routes';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLocaleFormat } from '../back-office/locale-format.ts';
import { useT } from '../i18n/i18n.ts';
import { useRfmGroupName } from './rfm-group-name.ts';

/** Share of members against share of revenue per group: where the money sits. */
export function RfmShareChart({ grid }: { grid: RfmGrid }) {
  const t = useT();
  const f = useLocaleFormat();
  const groupName = useRfmGroupName();
  const data = grid.groups.map((g) => ({ name: groupName(g.group), members: g.memberShare ?? 0, revenue: g.revenueShare ?? 0 }));
  return (
    <div className="ins-chart" data-testid="rfm-share-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 40, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" interval={0} angle={-30} textAnchor="end" tick={{ fontSize: 11 }} />
          <YAxis tickFormatter={(v: number) => f.percent(v)} tick={{ fontSize: 11 }} width={48} />
          <Tooltip formatter={(v) => f.percent(Number(v))} />
          <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="members" name={t('rfm.memberShare')} fill="#a3c0f7" isAnimationActive={false} />
          <Bar dataKey="revenue" name={t('rfm.revenueShare')} fill="#2f5bd3" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
