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

const frequencyKey = (f: Frequency) => `schedule.frequency.${f}` as const;
// Sunday first, as the config's weekday numbers count (0 = Sunday).
const weekdayKeys = [0, 1, 2, 3, 4, 5, 6].map((d) => `weekday.${d}` as `weekday.${0 | 1 | 2 | 3 | 4 | 5 | 6}`);

export function ScheduleTriggerForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  const frequency = config.frequency as Frequency;
  return (
    <>
      <SelectField
        id={`${idPrefix}-frequency`}
        label={t('form.schedule_trigger.frequency')}
        value={config.frequency}
        options={ScheduleTriggerConfig.shape.frequency.options.map((f) => ({ value: f, label: t(frequencyKey(f)) }))}
        error={errors.frequency}
        onChange={(f) => onChange({ ...config, frequency: f })}
      />
      {frequency === 'weekly' && (
        <SelectField
          id={`${idPrefix}-weekday`}
          label={t('form.schedule_trigger.weekday')}
          value={String(config.weekday)}
          options={weekdayKeys.map((key, i) => ({ value: String(i), label: t(key) }))}
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
          hint={t('hint.schedule_trigger.dayOfMonth')}
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
          hint={t('hint.schedule_trigger.cron')}
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
        emptyText={t('hint.schedule_trigger.noRules')}
        onChange={(audience) => onChange({ ...config, audience })}
      />
    </>
  );
}
