import { useT } from '../i18n/i18n.ts';
import { TimeField } from '../inspector/fields/time-field.tsx';
import { WeekdaysField } from '../inspector/fields/weekdays-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const waitUntilTimeFieldLabels = { time: 'Until (member time)', weekdays: 'On days' };

export function WaitUntilTimeForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  return (
    <>
      <TimeField
        id={`${idPrefix}-time`}
        label={t('form.wait_until_time.time')}
        value={config.time}
        error={errors.time}
        onChange={(time) => onChange({ ...config, time })}
      />
      <WeekdaysField
        id={`${idPrefix}-weekdays`}
        label={t('form.wait_until_time.weekdays')}
        value={config.weekdays}
        hint="None selected: any day."
        error={errors.weekdays ?? Object.entries(errors).find(([k]) => k.startsWith('weekdays.'))?.[1]}
        onChange={(weekdays) => onChange({ ...config, weekdays })}
      />
    </>
  );
}
