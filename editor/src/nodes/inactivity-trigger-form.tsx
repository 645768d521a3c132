import { useT } from '../i18n/i18n.ts';
import { NumberField } from '../inspector/fields/number-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const inactivityTriggerFieldLabels = { days: 'Days without a purchase' };

export function InactivityTriggerForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  return (
    <NumberField
      id={`${idPrefix}-days`}
      label={t('form.inactivity_trigger.days')}
      value={config.days}
      integer
      hint={t('hint.inactivity_trigger.days')}
      error={errors.days}
      onChange={(days) => onChange({ ...config, days })}
    />
  );
}
