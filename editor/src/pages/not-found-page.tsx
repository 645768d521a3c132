import { useT } from '../i18n/i18n.ts';
import { navigate } from '../routing/navigation.ts';

export function NotFoundPage() {
  const t = useT();
  return (
    <div className="list-page">
      <h1>{t('notFound.title')}</h1>
      <p className="muted">{t('notFound.text')}</p>
      <button className="btn" type="button" onClick={() => navigate('/')}>
        {t('toolbar.back')}
      </button>
    </div>
  );
}
