import { describedBy, FieldFrame } from './field-frame.tsx';

interface TextFieldProps {
  id: string;
  label: string;
  value: unknown;
  onChange: (value: string) => void;
  error?: string | null | undefined;
  hint?: string;
  placeholder?: string;
  maxLength?: number;
  /** Suggestions offered while typing, optionally with a description; any other value is still allowed. */
  suggestions?: readonly (string | { value: string; label: string })[];
  multiline?: boolean;
}

export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  placeholder,
  maxLength,
  suggestions,
  multiline,
}: TextFieldProps) {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  const common = {
    id,
    value: text,
    placeholder,
    maxLength,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, error, hint),
  };
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      {multiline ? (
        <textarea className="textarea" rows={3} {...common} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          className="input"
          type="text"
          autoComplete="off"
          list={suggestions ? `${id}-suggestions` : undefined}
          {...common}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {suggestions && (
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((s) =>
            typeof s === 'string' ? <option key={s} value={s} /> : <option key={s.value} value={s.value} label={s.label} />,
          )}
        </datalist>
      )}
    </FieldFrame>
  );
}
