import { useId, useState } from 'react';
import { errorMessage } from '../api/http.ts';
import { useT } from '../i18n/i18n.ts';
import '../styles/sign-in.css';
import { useAuth } from './session-context.ts';
import { SignInForm } from './sign-in-form.tsx';

/**
 * Covers the page when a request found the session gone. The page underneath stays mounted, so
 * a half-edited workflow survives; after signing in again, saving works as before.
 */
export function SessionExpiredDialog({ email }: { email: string }) {
  const t = useT();
  const id = useId();
  const { signOut } = useAuth();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="dialog-backdrop dialog-backdrop--session">
      <div className="dialog session-dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} data-testid="session-expired">
        <div>
          <h2 id={`${id}-title`}>{t('session.expiredTitle')}</h2>
          <p className="muted session-dialog__intro">{t('session.expiredText')}</p>
        </div>
        <SignInForm initialEmail={email} />
        {error && (
          <div className="banner banner--error" role="alert">
            {error}
          </div>
        )}
        <button type="button" className="session-dialog__other" onClick={() => signOut().catch((err: unknown) => setError(errorMessage(err)))}>
          {t('session.someoneElse')}
        </button>
      </div>
    </div>
  );
}
