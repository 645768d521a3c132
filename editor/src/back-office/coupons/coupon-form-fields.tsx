import { FieldFrame } from '../../inspector/fields/field-frame.tsx';
import { useT } from '../../i18n/i18n.ts';
import type { CouponFormState, CouponKind } from './coupon-form-state.ts';

const KINDS: CouponKind[] = ['amount_off', 'percent_off', 'free_shipping', 'gift'];

interface Props {
  idPrefix: string;
  form: CouponFormState;
  editing: boolean;
  errors: Record<string, string>;
  onChange: (form: CouponFormState) => void;
}

/** The coupon template's fields, in two columns; the key is fixed once created. */
export function CouponFormFields({ idPrefix, form, editing, errors, onChange }: Props) {
  const t = useT();
  const set = <K extends keyof CouponFormState>(k: K, v: CouponFormState[K]) => onChange({ ...form, [k]: v });
  const input = (
    k: 'key' | 'name' | 'value' | 'minSpend' | 'validityDays' | 'stockLimit' | 'validFrom' | 'validTo',
    type = 'text',
    extra: Record<string, unknown> = {},
  ) => (
    <input
      id={`${idPrefix}-${k}`}
      className="input"
      type={type}
      value={form[k]}
      onChange={(e) => set(k, k === 'key' ? e.target.value.toUpperCase() : e.target.value)}
      aria-invalid={errors[k] ? true : undefined}
      data-testid={`coupon-${k}`}
      {...extra}
    />
  );
  const withValue = form.kind === 'amount_off' || form.kind === 'percent_off';
  return (
    <div className="bo-form-grid">
      <FieldFrame
        id={`${idPrefix}-key`}
        label={t('couponForm.key')}
        error={errors.key}
        hint={editing ? undefined : t('couponForm.keyHint')}
      >
        {input('key', 'text', { disabled: editing, maxLength: 40, autoComplete: 'off', autoFocus: !editing })}
      </FieldFrame>
      <FieldFrame id={`${idPrefix}-name`} label={t('couponForm.name')} error={errors.name}>
        {input('name', 'text', { maxLength: 120, autoComplete: 'off', autoFocus: editing })}
      </FieldFrame>
      <FieldFrame id={`${idPrefix}-kind`} label={t('couponForm.kind')} error={errors.kind}>
        <select
          id={`${idPrefix}-kind`}
          className="select"
          value={form.kind}
          onChange={(e) => set('kind', e.target.value as CouponKind)}
          data-testid="coupon-kind"
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`couponForm.kind.${k}`)}
            </option>
          ))}
        </select>
      </FieldFrame>
      {withValue ? (
        <FieldFrame
          id={`${idPrefix}-value`}
          label={t(`couponForm.value.${form.kind as 'amount_off' | 'percent_off'}`)}
          error={errors.value}
        >
          {input('value', 'number', { min: 0, step: 'any', inputMode: 'decimal' })}
        </FieldFrame>
      ) : (
        <div />
      )}
      <FieldFrame
        id={`${idPrefix}-minSpend`}
        label={t('couponForm.minSpend')}
        error={errors.minSpend}
        hint={t('couponForm.minSpendHint')}
      >
        {input('minSpend', 'number', { min: 0, step: 'any', inputMode: 'decimal' })}
      </FieldFrame>
      <FieldFrame
        id={`${idPrefix}-stockLimit`}
        label={t('couponForm.stock')}
        error={errors.stockLimit}
        hint={t('couponForm.stockHint')}
      >
        {input('stockLimit', 'number', { min: 1, step: 1, inputMode: 'numeric' })}
      </FieldFrame>
      <fieldset className="bo-form-grid__wide bo-choice">
        <legend className="field__label">{t('couponForm.validity')}</legend>
        {(['days', 'dates'] as const).map((v) => (
          <label key={v} className="check">
            <input
              type="radio"
              name={`${idPrefix}-validity`}
              checked={form.validity === v}
              onChange={() => set('validity', v)}
              data-testid={`coupon-validity-${v}`}
            />
            <span>{t(`couponForm.validity.${v}`)}</span>
          </label>
        ))}
      </fieldset>
      {form.validity === 'days' ? (
        <FieldFrame id={`${idPrefix}-validityDays`} label={t('couponForm.validityDays')} error={errors.validityDays}>
          {input('validityDays', 'number', { min: 1, step: 1, inputMode: 'numeric' })}
        </FieldFrame>
      ) : (
        <>
          <FieldFrame id={`${idPrefix}-validFrom`} label={t('couponForm.validFrom')} error={errors.validFrom}>
            {input('validFrom', 'date')}
          </FieldFrame>
          <FieldFrame id={`${idPrefix}-validTo`} label={t('couponForm.validTo')} error={errors.validTo ?? errors.validityDays}>
            {input('validTo', 'date')}
          </FieldFrame>
        </>
      )}
      <div className="field field--check bo-form-grid__wide">
        <label className="check">
          <input
            type="checkbox"
            checked={form.oncePerMember}
            onChange={(e) => set('oncePerMember', e.target.checked)}
            data-testid="coupon-oncePerMember"
          />
          <span>{t('couponForm.oncePerMember')}</span>
        </label>
        <p className="field__hint">{t('couponForm.oncePerMemberHint')}</p>
      </div>
    </div>
  );
}
