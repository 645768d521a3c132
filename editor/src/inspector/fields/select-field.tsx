import { describedBy, FieldFrame } from './field-frame.tsx';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

interface SelectFieldProps<V extends string> {
  id: string;
  label: string;
  value: unknown;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  error?: string | null | undefined;
  hint?: string;
}

export function SelectField<V extends string>({ id, label, value, options, onChange, error, hint }: SelectFieldProps<V>) {
  const known = options.some((o) => o.value === value);
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <select
        id={id}
        className="select"
        value={known ? (value as string) : ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {!known && (
          <option value="" disabled>
            Choose…
          </option>
        )}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
