import { useT } from '../i18n/i18n.ts';
import '../styles/monitoring.css';

/** /analytics */
export function AnalyticsPage() {
  const t = useT();
  return (
    <div className="mon-page" data-testid="analytics-page">
      <div className="mon-page__head">
        <div>
          <h1>{t('analytics.title')}</h1>
          <p className="muted">{t('analytics.intro')}</p>
        </div>
      </div>
    </div>
  );
}
