import type { CouponTemplate } from '@memberflow/shared/api/loyalty';
import { cardKindTypes } from '@memberflow/shared/loyalty/cards';
import { FieldFrame } from '../../inspector/fields/field-frame.tsx';
import { useT } from '../../i18n/i18n.ts';
import { TextInputField } from '../text-input-field.tsx';
import type { CardFormState } from './card-form-state.ts';

interface Props {
  idPrefix: string;
  form: CardFormState;
  editing: boolean;
  errors: Record<string, string>;
  templates: CouponTemplate[];
  tiers: { key: string; name: string }[];
  onChange: (form: CardFormState) => void;
}

type TextKey = { [K in keyof CardFormState]: CardFormState[K] extends string ? K : never }[keyof CardFormState];

/** What the card is: key, name, type and, by type, its billing or its tier; then how numbers look. */
export function CardKindFields({ idPrefix, form, editing, errors, tiers, onChange }: Omit<Props, 'templates'>) {
  const t = useT();
  const set = <K extends keyof CardFormState>(k: K, v: CardFormState[K]) => onChange({ ...form, [k]: v });
  const text = (k: TextKey, label: string, type: 'text' | 'number' = 'text', hint?: string) => (
    <TextInputField
      id={`${idPrefix}-${k}`}
      label={label}
      value={form[k]}
      onChange={(v) => set(k, v)}
      type={type}
      error={errors[k]}
      hint={hint}
      testId={`card-${k}`}
    />
  );
  return (
    <div className="bo-form-grid">
      <FieldFrame
        id={`${idPrefix}-key`}
        label={t('cardForm.key')}
        error={errors.key}
        hint={editing ? undefined : t('cardForm.keyHint')}
      >
        <input
          id={`${idPrefix}-key`}
          className="input"
          value={form.key}
          disabled={editing}
          maxLength={40}
          autoComplete="off"
          onChange={(e) => set('key', e.target.value.toLowerCase())}
          aria-invalid={errors.key ? true : undefined}
          data-testid="card-key"
        />
      </FieldFrame>
      {text('name', t('cardForm.name'))}
      <FieldFrame id={`${idPrefix}-type`} label={t('cardForm.type')} error={errors.type}>
        <select
          id={`${idPrefix}-type`}
          className="select"
          value={form.type}
          onChange={(e) => set('type', e.target.value as CardFormState['type'])}
          data-testid="card-type"
        >
          {cardKindTypes.map((k) => (
            <option key={k} value={k}>
              {t(`cards.type.${k}`)}
            </option>
          ))}
        </select>
      </FieldFrame>
      {form.type === 'tier' ? (
        <FieldFrame id={`${idPrefix}-tier`} label={t('cardForm.tier')} error={errors.tier}>
          <select
            id={`${idPrefix}-tier`}
            className="select"
            value={form.tier}
            onChange={(e) => set('tier', e.target.value)}
            data-testid="card-tier"
          >
            <option value="">{t('cardForm.tierPick')}</option>
            {tiers.map((x) => (
              <option key={x.key} value={x.key}>
                {x.name}
              </option>
            ))}
          </select>
        </FieldFrame>
      ) : (
        text('reminderDays', t('cardForm.reminderDays'), 'number')
      )}
      {form.type === 'paid' && (
        <>
          <FieldFrame id={`${idPrefix}-period`} label={t('cardForm.period')}>
            <select
              id={`${idPrefix}-period`}
              className="select"
              value={form.period}
              onChange={(e) => set('period', e.target.value as CardFormState['period'])}
              data-testid="card-period"
            >
              <option value="monthly">{t('cardForm.period.monthly')}</option>
              <option value="yearly">{t('cardForm.period.yearly')}</option>
            </select>
          </FieldFrame>
          {text('price', t('cardForm.price'), 'number')}
          {text('term', t('cardForm.term'), 'number')}
          {text('graceDays', t('cardForm.graceDays'), 'number')}
          <label className="check bo-form-grid__wide">
            <input
              type="checkbox"
              checked={form.autoRenew}
              onChange={(e) => set('autoRenew', e.target.checked)}
              data-testid="card-autoRenew"
            />{' '}
            {t('cardForm.autoRenew')}
          </label>
        </>
      )}
      {text('prefix', t('cardForm.prefix'))}
      {text('digits', t('cardForm.digits'), 'number')}
    </div>
  );
}

/** The benefit pack: multiplier, free shipping, discount, monthly coupons and member-day text. */
export function CardBenefitFields({ idPrefix, form, errors, templates, onChange }: Omit<Props, 'tiers' | 'editing'>) {
  const t = useT();
  const set = <K extends keyof CardFormState>(k: K, v: CardFormState[K]) => onChange({ ...form, [k]: v });
  const toggle = (key: string) =>
    set('couponPack', form.couponPack.includes(key) ? form.couponPack.filter((k) => k !== key) : [...form.couponPack, key]);
  const usable = templates.filter((c) => c.archivedAt === null || form.couponPack.includes(c.key));
  return (
    <fieldset className="bo-choice" data-testid="card-benefits">
      <legend>{t('cardForm.benefits')}</legend>
      <div className="bo-form-grid">
        <TextInputField
          id={`${idPrefix}-multiplier`}
          label={t('cardForm.multiplier')}
          type="number"
          value={form.multiplier}
          onChange={(v) => set('multiplier', v)}
          error={errors.multiplier}
          testId="card-multiplier"
        />
        <TextInputField
          id={`${idPrefix}-discount`}
          label={t('cardForm.discount')}
          type="number"
          value={form.discount}
          onChange={(v) => set('discount', v)}
          error={errors.discount}
          testId="card-discount"
        />
        <label className="check bo-form-grid__wide">
          <input
            type="checkbox"
            checked={form.freeShipping}
            onChange={(e) => set('freeShipping', e.target.checked)}
            data-testid="card-freeShipping"
          />{' '}
          {t('cardForm.freeShipping')}
        </label>
        <FieldFrame id={`${idPrefix}-couponPack`} label={t('cardForm.couponPack')} error={errors.couponPack}>
          <div className="cards-pack" id={`${idPrefix}-couponPack`}>
            {usable.length === 0 && <p className="muted">{t('cardForm.noTemplates')}</p>}
            {usable.map((c) => (
              <label key={c.key} className="check">
                <input
                  type="checkbox"
                  checked={form.couponPack.includes(c.key)}
                  onChange={() => toggle(c.key)}
                  data-testid={`card-pack-${c.key}`}
                />{' '}
                {c.name} <code>{c.key}</code>
              </label>
            ))}
          </div>
        </FieldFrame>
        <TextInputField
          id={`${idPrefix}-memberDay`}
          label={t('cardForm.memberDay')}
          value={form.memberDay}
          onChange={(v) => set('memberDay', v)}
          error={errors.memberDay}
          testId="card-memberDay"
          maxLength={300}
        />
      </div>
    </fieldset>
  );
}
