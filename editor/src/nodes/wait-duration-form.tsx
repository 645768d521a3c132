import { DurationField } from '../inspector/fields/duration-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const waitDurationFieldLabels = { duration: 'Wait for' };

export function WaitDurationForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  return (
    <DurationField
      id={`${idPrefix}-duration`}
      label={waitDurationFieldLabels.duration}
      value={config.duration}
      hint="Durable: restarts and deploys do not lose waiting members."
      amountError={errors['duration.amount'] ?? errors.duration}
      unitError={errors['duration.unit']}
      onChange={(duration) => onChange({ ...config, duration })}
    />
  );
}
