import { useT } from '../i18n/i18n.ts';
import { DurationField } from '../inspector/fields/duration-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const waitDurationFieldLabels = { duration: 'Wait for' };

export function WaitDurationForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  return (
    <DurationField
      id={`${idPrefix}-duration`}
      label={t('form.wait_duration.duration')}
      value={config.duration}
      hint={t('hint.wait_duration.duration')}
      amountError={errors['duration.amount'] ?? errors.duration}
      unitError={errors['duration.unit']}
      onChange={(duration) => onChange({ ...config, duration })}
    />
  );
}
