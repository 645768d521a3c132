import { describedBy, FieldFrame } from './field-frame.tsx';

interface TimeFieldProps {
  id: string;
  label: string;
  value: unknown;
  onChange: (value: string) => void;
  error?: string | null | undefined;
  hint?: string;
}

/** A time of day as HH:MM, the format every schedule and wait in the language uses. */
export function TimeField({ id, label, value, onChange, error, hint }: TimeFieldProps) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        className="input input--time"
        type="time"
        value={typeof value === 'string' ? value : ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldFrame>
  );
}
