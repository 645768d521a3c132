import { useState } from 'react';
import { errorMessage } from '../api/http.ts';
import { useT } from '../i18n/i18n.ts';
import { memberPath } from '../routing/routes.ts';
import { formatDateTime } from '../ui/format-date.ts';
import { retryEvent } from './monitoring-api.ts';
import type { StoredEvent } from './monitoring-types.ts';
import { RouteLink } from './route-link.tsx';

interface Props {
  events: StoredEvent[];
  /** How many are set aside in all (the list shows the newest only). */
  total: number;
  /** False for analysts: the events are listed without Retry. */
  canRetry: boolean;
  onRetried: () => void;
}

/** Events the runtime set aside after they kept failing, each with its error, and Retry for editors. */
export function SetAsideEvents({ events, total, canRetry, onRetried }: Props) {
  const t = useT();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const retry = async (e: StoredEvent) => {
    setBusy(e.seq);
    setNote(null);
    try {
      const r = await retryEvent(e.seq);
      setNote(t('health.retried', { seq: r.seq, member: r.memberId }));
      setError(null);
      onRetried();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="failures" data-testid="set-aside-events">
      {note && (
        <p className="failures__note" role="status" data-testid="set-aside-note">
          {note}
        </p>
      )}
      {error && (
        <div className="banner banner--error" role="alert">
          {error}
        </div>
      )}
      {events.length === 0 ? (
        <p className="muted panel-empty" data-testid="set-aside-empty">
          {t('health.setAsideEmpty')}
        </p>
      ) : (
        <>
          <table className="mon-table">
            <thead>
              <tr>
                <th>{t('health.colEvent')}</th>
                <th>{t('health.colMember')}</th>
                <th>{t('health.colType')}</th>
                <th>{t('health.colOccurred')}</th>
                <th>{t('health.colSetAside')}</th>
                <th className="num">{t('health.colAttempts')}</th>
                <th>{t('health.colError')}</th>
                {canRetry && <th aria-label={t('health.colActions')} />}
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.seq} data-testid="set-aside-row">
                  <td className="muted">#{e.seq}</td>
                  <td>
                    <RouteLink to={memberPath(e.memberId)} testId="set-aside-member">
                      {e.memberId}
                    </RouteLink>
                  </td>
                  <td data-testid="set-aside-type">{e.type}</td>
                  <td className="muted">{formatDateTime(e.occurredAt)}</td>
                  <td className="muted">{e.failedAt ? formatDateTime(e.failedAt) : '—'}</td>
                  <td className="num" data-testid="set-aside-attempts">
                    {e.attempts}
                  </td>
                  <td className="mon-table__error" data-testid="set-aside-error">
                    {e.error ?? '—'}
                  </td>
                  {canRetry && (
                    <td className="mon-table__actions">
                      <button
                        type="button"
                        className="btn btn--small"
                        disabled={busy !== null}
                        title={t('health.retryTitle')}
                        onClick={() => void retry(e)}
                        data-testid="set-aside-retry"
                      >
                        {busy === e.seq ? t('common.working') : t('health.retry')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {total > events.length && <p className="muted panel-empty">{t('health.setAsideShowing', { shown: events.length, total })}</p>}
        </>
      )}
      {!canRetry && events.length > 0 && (
        <p className="muted panel-empty" data-testid="set-aside-read-only">
          {t('health.retryReadOnly')}
        </p>
      )}
    </div>
  );
}
