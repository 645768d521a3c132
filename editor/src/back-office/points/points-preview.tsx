import type { TierLadderRow } from '@memberflow/shared/api/programme-routes';
import { pointsAvailableAt, pointsExpiry, rechargeBonus, type LoyaltyProgramSettings } from '@memberflow/shared/loyalty-program';
import { pointsEarned } from '@memberflow/shared/runner/programme';
import { useId, useState } from 'react';
import { useT } from '../../i18n/i18n.ts';
import { useLocaleFormat } from '../locale-format.ts';
import { TextInputField } from '../text-input-field.tsx';
import { EarningPreview } from './earning-preview.tsx';

/** What the rules being edited would give, computed by the runner's own earning rule. */
export function PointsPreview({ program, tiers }: { program: LoyaltyProgramSettings | null; tiers: TierLadderRow[] }) {
  const t = useT();
  const f = useLocaleFormat();
  const id = useId();
  const [amount, setAmount] = useState('250');
  const [tierKey, setTierKey] = useState<string>(() => tiers.at(-1)?.key ?? '');
  const [recharge, setRecharge] = useState('500');
  const tier = tiers.find((x) => x.key === tierKey) ?? null;
  const spend = Number(amount) || 0;
  const top = Number(recharge) || 0;
  const expires = program ? pointsExpiry(program, Date.now()) : null;
  return (
    <div className="bo-inline-rows">
      <div className="bo-section-grid">
        <TextInputField
          id={`${id}-amount`}
          label={t('points.previewAmount')}
          type="number"
          value={amount}
          onChange={setAmount}
          testId="preview-amount"
        />
        <div className="field">
          <label className="field__label" htmlFor={`${id}-tier`}>
            {t('points.previewTier')}
          </label>
          <select
            id={`${id}-tier`}
            className="select"
            value={tierKey}
            onChange={(e) => setTierKey(e.target.value)}
            data-testid="preview-tier"
          >
            <option value="">{t('points.noTier')}</option>
            {tiers.map((x) => (
              <option key={x.key} value={x.key}>
                {x.name} (×{f.number(x.pointsMultiplier)})
              </option>
            ))}
          </select>
        </div>
        <TextInputField
          id={`${id}-recharge`}
          label={t('points.previewRechargeAmount')}
          type="number"
          value={recharge}
          onChange={setRecharge}
        />
      </div>
      {program ? (
        <div className="bo-preview" data-testid="points-preview">
          <p>
            {t('points.previewPurchase', {
              amount: f.money(spend),
              who: tier ? t('points.previewWhoTier', { tier: tier.name }) : t('points.previewWhoNone'),
              points: f.number(pointsEarned({ program, tiers }, tier?.key ?? null, 'purchase', spend)),
            })}
          </p>
          <p>{t('points.previewOthers', { signIn: f.number(program.earn.signIn), referral: f.number(program.earn.referral) })}</p>
          <p>
            {expires === null
              ? t('points.previewNoExpiry')
              : t('points.previewExpiry', { date: f.date(new Date(expires).toISOString()) })}
          </p>
          <p>{t('points.previewRecharge', { amount: f.money(top), bonus: f.money(rechargeBonus(program, top)) })}</p>
          <EarningPreview program={program} availableAt={pointsAvailableAt(program, Date.now())} />
        </div>
      ) : (
        <p className="muted">{t('points.previewInvalid')}</p>
      )}
    </div>
  );
}
