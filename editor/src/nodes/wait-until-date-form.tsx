import { useT } from '../i18n/i18n.ts';
import { DateAttributeField } from '../inspector/fields/date-attribute-field.tsx';
import { NumberField } from '../inspector/fields/number-field.tsx';
import { TimeField } from '../inspector/fields/time-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const waitUntilDateFieldLabels = {
  attribute: 'Until the date',
  offsetDays: 'Days before (−) or after (+)',
  time: 'At (member time)',
};

export function WaitUntilDateForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  return (
    <>
      <DateAttributeField
        id={`${idPrefix}-attribute`}
        label={t('form.wait_until_date.attribute')}
        value={config.attribute}
        hint="Members without this date move on at once."
        error={errors.attribute}
        onChange={(attribute) => onChange({ ...config, attribute })}
      />
      <NumberField
        id={`${idPrefix}-offsetDays`}
        label={t('form.wait_until_date.offsetDays')}
        value={config.offsetDays}
        integer
        error={errors.offsetDays}
        onChange={(offsetDays) => onChange({ ...config, offsetDays })}
      />
      <TimeField
        id={`${idPrefix}-time`}
        label={t('form.wait_until_date.time')}
        value={config.time}
        error={errors.time}
        onChange={(time) => onChange({ ...config, time })}
      />
    </>
  );
}
