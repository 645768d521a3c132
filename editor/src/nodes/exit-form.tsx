import { useT } from '../i18n/i18n.ts';
import { TextField } from '../inspector/fields/text-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const exitFieldLabels = { reason: 'Reason' };

export function ExitForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  return (
    <TextField
      id={`${idPrefix}-reason`}
      label={t('form.exit.reason')}
      value={config.reason}
      maxLength={200}
      hint={t('hint.exit.reason')}
      error={errors.reason}
      onChange={(reason) => onChange({ ...config, reason })}
    />
  );
}
