import { useT } from '../../i18n/i18n.ts';
import { renderTemplate } from '@memberflow/shared/template';
import { useRef } from 'react';
import { insertAt, sampleVariables, templateVariableChoices } from '../../nodes/sample-variables.ts';
import { describedBy, FieldFrame } from './field-frame.tsx';

interface TemplateTextFieldProps {
  id: string;
  label: string;
  value: unknown;
  onChange: (value: string) => void;
  error?: string | null | undefined;
  hint?: string;
  rows?: number;
  maxLength?: number;
  /** Shows the text rendered for a sample member under the box. */
  preview?: boolean;
  monospace?: boolean;
}

/** A text with {{variables}}: a picker inserts them at the cursor, and a preview fills them in for a sample member. */
export function TemplateTextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  rows = 4,
  maxLength,
  preview,
  monospace,
}: TemplateTextFieldProps) {
  const t = useT();
  const text = typeof value === 'string' ? value : '';
  const ref = useRef<HTMLTextAreaElement>(null);
  const insert = (snippet: string) => {
    const el = ref.current;
    const { text: next, caret } = insertAt(text, el?.selectionStart ?? text.length, el?.selectionEnd ?? text.length, snippet);
    onChange(next);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(caret, caret);
    });
  };
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <textarea
        id={id}
        ref={ref}
        className={`textarea${monospace ? ' textarea--mono' : ''}`}
        rows={rows}
        maxLength={maxLength}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => onChange(e.target.value)}
      />
      <div className="template-tools">
        <select
          className="select select--small"
          aria-label={t('variables.insertInto', { label })}
          value=""
          onChange={(e) => e.target.value && insert(e.target.value)}
        >
          <option value="">{t('variables.insert')}</option>
          {templateVariableChoices.map((v) => (
            <option key={v.insert} value={v.insert}>
              {t(v.label)} {v.insert}
            </option>
          ))}
        </select>
      </div>
      {preview && text.trim() !== '' && (
        <div className="template-preview" data-testid={`${id}-preview`}>
          <span className="template-preview__label">{t('preview.for', { name: sampleVariables.member.name })}</span>
          <p className="template-preview__text">{renderTemplate(text, sampleVariables)}</p>
        </div>
      )}
    </FieldFrame>
  );
}
