import { useState, type MouseEvent } from 'react';
import { errorMessage } from '../api/http.ts';
import { ChangePasswordDialog } from '../auth/change-password-dialog.tsx';
import { useSession } from '../auth/session-context.ts';
import { navigate, usePathname } from '../routing/navigation.ts';
import { useT } from '../i18n/i18n.ts';
import { LanguageSwitch } from '../i18n/language-switch.tsx';
import { navSections } from './nav-sections.ts';
import '../styles/app-header.css';

export function AppHeader() {
  const pathname = usePathname();
  const t = useT();
  const { user, can, signOut } = useSession();
  const [changingPassword, setChangingPassword] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const go = (href: string) => (e: MouseEvent) => {
    e.preventDefault();
    navigate(href);
  };
  const home = go('/');
  const onSignOut = () => {
    setSigningOut(true);
    signOut().catch((err: unknown) => {
      setSigningOut(false);
      window.alert(`${t('header.signOutFailed')} ${errorMessage(err)}`);
    });
  };
  return (
    <>
      <header className="app-header">
        <a className="app-header__brand" href="/" onClick={home}>
          <span className="app-header__logo" aria-hidden="true">
            M
          </span>
          Memberflow
        </a>
        <nav className="app-header__nav">
          {navSections(can).map((s) => {
            const current = s.current(pathname);
            return (
              <a
                key={s.href}
                href={s.href}
                onClick={go(s.href)}
                className={`app-header__link${current ? ' app-header__link--current' : ''}`}
                aria-current={current ? 'page' : undefined}
                data-testid={`nav-${s.href.slice(1) || 'workflows'}`}
              >
                {t(s.label)}
              </a>
            );
          })}
        </nav>
        <LanguageSwitch />
        <div className="app-header__user" data-testid="current-user">
          <span className="app-header__who" title={user.email}>
            <span className="app-header__name" data-testid="current-user-name">
              {user.name}
            </span>
            <span className="app-header__role" data-testid="current-user-role">
              {t(`role.${user.role}`)}
            </span>
          </span>
          <button type="button" className="app-header__action" onClick={() => setChangingPassword(true)} data-testid="change-password">
            {t('header.changePassword')}
          </button>
          <button type="button" className="app-header__action" onClick={onSignOut} disabled={signingOut} data-testid="sign-out">
            {t('header.signOut')}
          </button>
        </div>
      </header>
      {/* Outside the header, which would pass on its white text. */}
      {changingPassword && <ChangePasswordDialog onClose={() => setChangingPassword(false)} />}
    </>
  );
}
