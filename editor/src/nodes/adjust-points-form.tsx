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
  return (
    <>
      <SelectField
        id={`${idPrefix}-mode`}
        label={adjustPointsFieldLabels.mode}
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
        label={adjustPointsFieldLabels.points}
        value={config.points}
        integer
        error={errors.points}
        onChange={(points) => onChange({ ...config, points })}
      />
      <TextField
        id={`${idPrefix}-reason`}
        label={adjustPointsFieldLabels.reason}
        value={config.reason}
        maxLength={200}
        placeholder="Birthday bonus"
        error={errors.reason}
        onChange={(reason) => onChange({ ...config, reason })}
      />
      {config.mode !== 'deduct' && (
        <NumberField
          id={`${idPrefix}-expiresInDays`}
          label={adjustPointsFieldLabels.expiresInDays}
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
