import { useT } from '../../i18n/i18n.ts';
import { useLocaleFormat } from '../locale-format.ts';
import { newTierRow, type TierRowState } from './tier-form-state.ts';

const BASES = ['spend', 'points'] as const;
const PERIODS = ['lifetime', 'calendar_year', 'rolling_12m'] as const;

interface Props {
  rows: TierRowState[];
  members: Record<string, number>;
  invalid: Set<string>;
  canEdit: boolean;
  onChange: (rows: TierRowState[]) => void;
}

/** The ladder, lowest rung first, each cell an input (disabled for analysts). */
export function TierLadderTable({ rows, members, invalid, canEdit, onChange }: Props) {
  const t = useT();
  const f = useLocaleFormat();
  const set = (i: number, patch: Partial<TierRowState>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const cell = (i: number, field: 'key' | 'name' | 'threshold' | 'pointsMultiplier' | 'benefits', type = 'text') => (
    <input
      className={`input${type === 'number' ? ' bo-ladder__num' : ''}`}
      type={type}
      step={type === 'number' ? 'any' : undefined}
      value={rows[i]![field]}
      aria-label={t(`tiers.col.${field === 'pointsMultiplier' ? 'multiplier' : field}`)}
      aria-invalid={invalid.has(`${i + 1}.${field}`) ? true : undefined}
      onChange={(e) => set(i, { [field]: field === 'key' ? e.target.value.toLowerCase() : e.target.value })}
      data-testid={`tier-${i}-${field}`}
    />
  );
  return (
    <table className="mon-table bo-ladder" data-testid="tier-ladder">
      <thead>
        <tr>
          <th>{t('tiers.col.rank')}</th>
          <th>{t('tiers.col.key')}</th>
          <th>{t('tiers.col.name')}</th>
          <th>{t('tiers.col.basis')}</th>
          <th>{t('tiers.col.period')}</th>
          <th>{t('tiers.col.threshold')}</th>
          <th>{t('tiers.col.multiplier')}</th>
          <th>{t('tiers.col.benefits')}</th>
          <th className="num">{t('tiers.col.members')}</th>
          {canEdit && <th />}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} data-testid="tier-row">
            <td className="num">{i + 1}</td>
            <td>{cell(i, 'key')}</td>
            <td>{cell(i, 'name')}</td>
            <td>
              <select
                className="select"
                value={r.basis}
                aria-label={t('tiers.col.basis')}
                onChange={(e) => set(i, { basis: e.target.value as TierRowState['basis'] })}
              >
                {BASES.map((b) => (
                  <option key={b} value={b}>
                    {t(`tiers.basis.${b}`)}
                  </option>
                ))}
              </select>
            </td>
            <td>
              <select
                className="select"
                value={r.period}
                aria-label={t('tiers.col.period')}
                onChange={(e) => set(i, { period: e.target.value as TierRowState['period'] })}
              >
                {PERIODS.map((p) => (
                  <option key={p} value={p}>
                    {t(`tiers.period.${p}`)}
                  </option>
                ))}
              </select>
            </td>
            <td>{cell(i, 'threshold', 'number')}</td>
            <td>{cell(i, 'pointsMultiplier', 'number')}</td>
            <td>{cell(i, 'benefits')}</td>
            <td className="num">{f.number(members[r.key] ?? 0)}</td>
            {canEdit && (
              <td>
                <button type="button" className="btn btn--small" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                  {t('tiers.remove')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
      {canEdit && (
        <tfoot>
          <tr>
            <td colSpan={10}>
              <button
                type="button"
                className="btn btn--small"
                onClick={() => onChange([...rows, newTierRow()])}
                data-testid="tier-add"
              >
                {t('tiers.add')}
              </button>
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}
