import { useT } from '../../i18n/i18n.ts';
import { useState } from 'react';
import { XIcon } from '../../ui/icons.tsx';
import { describedBy, FieldFrame } from './field-frame.tsx';
import { asStrings } from './read-config.ts';

interface TagsFieldProps {
  id: string;
  label: string;
  value: unknown;
  onChange: (value: string[]) => void;
  error?: string | null | undefined;
  hint?: string;
  placeholder?: string;
  /** Tags to offer as the person types (members' existing tags). */
  suggestions?: readonly { value: string; label: string }[];
}

/** Chips: Enter, comma or leaving the box adds what was typed; duplicates are ignored. */
export function TagsField({ id, label, value, onChange, error, hint, placeholder, suggestions }: TagsFieldProps) {
  const tr = useT();
  const tags = asStrings(value);
  const [draft, setDraft] = useState('');
  const commit = () => {
    const parts = draft
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    if (parts.length) onChange([...new Set([...tags, ...parts])]);
    setDraft('');
  };
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <div className={`chips${error ? ' chips--invalid' : ''}`}>
        {tags.map((t) => (
          <span key={t} className="chip">
            {t}
            <button
              type="button"
              className="chip__remove"
              aria-label={tr('tagsField.remove', { tag: t })}
              onClick={() => onChange(tags.filter((x) => x !== t))}
            >
              <XIcon size={11} />
            </button>
          </span>
        ))}
        <input
          id={id}
          className="chips__input"
          list={suggestions ? `${id}-suggestions` : undefined}
          value={draft}
          placeholder={tags.length ? '' : (placeholder ?? tr('tagsField.placeholder'))}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error, hint)}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              commit();
            } else if (e.key === 'Backspace' && draft === '' && tags.length) {
              onChange(tags.slice(0, -1));
            }
          }}
          onBlur={commit}
        />
        {suggestions && (
          <datalist id={`${id}-suggestions`}>
            {suggestions.map((o) => (
              <option key={o.value} value={o.value} label={o.label} />
            ))}
          </datalist>
        )}
      </div>
    </FieldFrame>
  );
}
