import { NumberField } from '../inspector/fields/number-field.tsx';
import { TextField } from '../inspector/fields/text-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export function IssueCouponForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  return (
    <>
      <TextField
        id={`${idPrefix}-template`}
        label="Coupon template"
        value={config.template}
        placeholder="COMEBACK10"
        maxLength={40}
        hint="The code of the coupon template in your loyalty system."
        error={errors.template}
        onChange={(template) => onChange({ ...config, template })}
      />
      <NumberField
        id={`${idPrefix}-validityDays`}
        label="Valid for (days)"
        value={config.validityDays}
        integer
        error={errors.validityDays}
        onChange={(validityDays) => onChange({ ...config, validityDays })}
      />
    </>
  );
}
