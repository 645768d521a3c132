import { useT } from '../i18n/i18n.ts';
import '../styles/monitoring.css';

/** /settings (being built). */
export function SettingsPage() {
  const t = useT();
  return (
    <div className="mon-page" data-testid="settings-page">
      <h1>{t('nav.settings')}</h1>
    </div>
  );
}
