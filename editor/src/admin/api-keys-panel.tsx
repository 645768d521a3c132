import type { ApiKeySummary } from '@memberflow/shared/api/auth';
import { referenceRoutes } from '@memberflow/shared/api/reference-routes';
import { useCallback, useState } from 'react';
import { listApiKeys, revokeApiKey } from '../api/api-keys-api.ts';
import { errorMessage } from '../api/http.ts';
import { useT } from '../i18n/i18n.ts';
import { ConfirmDialog } from '../monitoring/confirm-dialog.tsx';
import { Panel } from '../monitoring/panel.tsx';
import { usePolling } from '../monitoring/use-polling.ts';
import { formatDateTime } from '../ui/format-date.ts';
import { PlusIcon } from '../ui/icons.tsx';
import { CreateApiKeyDialog } from './create-api-key-dialog.tsx';

/** Keys for systems (the shop, the till, a data pipeline): which exist, who made them, when last used. */
export function ApiKeysPanel() {
  const t = useT();
  const keys = usePolling((s) => listApiKeys(s), 0, []);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeySummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const cancelRevoke = useCallback(() => {
    setRevoking(null);
    setError(null);
  }, []);
  const closeCreate = useCallback(() => setCreating(false), []);

  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    try {
      await revokeApiKey(revoking.id);
      setNote(t('keys.revoked', { name: revoking.name }));
      setRevoking(null);
      setError(null);
      keys.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  // Live keys first, newest first; revoked ones stay listed as a record.
  const rows = keys.data
    ? [...keys.data].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt.localeCompare(a.createdAt))
    : null;

  return (
    <Panel
      title={t('keys.title')}
      testId="keys-panel"
      aside={
        <button type="button" className="btn btn--primary btn--small" onClick={() => setCreating(true)} data-testid="add-key">
          <PlusIcon size={13} /> {t('keys.add')}
        </button>
      }
    >
      <p className="muted admin-panel__intro">
        {t('keys.intro')}{' '}
        <a href={referenceRoutes.docsPage.path} target="_blank" rel="noopener" data-testid="api-reference-link">
          {t('keys.reference')}
        </a>
      </p>
      {note && (
        <p className="admin-note" role="status" data-testid="keys-note">
          {note}
        </p>
      )}
      {keys.error && (
        <div className="banner banner--error" role="alert">
          {keys.error}
        </div>
      )}
      <table className="mon-table admin-table" data-testid="keys-table">
        <thead>
          <tr>
            <th>{t('keys.col.name')}</th>
            <th>{t('keys.col.scope')}</th>
            <th>{t('keys.col.prefix')}</th>
            <th>{t('keys.col.created')}</th>
            <th>{t('keys.col.lastUsed')}</th>
            <th>{t('keys.col.status')}</th>
            <th aria-label={t('users.col.actions')} />
          </tr>
        </thead>
        <tbody>
          {rows === null && !keys.error && (
            <tr>
              <td colSpan={7} className="mon-table__empty">
                {t('common.loading')}
              </td>
            </tr>
          )}
          {rows?.length === 0 && (
            <tr>
              <td colSpan={7} className="mon-table__empty" data-testid="no-keys">
                {t('keys.none')}
              </td>
            </tr>
          )}
          {rows?.map((k) => (
            <tr key={k.id} data-testid="key-row" data-name={k.name} className={k.revokedAt ? 'admin-table__row--revoked' : undefined}>
              <td className="mon-table__strong">{k.name}</td>
              <td>{t(`keys.scope.${k.scope}`)}</td>
              <td>
                <code className="key-prefix">{k.prefix}…</code>
              </td>
              <td className="mon-table__time">
                {formatDateTime(k.createdAt)}
                <div className="muted">{t('keys.by', { name: k.createdBy })}</div>
              </td>
              <td className="mon-table__time">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : <span className="muted">{t('users.never')}</span>}</td>
              <td>
                <span className={`user-status user-status--${k.revokedAt ? 'disabled' : 'active'}`} data-testid="key-status">
                  {k.revokedAt ? t('keys.status.revoked', { time: formatDateTime(k.revokedAt) }) : t('keys.status.active')}
                </span>
              </td>
              <td className="mon-table__actions">
                {!k.revokedAt && (
                  <button type="button" className="btn btn--small btn--danger" onClick={() => setRevoking(k)} data-testid="revoke-key">
                    {t('keys.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {creating && <CreateApiKeyDialog onClose={closeCreate} onCreated={keys.reload} />}
      {revoking && (
        <ConfirmDialog
          title={t('keys.revokeTitle', { name: revoking.name })}
          confirmLabel={t('keys.revoke')}
          danger
          busy={busy}
          error={error}
          onConfirm={() => void revoke()}
          onCancel={cancelRevoke}
        >
          <p>{t('keys.revokeText', { prefix: revoking.prefix })}</p>
        </ConfirmDialog>
      )}
    </Panel>
  );
}
