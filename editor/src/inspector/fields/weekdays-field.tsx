import { describedBy, FieldFrame } from './field-frame.tsx';

export const weekdayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

interface WeekdaysFieldProps {
  id: string;
  label: string;
  value: unknown;
  onChange: (value: number[]) => void;
  error?: string | null | undefined;
  hint?: string;
}

export function WeekdaysField({ id, label, value, onChange, error, hint }: WeekdaysFieldProps) {
  const days = Array.isArray(value) ? value.filter((d): d is number => typeof d === 'number') : [];
  const toggle = (d: number) => onChange(days.includes(d) ? days.filter((x) => x !== d) : [...days, d].sort((a, b) => a - b));
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <div className="segmented" id={id} role="group" aria-label={label} aria-describedby={describedBy(id, error, hint)}>
        {weekdayNames.map((name, d) => (
          <button key={name} type="button" className="segmented__item" aria-pressed={days.includes(d)} onClick={() => toggle(d)}>
            {name}
          </button>
        ))}
      </div>
    </FieldFrame>
  );
}
