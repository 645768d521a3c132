import { useT } from '../i18n/i18n.ts';
import '../styles/monitoring.css';

/** /rfm */
export function RfmPage() {
  const t = useT();
  return (
    <div className="mon-page" data-testid="rfm-page">
      <div className="mon-page__head">
        <div>
          <h1>{t('rfm.title')}</h1>
          <p className="muted">{t('rfm.intro')}</p>
        </div>
      </div>
    </div>
  );
}
