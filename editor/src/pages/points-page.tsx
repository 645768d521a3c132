import { useT } from '../i18n/i18n.ts';
import '../styles/monitoring.css';

/** /points (being built). */
export function PointsPage() {
  const t = useT();
  return (
    <div className="mon-page" data-testid="points-page">
      <h1>{t('nav.points')}</h1>
    </div>
  );
}
