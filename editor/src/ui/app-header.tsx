import type { MouseEvent } from 'react';
import { navigate } from '../routing/navigation.ts';
import '../styles/app-header.css';

export function AppHeader() {
  const home = (e: MouseEvent) => {
    e.preventDefault();
    navigate('/');
  };
  return (
    <header className="app-header">
      <a className="app-header__brand" href="/" onClick={home}>
        <span className="app-header__logo" aria-hidden="true">
          M
        </span>
        Memberflow
      </a>
      <nav className="app-header__nav">
        {/* Workflows is the only section so far, so it is always the current one. */}
        <a href="/" onClick={home} className="app-header__link app-header__link--current" aria-current="page">
          Workflows
        </a>
      </nav>
    </header>
  );
}
