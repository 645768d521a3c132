import { useT } from '../i18n/i18n.ts';
import { ScheduleTriggerConfig } from '@memberflow/shared/nodes/schedule-trigger';
import { ConditionField } from '../inspector/condition/condition-field.tsx';
import { NumberField } from '../inspector/fields/number-field.tsx';
import { SelectField } from '../inspector/fields/select-field.tsx';
import { TextField } from '../inspector/fields/text-field.tsx';
import { TimeField } from '../inspector/fields/time-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const scheduleTriggerFieldLabels = {
  frequency: 'Repeats',
  weekday: 'On',
  dayOfMonth: 'Day of the month',
  cron: 'Cron expression',
  time: 'At (member time)',
  audience: 'Audience',
};

type Frequency = ScheduleTriggerConfig['frequency'];

const frequencyLabels = {
  daily: 'Every day',
  weekly: 'Every week',
  monthly: 'Every month',
  cron: 'Custom (cron)',
} satisfies Record<Frequency, string>;
const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function ScheduleTriggerForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  const frequency = config.frequency as Frequency;
  return (
    <>
      <SelectField
        id={`${idPrefix}-frequency`}
        label={t('form.schedule_trigger.frequency')}
        value={config.frequency}
        options={ScheduleTriggerConfig.shape.frequency.options.map((f) => ({ value: f, label: frequencyLabels[f] }))}
        error={errors.frequency}
        onChange={(f) => onChange({ ...config, frequency: f })}
      />
      {frequency === 'weekly' && (
        <SelectField
          id={`${idPrefix}-weekday`}
          label={t('form.schedule_trigger.weekday')}
          value={String(config.weekday)}
          options={weekdays.map((w, i) => ({ value: String(i), label: w }))}
          error={errors.weekday}
          onChange={(w) => onChange({ ...config, weekday: Number(w) })}
        />
      )}
      {frequency === 'monthly' && (
        <NumberField
          id={`${idPrefix}-dayOfMonth`}
          label={t('form.schedule_trigger.dayOfMonth')}
          value={config.dayOfMonth}
          integer
          hint="Months without this day use their last day."
          error={errors.dayOfMonth}
          onChange={(dayOfMonth) => onChange({ ...config, dayOfMonth })}
        />
      )}
      {frequency === 'cron' ? (
        <TextField
          id={`${idPrefix}-cron`}
          label={t('form.schedule_trigger.cron')}
          value={config.cron}
          placeholder="0 10 20 * *"
          hint="minute hour day-of-month month weekday, in the member's time zone"
          error={errors.cron}
          onChange={(cron) => onChange({ ...config, cron })}
        />
      ) : (
        <TimeField
          id={`${idPrefix}-time`}
          label={t('form.schedule_trigger.time')}
          value={config.time}
          error={errors.time}
          onChange={(time) => onChange({ ...config, time })}
        />
      )}
      <ConditionField
        id={`${idPrefix}-audience`}
        label={t('form.schedule_trigger.audience')}
        value={config.audience}
        errors={errors}
        path="audience"
        emptyText="No rules: every member enters each time."
        onChange={(audience) => onChange({ ...config, audience })}
      />
    </>
  );
}
