import { useState } from 'react';
import { describedBy, FieldFrame } from './field-frame.tsx';
import { parseNumberInput } from './parse-number-input.ts';

interface NumberInputProps {
  id: string;
  value: unknown;
  onChange: (value: number | undefined) => void;
  /** Validation's message for this field; a typing error of the box itself wins. */
  error?: string | null | undefined;
  integer?: boolean;
  label?: string;
  describedById?: string | undefined;
  onLocalError?: (error: string | null) => void;
}

/** A text box that holds what the user typed, so "3" on the way to "30" or an emptied box never jumps. */
export function NumberInput({ id, value, onChange, error, integer, label, describedById, onLocalError }: NumberInputProps) {
  const [text, setText] = useState(() => (typeof value === 'number' && Number.isFinite(value) ? String(value) : ''));
  // A number set elsewhere wins over what was typed; our own edits round-trip to the same number.
  const shown = typeof value === 'number' && parseNumberInput(text).value !== value ? String(value) : text;

  return (
    <input
      id={id}
      className="input"
      type="text"
      inputMode={integer ? 'numeric' : 'decimal'}
      autoComplete="off"
      aria-label={label}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedById}
      value={shown}
      onChange={(e) => {
        setText(e.target.value);
        const parsed = parseNumberInput(e.target.value, { integer: integer ?? false });
        onLocalError?.(parsed.error);
        onChange(parsed.value);
      }}
    />
  );
}

interface NumberFieldProps {
  id: string;
  label: string;
  value: unknown;
  onChange: (value: number | undefined) => void;
  error?: string | null | undefined;
  hint?: string;
  integer?: boolean;
}

export function NumberField({ id, label, value, onChange, error, hint, integer }: NumberFieldProps) {
  const [localError, setLocalError] = useState<string | null>(null);
  const shown = localError ?? error;
  return (
    <FieldFrame id={id} label={label} error={shown} hint={hint}>
      <NumberInput
        id={id}
        value={value}
        onChange={onChange}
        error={shown}
        integer={integer ?? false}
        describedById={describedBy(id, shown, hint)}
        onLocalError={setLocalError}
      />
    </FieldFrame>
  );
}
