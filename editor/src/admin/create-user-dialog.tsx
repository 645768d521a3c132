import { Role, type UserSummary } from '@memberflow/shared/api/auth';
import { PASSWORD_MIN } from '@memberflow/shared/access';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { fieldIssues } from '../api/field-issues.ts';
import { errorMessage } from '../api/http.ts';
import { createUser } from '../api/users-api.ts';
import { FieldFrame } from '../inspector/fields/field-frame.tsx';
import { useT } from '../i18n/i18n.ts';
import { ChoiceCards } from '../ui/choice-cards.tsx';
import { DialogFooter, DialogHead } from '../ui/dialog-parts.tsx';
import { NewPasswordField } from './new-password-field.tsx';

type Field = 'email' | 'name' | 'role' | 'password';

/** Email, name, role and a first password; the new person changes it after signing in. */
export function CreateUserDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (user: UserSummary) => void }) {
  const t = useT();
  const id = useId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  // Least access unless the admin chooses more.
  const [role, setRole] = useState<Role>('analyst');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    emailRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Partial<Record<Field, string>> = {};
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) errs.email = t('signIn.emailInvalid');
    if (name.trim() === '') errs.name = t('users.nameRequired');
    if (password.length < PASSWORD_MIN) errs.password = t('password.tooShort', { min: PASSWORD_MIN });
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    setError(null);
    try {
      onCreated(await createUser({ email: email.trim(), name: name.trim(), role, password }));
    } catch (err) {
      const fields = fieldIssues(err);
      if (Object.keys(fields).length) setErrors(fields);
      else setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onClose()}>
      <form className="dialog admin-dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate data-testid="create-user-dialog">
        <DialogHead titleId={`${id}-title`} title={t('users.createTitle')} onClose={onClose} />
        <FieldFrame id={`${id}-email`} label={t('users.email')} error={errors.email}>
          <input
            ref={emailRef}
            id={`${id}-email`}
            className="input"
            type="email"
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={errors.email ? true : undefined}
            data-testid="user-email"
          />
        </FieldFrame>
        <FieldFrame id={`${id}-name`} label={t('users.name')} error={errors.name}>
          <input
            id={`${id}-name`}
            className="input"
            autoComplete="off"
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={errors.name ? true : undefined}
            data-testid="user-name"
          />
        </FieldFrame>
        <ChoiceCards
          legend={t('users.role')}
          name="role"
          options={Role.options}
          value={role}
          onChange={setRole}
          label={(r) => t(`role.${r}`)}
          description={(r) => t(`role.${r}.description`)}
          testIdPrefix="user-role"
          error={errors.role}
        />
        <NewPasswordField id={`${id}-password`} label={t('users.initialPassword')} value={password} onChange={setPassword} error={errors.password} />
        <DialogFooter error={error} busy={busy} submitLabel={t('users.create')} onCancel={onClose} submitTestId="create-user-submit" />
      </form>
    </div>
  );
}
