import { useT, type Translate } from '../../i18n/i18n.ts';
import { Panel } from '../../monitoring/panel.tsx';
import { useIssueText } from '../issue-text.ts';
import { TextInputField } from '../text-input-field.tsx';
import type { PointsFormState } from './points-form-state.ts';

type Rows = PointsFormState['streakBonuses'];
type Props = {
  idPrefix: string;
  form: PointsFormState;
  errors: Record<string, string>;
  onChange: (patch: Partial<PointsFormState>) => void;
};

/** The shared schema's messages for these fields in the user's language (others as the common ones). */
function useEarningIssue(): (message: string | undefined) => string | undefined {
  const t = useT();
  const common = useIssueText();
  return (m) => {
    if (m === undefined) return undefined;
    if (m === 'must be at least the daily cap (or 0)') return t('earning.problem.monthlyBelowDaily');
    if (m.startsWith('must be 2 or more')) return t('earning.problem.dayMin');
    if (m === 'give points or a coupon') return t('earning.problem.pointsOrCoupon');
    const taken = /^day (\d+) has a bonus already$/.exec(m);
    if (taken) return t('earning.problem.dayTaken', { day: taken[1]! });
    return common(m);
  };
}

function StreakRow({
  idPrefix,
  i,
  row,
  errors,
  set,
  remove,
  t,
}: {
  idPrefix: string;
  i: number;
  row: Rows[number];
  errors: Record<string, string>;
  set: (patch: Partial<Rows[number]>) => void;
  remove: () => void;
  t: Translate;
}) {
  const issue = useEarningIssue();
  const at = (f: string) => issue(errors[`signInStreak.bonuses.${i}.${f}`]);
  return (
    <div className="bo-inline-row" data-testid="streak-bonus">
      <TextInputField
        id={`${idPrefix}-streak-day-${i}`}
        label={t('earning.streakDay')}
        type="number"
        value={row.day}
        onChange={(day) => set({ day })}
        error={at('day')}
        testId="streak-day"
      />
      <TextInputField
        id={`${idPrefix}-streak-points-${i}`}
        label={t('earning.streakPoints')}
        type="number"
        value={row.points}
        onChange={(points) => set({ points })}
        error={at('points')}
        testId="streak-points"
      />
      <TextInputField
        id={`${idPrefix}-streak-coupon-${i}`}
        label={t('earning.streakCoupon')}
        value={row.couponTemplate}
        onChange={(couponTemplate) => set({ couponTemplate: couponTemplate.toUpperCase() })}
        error={at('couponTemplate')}
        testId="streak-coupon"
      />
      <TextInputField
        id={`${idPrefix}-streak-repeat-${i}`}
        label={t('earning.streakRepeat')}
        type="number"
        value={row.repeatEvery}
        onChange={(repeatEvery) => set({ repeatEvery })}
        error={at('repeatEvery')}
      />
      <button type="button" className="btn btn--small" onClick={remove}>
        {t('earning.remove')}
      </button>
    </div>
  );
}

/** Sign-in streak bonuses: day, points and an optional repeat per row. */
export function StreakBonusesPanel({ idPrefix, form, errors, onChange }: Props) {
  const t = useT();
  const rows = form.streakBonuses;
  const put = (streakBonuses: Rows) => onChange({ streakBonuses });
  return (
    <Panel title={t('earning.streak')} testId="streak-panel">
      <p className="muted bo-intro">{t('earning.streakIntro')}</p>
      <div className="bo-inline-rows">
        {rows.length === 0 ? (
          <p className="muted">{t('earning.noStreakBonuses')}</p>
        ) : (
          <p className="field__hint">{t('earning.streakRowHint')}</p>
        )}
        {rows.map((r, i) => (
          <StreakRow
            key={i}
            idPrefix={idPrefix}
            i={i}
            row={r}
            errors={errors}
            t={t}
            set={(p) => put(rows.map((x, j) => (j === i ? { ...x, ...p } : x)))}
            remove={() => put(rows.filter((_, j) => j !== i))}
          />
        ))}
        <div>
          <button
            type="button"
            className="btn btn--small"
            onClick={() => put([...rows, { day: '', points: '', couponTemplate: '', repeatEvery: '' }])}
            data-testid="streak-add"
          >
            {t('earning.addStreakBonus')}
          </button>
        </div>
      </div>
    </Panel>
  );
}

/** Daily and monthly earning caps and the protection period. */
export function EarningLimitsPanel({ idPrefix, form, errors, onChange: set }: Props) {
  const t = useT();
  const issue = useEarningIssue();
  return (
    <Panel title={t('earning.limits')} testId="earning-limits">
      <p className="muted bo-intro">{t('earning.limitsIntro')}</p>
      <div className="bo-inline-rows">
        <div className="bo-inline-row">
          <TextInputField
            id={`${idPrefix}-cap-day`}
            label={t('earning.capDaily')}
            hint={t('earning.capHint')}
            type="number"
            value={form.capDaily}
            onChange={(capDaily) => set({ capDaily })}
            error={issue(errors['earningCaps.daily'])}
            testId="cap-daily"
          />
          <TextInputField
            id={`${idPrefix}-cap-month`}
            label={t('earning.capMonthly')}
            hint={t('earning.capHint')}
            type="number"
            value={form.capMonthly}
            onChange={(capMonthly) => set({ capMonthly })}
            error={issue(errors['earningCaps.monthly'])}
            testId="cap-monthly"
          />
        </div>
        <TextInputField
          id={`${idPrefix}-protection`}
          label={t('earning.protectionDays')}
          hint={t('earning.protectionHint')}
          type="number"
          value={form.protectionDays}
          onChange={(protectionDays) => set({ protectionDays })}
          error={issue(errors.protectionDays)}
          testId="protection-days"
        />
      </div>
    </Panel>
  );
}
