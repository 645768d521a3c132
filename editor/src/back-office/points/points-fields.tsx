import type { TierLadderRow } from '@memberflow/shared/api/programme-routes';
import { useT } from '../../i18n/i18n.ts';
import { Panel } from '../../monitoring/panel.tsx';
import { TextInputField } from '../text-input-field.tsx';
import type { PointsFormState } from './points-form-state.ts';
import { EarningLimitsPanel, StreakBonusesPanel } from './earning-rules.tsx';
import { RechargeBonuses } from './recharge-bonuses.tsx';
import { TierMultipliers } from './tier-multipliers.tsx';

interface Props {
  idPrefix: string;
  form: PointsFormState;
  errors: Record<string, string>;
  /** Analysts see the rules, not edit them. */
  disabled: boolean;
  tiers: TierLadderRow[];
  onChange: (patch: Partial<PointsFormState>) => void;
}

/** Earning, expiry and balances, sign-in streaks, earning limits, recharge bonuses, and the tiers' multipliers. */
export function PointsFields({ idPrefix, form, errors, disabled, tiers, onChange: set }: Props) {
  const t = useT();
  const problem = (field: string) => (errors[field] ? t('points.problem') : undefined);
  return (
    <fieldset className="bo-fieldset" disabled={disabled}>
      <div className="mon-grid">
        <Panel title={t('points.earn')}>
          <div className="bo-inline-rows">
            <TextInputField
              id={`${idPrefix}-ppu`}
              label={t('points.pointsPerUnit')}
              hint={t('points.pointsPerUnitHint')}
              type="number"
              value={form.pointsPerUnit}
              onChange={(pointsPerUnit) => set({ pointsPerUnit })}
              error={problem('earn.pointsPerUnit')}
              testId="points-per-unit"
            />
            <TextInputField
              id={`${idPrefix}-signin`}
              label={t('points.signIn')}
              type="number"
              value={form.signIn}
              onChange={(signIn) => set({ signIn })}
              error={problem('earn.signIn')}
              testId="points-sign-in"
            />
            <TextInputField
              id={`${idPrefix}-referral`}
              label={t('points.referral')}
              type="number"
              value={form.referral}
              onChange={(referral) => set({ referral })}
              error={problem('earn.referral')}
              testId="points-referral"
            />
          </div>
        </Panel>
        <Panel title={t('points.expiry')}>
          <div className="bo-inline-rows">
            <TextInputField
              id={`${idPrefix}-expiry`}
              label={t('points.expiryMonths')}
              hint={t('points.expiryHint')}
              type="number"
              value={form.pointsExpiryMonths}
              onChange={(pointsExpiryMonths) => set({ pointsExpiryMonths })}
              error={problem('pointsExpiryMonths')}
              testId="points-expiry"
            />
            <div className="field field--check">
              <label className="check">
                <input
                  type="checkbox"
                  checked={form.allowNegativePoints}
                  onChange={(e) => set({ allowNegativePoints: e.target.checked })}
                  data-testid="points-negative"
                />
                <span>{t('points.allowNegative')}</span>
              </label>
              <p className="field__hint">{t('points.allowNegativeHint')}</p>
            </div>
          </div>
        </Panel>
        <StreakBonusesPanel idPrefix={idPrefix} form={form} errors={errors} onChange={set} />
        <EarningLimitsPanel idPrefix={idPrefix} form={form} errors={errors} onChange={set} />
        <Panel title={t('points.recharge')}>
          <p className="muted bo-intro">{t('points.rechargeIntro')}</p>
          <RechargeBonuses
            idPrefix={idPrefix}
            rows={form.rechargeBonuses}
            errors={errors}
            onChange={(rechargeBonuses) => set({ rechargeBonuses })}
          />
        </Panel>
        <Panel title={t('points.multipliers')}>
          <TierMultipliers tiers={tiers} />
        </Panel>
      </div>
    </fieldset>
  );
}
