import type { RfmGrid } from '@memberflow/shared/api/rfm-routes';
import { useLocaleFormat } from '../back-office/locale-format.ts';
import { useT } from '../i18n/i18n.ts';
import { rfmGroupColor } from './rfm-colors.ts';
import type { RfmSelection } from './rfm-grid-view.tsx';
import { useRfmGroupName } from './rfm-group-name.ts';

/** The ten groups with members, share of members, revenue and share of revenue; a row selects its members. */
export function RfmGroupsTable({ grid, selection, onSelect }: { grid: RfmGrid; selection: RfmSelection; onSelect: (s: RfmSelection) => void }) {
  const t = useT();
  const f = useLocaleFormat();
  const groupName = useRfmGroupName();
  return (
    <table className="mon-table rfm-groups" data-testid="rfm-groups">
      <thead>
        <tr>
          <th>{t('rfm.group')}</th>
          <th className="num">{t('rfm.members')}</th>
          <th className="num">{t('rfm.memberShare')}</th>
          <th className="num">{t('rfm.revenue')}</th>
          <th className="num">{t('rfm.revenueShare')}</th>
        </tr>
      </thead>
      <tbody>
        {grid.groups.map((g) => {
          const selected = selection !== null && 'group' in selection && selection.group === g.group;
          return (
            <tr key={g.group} aria-selected={selected} onClick={() => onSelect(selected ? null : { group: g.group })} data-testid={`rfm-group-${g.group}`}>
              <td>
                <span className="rfm-swatch" style={{ background: rfmGroupColor[g.group] }} aria-hidden="true" />
                <button type="button" className="ins-link" aria-pressed={selected}>
                  {groupName(g.group)}
                </button>
              </td>
              <td className="num">{f.number(g.members)}</td>
              <td className="num">{f.percent(g.memberShare)}</td>
              <td className="num">{f.money(g.revenue)}</td>
              <td className="num">{f.percent(g.revenueShare)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
