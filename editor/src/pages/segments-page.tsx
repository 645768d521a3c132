import { useT } from '../i18n/i18n.ts';
import '../styles/monitoring.css';

/** /segments */
export function SegmentsPage() {
  const t = useT();
  return (
    <div className="mon-page" data-testid="segments-page">
      <div className="mon-page__head">
        <div>
          <h1>{t('segments.title')}</h1>
          <p className="muted">{t('segments.intro')}</p>
        </div>
      </div>
    </div>
  );
}
