import { useT } from '../i18n/i18n.ts';
import '../styles/monitoring.css';

/** /tiers (being built). */
export function TiersPage() {
  const t = useT();
  return (
    <div className="mon-page" data-testid="tiers-page">
      <h1>{t('nav.tiers')}</h1>
    </div>
  );
}
