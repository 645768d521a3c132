import { type UserSummary } from '@memberflow/shared/api/auth';
import { PASSWORD_MIN } from '@memberflow/shared/access';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { fieldIssues } from '../api/field-issues.ts';
import { errorMessage } from '../api/http.ts';
import { updateUser } from '../api/users-api.ts';
import { useT } from '../i18n/i18n.ts';
import { DialogFooter, DialogHead } from '../ui/dialog-parts.tsx';
import { NewPasswordField } from './new-password-field.tsx';

/** For a forgotten password: the admin sets a new one and passes it on. */
export function SetPasswordDialog({ user, onClose, onDone }: { user: UserSummary; onClose: () => void; onDone: (user: UserSummary) => void }) {
  const t = useT();
  const id = useId();
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.getElementById(`${id}-password`)?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [id, onClose]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (password.length < PASSWORD_MIN) {
      setFieldError(t('password.tooShort', { min: PASSWORD_MIN }));
      return;
    }
    setFieldError(null);
    setBusy(true);
    setError(null);
    try {
      onDone(await updateUser(user.id, { password }));
    } catch (err) {
      const fields = fieldIssues(err);
      if (fields.password) setFieldError(fields.password);
      else setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <form className="dialog admin-dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate data-testid="set-password-dialog">
        <DialogHead titleId={`${id}-title`} title={t('users.setPasswordTitle', { name: user.name })} onClose={onClose} />
        <p className="muted admin-dialog__text">{t('users.setPasswordText', { email: user.email })}</p>
        <NewPasswordField id={`${id}-password`} label={t('password.new')} value={password} onChange={setPassword} error={fieldError} />
        <DialogFooter error={error} busy={busy} submitLabel={t('users.setPassword')} onCancel={onClose} submitTestId="set-password-submit" />
      </form>
    </div>
  );
}
