import { localeNames, locales, setLocale, useLocale, useT } from './i18n.ts';
import '../styles/language-switch.css';

/** English / 中文, remembered in localStorage. */
export function LanguageSwitch() {
  const locale = useLocale();
  const t = useT();
  return (
    <div className="language-switch" role="group" aria-label={t('header.language')} data-testid="language">
      {locales.map((l) => (
        <button
          key={l}
          type="button"
          className={`language-switch__option${l === locale ? ' language-switch__option--current' : ''}`}
          aria-pressed={l === locale}
          onClick={() => setLocale(l)}
          lang={l}
          data-testid={`language-${l}`}
        >
          {localeNames[l]}
        </button>
      ))}
    </div>
  );
}
