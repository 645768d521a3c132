import { PASSWORD_MIN } from '@memberflow/shared/access';
import { useState } from 'react';
import { describedBy, FieldFrame } from '../inspector/fields/field-frame.tsx';
import { useT } from '../i18n/i18n.ts';
import { generatePassword } from './generate-password.ts';

interface NewPasswordFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null | undefined;
}

/** A password an admin sets for someone else: they must be able to read it to pass it on. */
export function NewPasswordField({ id, label, value, onChange, error }: NewPasswordFieldProps) {
  const t = useT();
  const [shown, setShown] = useState(false);
  const hint = t('password.hint', { min: PASSWORD_MIN });
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint}>
      <div className="field__row">
        <input
          id={id}
          className="input input--mono"
          type={shown ? 'text' : 'password'}
          autoComplete="new-password"
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error, hint)}
          data-testid="new-password"
        />
        <button type="button" className="btn" onClick={() => setShown((s) => !s)} aria-pressed={shown}>
          {shown ? t('password.hide') : t('password.show')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => {
            onChange(generatePassword());
            setShown(true);
          }}
          data-testid="generate-password"
        >
          {t('password.generate')}
        </button>
      </div>
    </FieldFrame>
  );
}
