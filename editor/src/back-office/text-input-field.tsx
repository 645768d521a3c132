import { FieldFrame } from '../inspector/fields/field-frame.tsx';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'number' | 'date' | 'time' | 'email' | 'tel';
  error?: string | undefined;
  hint?: string | undefined;
  testId?: string;
  maxLength?: number;
}

/** A labelled input whose value stays text (numbers parse on save), with its problem or hint below. */
export function TextInputField({ id, label, value, onChange, type = 'text', error, hint, testId, maxLength }: Props) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        className="input"
        type={type}
        step={type === 'number' ? 'any' : undefined}
        value={value}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        data-testid={testId}
      />
    </FieldFrame>
  );
}
