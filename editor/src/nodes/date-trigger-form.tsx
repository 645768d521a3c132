import { useT } from '../i18n/i18n.ts';
import { DateAttributeField } from '../inspector/fields/date-attribute-field.tsx';
import { NumberField } from '../inspector/fields/number-field.tsx';
import { TimeField } from '../inspector/fields/time-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const dateTriggerFieldLabels = { attribute: 'Date', offsetDays: 'Days before (−) or after (+)', time: 'At (member time)' };

export function DateTriggerForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  return (
    <>
      <DateAttributeField
        id={`${idPrefix}-attribute`}
        label={t('form.date_trigger.attribute')}
        value={config.attribute}
        error={errors.attribute}
        onChange={(attribute) => onChange({ ...config, attribute })}
      />
      <NumberField
        id={`${idPrefix}-offsetDays`}
        label={t('form.date_trigger.offsetDays')}
        value={config.offsetDays}
        integer
        hint="−3 starts the journey three days before the date; 0 on the day."
        error={errors.offsetDays}
        onChange={(offsetDays) => onChange({ ...config, offsetDays })}
      />
      <TimeField
        id={`${idPrefix}-time`}
        label={t('form.date_trigger.time')}
        value={config.time}
        hint="In each member's own time zone."
        error={errors.time}
        onChange={(time) => onChange({ ...config, time })}
      />
    </>
  );
}
