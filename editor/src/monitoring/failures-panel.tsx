import { useState } from 'react';
import { errorMessage } from '../api/http.ts';
import { formatDateTime } from '../ui/format-date.ts';
import { useT, type Translate } from '../i18n/i18n.ts';
import { memberPath } from '../routing/routes.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { actOnFailures } from './monitoring-api.ts';
import { RouteLink } from './route-link.tsx';
import type { FailureAction, FailureTargets, Failures } from './monitoring-types.ts';

interface Props {
  workflowId: string;
  /** False for analysts: the failures are listed without retry, skip or exit. */
  canAct: boolean;
  failures: Failures | null;
  nodeLabel: (id: string | null) => string;
  onDone: () => void;
}

const bulkText = (t: Translate, action: FailureAction, f: Failures): string =>
  t(`failures.bulkText.${action}`, { journeys: f.journeys.length, effects: f.effects.length });

/** Failed steps and deliveries, each with its error, and what an admin can do about them. */
export function FailuresPanel({ workflowId, canAct, failures, nodeLabel, onDone }: Props) {
  const [bulk, setBulk] = useState<FailureAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const t = useT();

  const act = async (action: FailureAction, targets: FailureTargets) => {
    setBusy(true);
    try {
      const r = await actOnFailures(workflowId, action, targets);
      setNote(t(`failures.done.${action}`, { journeys: r.journeys, effects: r.effects }));
      setError(null);
      setBulk(null);
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (failures === null) return <p className="muted panel-empty">{t('common.loading')}</p>;
  const none = failures.journeys.length === 0 && failures.effects.length === 0 && failures.stuck.length === 0;
  return (
    <div className="failures" data-testid="failures">
      {note && <p className="failures__note">{note}</p>}
      {error && !bulk && (
        <div className="banner banner--error" role="alert">
          {error}
        </div>
      )}
      {none ? (
        <p className="muted panel-empty" data-testid="no-failures">
          {t('failures.none')}
        </p>
      ) : (
        <>
          {canAct && (
            <div className="failures__bulk">
              <button type="button" className="btn" onClick={() => setBulk('retry')} disabled={busy}>
                {t('failures.retryAll')}
              </button>
              <button type="button" className="btn" onClick={() => setBulk('skip')} disabled={busy || failures.effects.length === 0}>
                {t('failures.skipAllDeliveries')}
              </button>
              <button type="button" className="btn btn--danger" onClick={() => setBulk('exit')} disabled={busy || failures.journeys.length === 0}>
                {t('failures.exitAllJourneys')}
              </button>
            </div>
          )}
          <table className="mon-table">
            <thead>
              <tr>
                <th>{t('failures.col.what')}</th>
                <th>{t('failures.col.member')}</th>
                <th>{t('failures.col.node')}</th>
                <th>{t('failures.col.error')}</th>
                <th>{t('failures.col.when')}</th>
                {canAct && <th aria-label={t('failures.col.actions')} />}
              </tr>
            </thead>
            <tbody>
              {failures.journeys.map((j) => (
                <tr key={j.id} data-testid="failure-row">
                  <td>{t('failures.journeyStep')}</td>
                  <td>
                    <RouteLink to={memberPath(j.memberId)}>{j.memberId}</RouteLink>
                  </td>
                  <td>{nodeLabel(j.node)}</td>
                  <td className="mon-table__error">{j.error ?? '—'}</td>
                  <td className="muted">{formatDateTime(j.failedAt)}</td>
                  {canAct && (
                    <td className="mon-table__actions">
                      <button type="button" className="btn btn--small" disabled={busy} onClick={() => void act('retry', { journeyIds: [j.id] })}>
                        {t('failures.retry')}
                      </button>
                      <button type="button" className="btn btn--small btn--danger" disabled={busy} onClick={() => void act('exit', { journeyIds: [j.id] })}>
                        {t('failures.exit')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
              {failures.effects.map((f) => (
                <tr key={f.key} data-testid="failure-row">
                  <td>
                    {t('failures.delivery')} <span className="muted">({t('failures.attempts', { kind: f.kind, attempts: f.attempts })})</span>
                  </td>
                  <td>
                    <RouteLink to={memberPath(f.memberId)}>{f.memberId}</RouteLink>
                  </td>
                  <td>{nodeLabel(f.node)}</td>
                  <td className="mon-table__error">{f.error ?? '—'}</td>
                  <td className="muted">{formatDateTime(f.at)}</td>
                  {canAct && (
                    <td className="mon-table__actions">
                      <button type="button" className="btn btn--small" disabled={busy} onClick={() => void act('retry', { effectKeys: [f.key] })}>
                        {t('failures.retry')}
                      </button>
                      <button type="button" className="btn btn--small" disabled={busy} onClick={() => void act('skip', { effectKeys: [f.key] })}>
                        {t('failures.skip')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
              {failures.stuck.map((f) => (
                <tr key={f.key} data-testid="stuck-row">
                  <td>
                    {t('failures.stuck')} <span className="muted">({t('failures.stuckAttempts', { kind: f.kind, attempts: f.attempts })})</span>
                  </td>
                  <td>
                    <RouteLink to={memberPath(f.memberId)}>{f.memberId}</RouteLink>
                  </td>
                  <td>{nodeLabel(f.node)}</td>
                  <td className="mon-table__error">{f.error ?? t('failures.notSentYet')}</td>
                  <td className="muted">{formatDateTime(f.at)}</td>
                  {canAct && <td />}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {bulk && (
        <ConfirmDialog
          title={t(`failures.bulkTitle.${bulk}`)}
          confirmLabel={t(`failures.bulkConfirm.${bulk}`)}
          danger={bulk !== 'retry'}
          busy={busy}
          error={error}
          onConfirm={() => void act(bulk, { all: true })}
          onCancel={() => {
            setBulk(null);
            setError(null);
          }}
        >
          <p>{bulkText(t, bulk, failures)}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
