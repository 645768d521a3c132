import type { TierLadderRow, TierReport } from '@memberflow/shared/api/programme-routes';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useT } from '../../i18n/i18n.ts';
import { useLocaleFormat } from '../locale-format.ts';

/** Members per tier, the ladder's order, members without a tier first. */
export function TierMembersChart({ report, tiers }: { report: TierReport; tiers: TierLadderRow[] }) {
  const t = useT();
  const f = useLocaleFormat();
  const data = [
    { name: t('tiers.noTier'), members: report.members[''] ?? 0 },
    ...tiers.map((x) => ({ name: x.name, members: report.members[x.key] ?? 0 })),
  ];
  return (
    <div className="bo-chart" data-testid="tier-members-chart">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e4e7ec" />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tickFormatter={(n: number) => f.number(n)} tick={{ fontSize: 11 }} width={48} />
          <Tooltip formatter={(v) => f.number(Number(v))} />
          <Bar dataKey="members" name={t('tiers.col.members')} fill="#4f7cf0" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Upgrades and downgrades per month over the last 12. */
export function TierChangesChart({ report }: { report: TierReport }) {
  const t = useT();
  const f = useLocaleFormat();
  if (report.months.length === 0) return <p className="muted panel-empty">{t('tiers.changesEmpty')}</p>;
  const month = (m: string) =>
    new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      year: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(new Date(`${m}-01T00:00:00Z`));
  return (
    <div className="bo-chart" data-testid="tier-changes-chart">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={report.months} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e4e7ec" />
          <XAxis dataKey="month" tickFormatter={month} tick={{ fontSize: 11 }} />
          <YAxis allowDecimals={false} tickFormatter={(n: number) => f.number(n)} tick={{ fontSize: 11 }} width={48} />
          <Tooltip labelFormatter={(m) => month(String(m))} formatter={(v) => f.number(Number(v))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="up" name={t('tiers.up')} fill="#1f8a4c" isAnimationActive={false} />
          <Bar dataKey="down" name={t('tiers.down')} fill="#d04437" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
