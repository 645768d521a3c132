import { couponOption, pickerHint } from '../catalog/catalog-options.ts';
import { useCatalog } from '../catalog/use-catalog.ts';
import { useT } from '../i18n/i18n.ts';
import { NumberField } from '../inspector/fields/number-field.tsx';
import { TextField } from '../inspector/fields/text-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const issueCouponFieldLabels = {
  template: 'Coupon template',
  validityDays: 'Valid for (days)',
};

export function IssueCouponForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  const templates = useCatalog('couponTemplates');
  const options = templates?.map((c) => couponOption(t, c)) ?? null;
  return (
    <>
      <TextField
        id={`${idPrefix}-template`}
        label={t('form.issue_coupon.template')}
        value={config.template}
        placeholder="COMEBACK10"
        maxLength={40}
        suggestions={options ?? undefined}
        hint={pickerHint(t, options, config.template, t('catalog.coupon.empty'), t('catalog.coupon.what'), t('catalog.coupon.hint'))}
        error={errors.template}
        onChange={(template) => onChange({ ...config, template })}
      />
      <NumberField
        id={`${idPrefix}-validityDays`}
        label={t('form.issue_coupon.validityDays')}
        value={config.validityDays}
        integer
        error={errors.validityDays}
        onChange={(validityDays) => onChange({ ...config, validityDays })}
      />
    </>
  );
}
