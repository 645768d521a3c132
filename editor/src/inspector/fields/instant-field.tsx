import { describedBy, FieldFrame } from './field-frame.tsx';

interface InstantFieldProps {
  id: string;
  label: string;
  /** ISO 8601 with offset, or null for none. */
  value: string | null;
  error?: string | null;
  hint?: string;
  onChange: (value: string | null) => void;
}

// <input type="datetime-local"> speaks the browser's local time without a zone; stored values are absolute.
const toLocalInput = (iso: string | null) => {
  if (!iso || Number.isNaN(Date.parse(iso))) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** A date and time in the editor's own time zone, stored as an absolute instant; empty means none. */
export function InstantField({ id, label, value, error, hint, onChange }: InstantFieldProps) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        className="input"
        type="datetime-local"
        value={toLocalInput(value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => onChange(e.target.value ? new Date(e.target.value).toISOString() : null)}
      />
    </FieldFrame>
  );
}
