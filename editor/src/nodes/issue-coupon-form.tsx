import { NumberField } from '../inspector/fields/number-field.tsx';
import { TextField } from '../inspector/fields/text-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const issueCouponFieldLabels = {
  template: 'Coupon template',
  validityDays: 'Valid for (days)',
};

export function IssueCouponForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  return (
    <>
      <TextField
        id={`${idPrefix}-template`}
        label={issueCouponFieldLabels.template}
        value={config.template}
        placeholder="COMEBACK10"
        maxLength={40}
        hint="The code of the coupon template in your loyalty system."
        error={errors.template}
        onChange={(template) => onChange({ ...config, template })}
      />
      <NumberField
        id={`${idPrefix}-validityDays`}
        label={issueCouponFieldLabels.validityDays}
        value={config.validityDays}
        integer
        error={errors.validityDays}
        onChange={(validityDays) => onChange({ ...config, validityDays })}
      />
    </>
  );
}
