import { Role, type UpdateUserBody, type UserSummary } from '@memberflow/shared/api/auth';
import { useState } from 'react';
import { errorMessage } from '../api/http.ts';
import { listUsers, updateUser } from '../api/users-api.ts';
import { useSession } from '../auth/session-context.ts';
import { useT } from '../i18n/i18n.ts';
import { ConfirmDialog } from '../monitoring/confirm-dialog.tsx';
import { Panel } from '../monitoring/panel.tsx';
import { usePolling } from '../monitoring/use-polling.ts';
import { formatDateTime } from '../ui/format-date.ts';
import { PlusIcon } from '../ui/icons.tsx';
import { CreateUserDialog } from './create-user-dialog.tsx';
import { SetPasswordDialog } from './set-password-dialog.tsx';
import { sortUsers, userStatus } from './user-status.ts';

/** Everyone who signs in: role, whether they may, when they last did; and adding people. */
export function UsersPanel() {
  const t = useT();
  const { user: me } = useSession();
  const users = usePolling((s) => listUsers(s), 0, []);
  const [creating, setCreating] = useState(false);
  const [settingPassword, setSettingPassword] = useState<UserSummary | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const now = Date.now();

  // Changes that shut someone out ask first, in the app's dialog.
  const [asking, setAsking] = useState<{ u: UserSummary; body: UpdateUserBody; done: string; question: string } | null>(null);
  const confirmFirst = (u: UserSummary, body: UpdateUserBody, done: string) => {
    const demotingSelf = body.role !== undefined && u.id === me.id && body.role !== 'admin';
    if (body.disabled === true) setAsking({ u, body, done, question: t('users.disableConfirm', { name: u.name, email: u.email }) });
    else if (demotingSelf) setAsking({ u, body, done, question: t('users.demoteSelfConfirm') });
    else void update(u, body, done);
  };
  const update = async (u: UserSummary, body: UpdateUserBody, done: string) => {
    setAsking(null);
    setBusyId(u.id);
    setError(null);
    setNote(null);
    try {
      await updateUser(u.id, body);
      setNote(done);
      // The server ends the sessions of a user whose role, password or access changed; for the
      // admin's own role that is this session, and the next request asks to sign in again.
    } catch (err) {
      // e.g. 409: that would leave no enabled admin.
      setError(errorMessage(err));
    } finally {
      setBusyId(null);
      users.reload();
    }
  };

  return (
    <Panel
      title={t('users.title')}
      testId="users-panel"
      aside={
        <button type="button" className="btn btn--primary btn--small" onClick={() => setCreating(true)} data-testid="add-user">
          <PlusIcon size={13} /> {t('users.add')}
        </button>
      }
    >
      {note && (
        <p className="admin-note" role="status" data-testid="users-note">
          {note}
        </p>
      )}
      {(error ?? users.error) && (
        <div className="banner banner--error" role="alert" data-testid="users-error">
          {error ?? users.error}
        </div>
      )}
      <table className="mon-table admin-table" data-testid="users-table">
        <thead>
          <tr>
            <th>{t('users.col.person')}</th>
            <th>{t('users.col.role')}</th>
            <th>{t('users.col.status')}</th>
            <th>{t('users.col.lastSignIn')}</th>
            <th>{t('users.col.created')}</th>
            <th aria-label={t('users.col.actions')} />
          </tr>
        </thead>
        <tbody>
          {users.data === null && !users.error && (
            <tr>
              <td colSpan={6} className="mon-table__empty">
                {t('common.loading')}
              </td>
            </tr>
          )}
          {users.data &&
            sortUsers(users.data).map((u) => {
              const status = userStatus(u, now);
              const busy = busyId === u.id;
              const self = u.id === me.id;
              return (
                <tr key={u.id} data-testid="user-row" data-email={u.email}>
                  <td>
                    <div className="mon-table__strong">
                      {u.name} {self && <span className="admin-tag">{t('users.you')}</span>}
                    </div>
                    <div className="muted">{u.email}</div>
                  </td>
                  <td>
                    <select
                      className="select select--compact"
                      value={u.role}
                      disabled={busy}
                      aria-label={t('users.roleOf', { name: u.name })}
                      onChange={(e) => confirmFirst(u, { role: e.target.value as Role }, t('users.roleChanged', { name: u.name, role: t(`role.${e.target.value as Role}`) }))}
                      data-testid="user-role"
                    >
                      {Role.options.map((r) => (
                        <option key={r} value={r}>
                          {t(`role.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <span className={`user-status user-status--${status.kind}`} data-testid="user-status">
                      {status.kind === 'locked' ? t('users.status.lockedUntil', { time: formatDateTime(status.until) }) : t(`users.status.${status.kind}`)}
                    </span>
                  </td>
                  <td className="mon-table__time">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : <span className="muted">{t('users.never')}</span>}</td>
                  <td className="mon-table__time">{formatDateTime(u.createdAt)}</td>
                  <td className="mon-table__actions">
                    {/* Your own password goes through Change password (it asks for the current one), and
                        nobody shuts themselves out by accident: another admin can do both. */}
                    {!self && (
                      <button type="button" className="btn btn--small" disabled={busy} onClick={() => setSettingPassword(u)} data-testid="set-password">
                        {t('users.setPassword')}
                      </button>
                    )}
                    {!self &&
                      (u.disabled ? (
                        <button type="button" className="btn btn--small" disabled={busy} onClick={() => void update(u, { disabled: false }, t('users.enabled', { name: u.name }))} data-testid="enable-user">
                          {t('users.enable')}
                        </button>
                      ) : (
                        <button type="button" className="btn btn--small btn--danger" disabled={busy} onClick={() => confirmFirst(u, { disabled: true }, t('users.disabled', { name: u.name }))} data-testid="disable-user">
                          {t('users.disable')}
                        </button>
                      ))}
                  </td>
                </tr>
              );
            })}
        </tbody>
      </table>
      {asking && (
        <ConfirmDialog
          title={asking.body.disabled ? t('users.disableTitle') : t('users.demoteSelfTitle')}
          confirmLabel={asking.body.disabled ? t('users.disable') : t('users.demoteSelfAction')}
          danger
          onConfirm={() => void update(asking.u, asking.body, asking.done)}
          onCancel={() => setAsking(null)}
        >
          <p>{asking.question}</p>
        </ConfirmDialog>
      )}
      {creating && (
        <CreateUserDialog
          onClose={() => setCreating(false)}
          onCreated={(u) => {
            setCreating(false);
            setError(null);
            setNote(t('users.created', { name: u.name, email: u.email }));
            users.reload();
          }}
        />
      )}
      {settingPassword && (
        <SetPasswordDialog
          user={settingPassword}
          onClose={() => setSettingPassword(null)}
          onDone={(u) => {
            setSettingPassword(null);
            setError(null);
            setNote(t('users.passwordSet', { name: u.name }));
            users.reload();
          }}
        />
      )}
    </Panel>
  );
}
