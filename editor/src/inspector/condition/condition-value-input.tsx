import { useState } from 'react';
import { useT } from '../../i18n/i18n.ts';
import { parseConditionValue, shownValueText, valueShape } from './condition-value.ts';

interface ConditionValueInputProps {
  id: string;
  label: string;
  op: string;
  value: unknown;
  error?: string | undefined;
  suggestions?: readonly string[] | undefined;
  /** Shown beside a suggestion, e.g. an RFM group's name in the user's language. */
  suggestionLabel?: ((value: string) => string) | undefined;
  onChange: (value: unknown) => void;
}

/** One box for a rule's value: a single value, or a comma-separated list for "is one of". */
export function ConditionValueInput({ id, label, op, value, error, suggestions, suggestionLabel, onChange }: ConditionValueInputProps) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const list = valueShape(op) === 'list';
  return (
    <>
      <input
        id={id}
        className="input"
        aria-label={label}
        placeholder={list ? 'a, b, c' : t('condition.valuePlaceholder')}
        title={list ? t('condition.listTitle') : undefined}
        list={suggestions && !list ? `${id}-suggestions` : undefined}
        aria-invalid={error ? true : undefined}
        value={shownValueText(typed, value, op)}
        onChange={(e) => {
          setTyped(e.target.value);
          onChange(parseConditionValue(e.target.value, op));
        }}
      />
      {suggestions && !list && (
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((s) => (
            <option key={s} value={s} label={suggestionLabel?.(s)} />
          ))}
        </datalist>
      )}
    </>
  );
}
