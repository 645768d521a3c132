import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { describedBy, FieldFrame } from '../inspector/fields/field-frame.tsx';
import { useLocale, useT, type Locale, type Translate } from '../i18n/i18n.ts';
import { useAuth } from './session-context.ts';
import { formatWait, secondsLeft, signInProblem, type SignInProblem } from './sign-in-problem.ts';

interface SignInFormProps {
  /** Filled in when a session ended: the same person usually signs in again. */
  initialEmail?: string;
}

/** Email and password; says plainly what went wrong, and how long to wait when locked out. */
export function SignInForm({ initialEmail = '' }: SignInFormProps) {
  const t = useT();
  const locale = useLocale();
  const { signIn } = useAuth();
  const id = useId();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<SignInProblem | null>(null);
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const [now, setNow] = useState(() => Date.now());
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    (initialEmail ? passwordRef : emailRef).current?.focus();
  }, [initialEmail]);

  // While locked out, tick every second so the wait counts down and the button comes back by itself.
  const lockedUntil = problem?.kind === 'locked' ? problem.until : null;
  useEffect(() => {
    if (lockedUntil === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [lockedUntil]);
  const wait = lockedUntil === null ? 0 : secondsLeft(lockedUntil, now);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || wait > 0) return;
    const errs: { email?: string; password?: string } = {};
    if (email.trim() === '') errs.email = t('signIn.emailRequired');
    else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) errs.email = t('signIn.emailInvalid');
    if (password === '') errs.password = t('signIn.passwordRequired');
    setMissing(errs);
    if (errs.email || errs.password) return;
    setBusy(true);
    setProblem(null);
    try {
      await signIn(email.trim(), password);
      // The gate replaces this form with the app; nothing more to do here.
    } catch (err) {
      const p = signInProblem(err, Date.now());
      setNow(Date.now());
      setProblem(p);
      setBusy(false);
      if (p.kind === 'wrong-credentials') {
        setPassword('');
        passwordRef.current?.focus();
      }
    }
  };

  const fields = problem?.kind === 'fields' ? problem.fields : {};
  const emailError = missing.email ?? fields.email ?? null;
  const passwordError = missing.password ?? fields.password ?? null;
  const message = problem ? problemMessage(problem, wait, t, locale) : null;

  return (
    <form className="sign-in-form" onSubmit={submit} noValidate data-testid="sign-in-form">
      <FieldFrame id={`${id}-email`} label={t('signIn.email')} error={emailError}>
        <input
          ref={emailRef}
          id={`${id}-email`}
          className="input input--large"
          type="email"
          name="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={describedBy(`${id}-email`, emailError)}
          data-testid="sign-in-email"
        />
      </FieldFrame>
      <FieldFrame id={`${id}-password`} label={t('signIn.password')} error={passwordError}>
        <input
          ref={passwordRef}
          id={`${id}-password`}
          className="input input--large"
          type="password"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={describedBy(`${id}-password`, passwordError)}
          data-testid="sign-in-password"
        />
      </FieldFrame>
      {message && (
        <div className={`banner ${problem?.kind === 'locked' && wait === 0 ? 'banner--info' : 'banner--error'}`} role="alert" data-testid="sign-in-error">
          {message}
        </div>
      )}
      <button className="btn btn--primary btn--large" type="submit" disabled={busy || wait > 0} data-testid="sign-in-submit">
        {busy ? t('signIn.signingIn') : t('signIn.submit')}
      </button>
    </form>
  );
}

function problemMessage(problem: SignInProblem, wait: number, t: Translate, locale: Locale): string | null {
  switch (problem.kind) {
    case 'wrong-credentials':
      return t('signIn.wrongCredentials');
    case 'disabled':
      return t('signIn.disabled');
    case 'locked':
      return wait > 0 ? t('signIn.locked', { wait: formatWait(wait, locale) }) : t('signIn.lockOver');
    case 'unreachable':
      return t('signIn.unreachable');
    case 'other':
      return problem.message;
    case 'fields':
      // Shown under the fields themselves.
      return null;
  }
}
