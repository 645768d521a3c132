import { PASSWORD_MIN } from '@memberflow/shared/access';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { fieldIssues } from '../api/field-issues.ts';
import { changePassword } from '../api/auth-api.ts';
import { errorMessage } from '../api/http.ts';
import { useT } from '../i18n/i18n.ts';
import { PasswordField } from '../ui/password-field.tsx';
import { DialogFooter, DialogHead } from '../ui/dialog-parts.tsx';
import '../styles/sign-in.css';

type Field = 'currentPassword' | 'newPassword' | 'confirm';

/** The signed-in user's own password: the current one, then the new one twice. */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const id = useId();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    firstRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Partial<Record<Field, string>> = {};
    if (values.currentPassword === '') errs.currentPassword = t('password.currentRequired');
    if (values.newPassword.length < PASSWORD_MIN) errs.newPassword = t('password.tooShort', { min: PASSWORD_MIN });
    else if (values.confirm !== values.newPassword) errs.confirm = t('password.mismatch');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    setError(null);
    try {
      await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      setDone(true);
    } catch (err) {
      const fields = fieldIssues(err);
      // The server's only answer about the current password is that it is wrong.
      if (fields.currentPassword) fields.currentPassword = t('password.currentWrong');
      if (Object.keys(fields).length) setErrors(fields);
      else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <form className="dialog session-dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate data-testid="change-password-dialog">
        <DialogHead titleId={`${id}-title`} title={t('password.title')} onClose={onClose} />
        {done ? (
          <>
            <p data-testid="password-changed">{t('password.changed')}</p>
            <div className="dialog__actions">
              <button className="btn btn--primary" type="button" onClick={onClose}>
                {t('common.done')}
              </button>
            </div>
          </>
        ) : (
          <>
            <PasswordField ref={firstRef} id={`${id}-current`} label={t('password.current')} value={values.currentPassword} onChange={set('currentPassword')} error={errors.currentPassword} autoComplete="current-password" />
            <PasswordField id={`${id}-new`} label={t('password.new')} value={values.newPassword} onChange={set('newPassword')} error={errors.newPassword} hint={t('password.hint', { min: PASSWORD_MIN })} autoComplete="new-password" />
            <PasswordField id={`${id}-confirm`} label={t('password.confirm')} value={values.confirm} onChange={set('confirm')} error={errors.confirm} autoComplete="new-password" />
            <DialogFooter error={error} busy={busy} submitLabel={t('password.submit')} onCancel={onClose} />
          </>
        )}
      </form>
    </div>
  );
}
