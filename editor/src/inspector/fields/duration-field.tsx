import { useT } from '../../i18n/i18n.ts';
import { DurationUnit } from '@memberflow/shared/duration';
import { useState } from 'react';
import { NumberInput } from './number-field.tsx';

const unitKey = (u: DurationUnit) => `duration.unit.${u}` as const;

interface DurationFieldProps {
  id: string;
  label: string;
  value: unknown;
  onChange: (value: { amount: number | undefined; unit: DurationUnit }) => void;
  amountError?: string | undefined;
  unitError?: string | undefined;
  hint?: string;
}

function readDuration(value: unknown): { amount: unknown; unit: unknown } {
  return typeof value === 'object' && value !== null
    ? (value as { amount: unknown; unit: unknown })
    : { amount: undefined, unit: undefined };
}

export function DurationField({ id, label, value, onChange, amountError, unitError, hint }: DurationFieldProps) {
  const t = useT();
  const [localError, setLocalError] = useState<string | null>(null);
  const { amount, unit } = readDuration(value);
  const currentUnit = DurationUnit.safeParse(unit).data ?? 'days';
  const currentAmount = typeof amount === 'number' ? amount : undefined;
  const error = localError ?? amountError ?? unitError;
  const messageId = `${id}-message`;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="field__row">
        <NumberInput
          id={id}
          value={amount}
          integer
          error={localError ?? amountError}
          describedById={error || hint ? messageId : undefined}
          onLocalError={setLocalError}
          onChange={(next) => onChange({ amount: next, unit: currentUnit })}
        />
        <select
          className="select"
          aria-label={t('duration.unitLabel', { label })}
          aria-invalid={unitError ? true : undefined}
          value={currentUnit}
          onChange={(e) => onChange({ amount: currentAmount, unit: e.target.value as DurationUnit })}
        >
          {DurationUnit.options.map((u) => (
            <option key={u} value={u}>
              {t(unitKey(u))}
            </option>
          ))}
        </select>
      </div>
      {error ? (
        <p className="field__error" id={messageId} role="alert">
          {error}
        </p>
      ) : hint ? (
        <p className="field__hint" id={messageId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
