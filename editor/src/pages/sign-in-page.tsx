import { SignInForm } from '../auth/sign-in-form.tsx';
import { useT } from '../i18n/i18n.ts';
import { LanguageSwitch } from '../i18n/language-switch.tsx';
import '../styles/app-header.css';
import '../styles/sign-in.css';

/** What a browser without a session sees, at /sign-in?next=<the page it asked for>. */
export function SignInPage() {
  const t = useT();
  return (
    <>
      <header className="app-header">
        <span className="app-header__brand">
          <span className="app-header__logo" aria-hidden="true">
            M
          </span>
          Memberflow
        </span>
        <LanguageSwitch />
      </header>
      <main className="app-main sign-in-page" data-testid="sign-in-page">
        <div className="card sign-in-card">
          <h1>{t('signIn.title')}</h1>
          <p className="muted">{t('signIn.intro')}</p>
          <SignInForm />
        </div>
      </main>
    </>
  );
}
