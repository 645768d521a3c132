import { useT } from '../../i18n/i18n.ts';
import { TextInputField } from '../text-input-field.tsx';
import type { PointsFormState } from './points-form-state.ts';

type Rows = PointsFormState['rechargeBonuses'];

/** The recharge bonus ladder: minimum and bonus per row, rows added and removed. */
export function RechargeBonuses({
  idPrefix,
  rows,
  errors,
  onChange,
}: {
  idPrefix: string;
  rows: Rows;
  errors: Record<string, string>;
  onChange: (rows: Rows) => void;
}) {
  const t = useT();
  const set = (i: number, patch: Partial<Rows[number]>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="bo-inline-rows">
      {rows.length === 0 && <p className="muted">{t('points.noBonuses')}</p>}
      {rows.map((r, i) => (
        <div className="bo-inline-row" key={i}>
          <TextInputField
            id={`${idPrefix}-min-${i}`}
            label={t('points.rechargeMin')}
            type="number"
            value={r.min}
            onChange={(min) => set(i, { min })}
            error={errors[`rechargeBonuses.${i}.min`] && t('points.problem')}
          />
          <TextInputField
            id={`${idPrefix}-bonus-${i}`}
            label={t('points.rechargeBonus')}
            type="number"
            value={r.bonus}
            onChange={(bonus) => set(i, { bonus })}
            error={errors[`rechargeBonuses.${i}.bonus`] && t('points.problem')}
          />
          <button type="button" className="btn btn--small" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {t('points.remove')}
          </button>
        </div>
      ))}
      <div>
        <button type="button" className="btn btn--small" onClick={() => onChange([...rows, { min: '', bonus: '' }])}>
          {t('points.addBonus')}
        </button>
      </div>
    </div>
  );
}
