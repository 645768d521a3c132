import type { MouseEvent } from 'react';
import { navigate, usePathname } from '../routing/navigation.ts';
import { useT } from '../i18n/i18n.ts';
import { LanguageSwitch } from '../i18n/language-switch.tsx';
import '../styles/app-header.css';

const sections = [
  { href: '/', label: 'nav.workflows' as const, current: (p: string) => p === '/' || p.startsWith('/workflows/') },
  { href: '/members', label: 'nav.members' as const, current: (p: string) => p.startsWith('/members') },
  { href: '/health', label: 'nav.health' as const, current: (p: string) => p.startsWith('/health') },
];

export function AppHeader() {
  const pathname = usePathname();
  const t = useT();
  const go = (href: string) => (e: MouseEvent) => {
    e.preventDefault();
    navigate(href);
  };
  const home = go('/');
  return (
    <header className="app-header">
      <a className="app-header__brand" href="/" onClick={home}>
        <span className="app-header__logo" aria-hidden="true">
          M
        </span>
        Memberflow
      </a>
      <nav className="app-header__nav">
        {sections.map((s) => {
          const current = s.current(pathname);
          return (
            <a key={s.href} href={s.href} onClick={go(s.href)} className={`app-header__link${current ? ' app-header__link--current' : ''}`} aria-current={current ? 'page' : undefined}>
              {t(s.label)}
            </a>
          );
        })}
      </nav>
      <LanguageSwitch />
    </header>
  );
}
