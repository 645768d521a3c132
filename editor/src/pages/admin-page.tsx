import { ApiKeysPanel } from '../admin/api-keys-panel.tsx';
import { UsersPanel } from '../admin/users-panel.tsx';
import { useT } from '../i18n/i18n.ts';
import '../styles/monitoring.css';
import '../styles/admin.css';

/** Admins only (the header shows the link to nobody else, and the server refuses the rest). */
export function AdminPage() {
  const t = useT();
  return (
    <div className="mon-page" data-testid="admin-page">
      <div className="mon-page__head">
        <div>
          <h1>{t('admin.title')}</h1>
          <p className="muted">{t('admin.intro')}</p>
        </div>
      </div>
      <UsersPanel />
      <ApiKeysPanel />
    </div>
  );
}
