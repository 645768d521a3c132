import { useT } from '../i18n/i18n.ts';
import { NumberField } from '../inspector/fields/number-field.tsx';
import { SelectField } from '../inspector/fields/select-field.tsx';
import { TextField } from '../inspector/fields/text-field.tsx';
import type { NodeFormProps } from './node-form-props.ts';

export const adjustPointsFieldLabels = {
  mode: 'Change',
  points: 'Points',
  reason: 'Reason (in the points ledger)',
  expiresInDays: 'Expire after (days)',
};

export function AdjustPointsForm({ idPrefix, config, errors, onChange }: NodeFormProps) {
  const t = useT();
  return (
    <>
      <SelectField
        id={`${idPrefix}-mode`}
        label={t('form.adjust_points.mode')}
        value={config.mode}
        options={[
          { value: 'award', label: 'Award points' },
          { value: 'deduct', label: 'Deduct points' },
        ]}
        error={errors.mode}
        onChange={(mode) => onChange({ ...config, mode })}
      />
      <NumberField
        id={`${idPrefix}-points`}
        label={t('form.adjust_points.points')}
        value={config.points}
        integer
        error={errors.points}
        onChange={(points) => onChange({ ...config, points })}
      />
      <TextField
        id={`${idPrefix}-reason`}
        label={t('form.adjust_points.reason')}
        value={config.reason}
        maxLength={200}
        placeholder="Birthday bonus"
        error={errors.reason}
        onChange={(reason) => onChange({ ...config, reason })}
      />
      {config.mode !== 'deduct' && (
        <NumberField
          id={`${idPrefix}-expiresInDays`}
          label={t('form.adjust_points.expiresInDays')}
          value={config.expiresInDays}
          integer
          hint="0 keeps the programme's default expiry."
          error={errors.expiresInDays}
          onChange={(expiresInDays) => onChange({ ...config, expiresInDays })}
        />
      )}
    </>
  );
}
