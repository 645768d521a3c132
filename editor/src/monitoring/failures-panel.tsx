import { useState } from 'react';
import { errorMessage } from '../api/http.ts';
import { formatDateTime } from '../ui/format-date.ts';
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

const bulkText: Record<FailureAction, (f: Failures) => string> = {
  retry: (f) => `Retry ${f.journeys.length} failed journey(s) from their last good step and send ${f.effects.length} failed delivery(ies) again.`,
  skip: (f) => `Give up ${f.effects.length} failed delivery(ies). They are recorded as skipped and not sent.`,
  exit: (f) => `End ${f.journeys.length} failed journey(s) now; those members leave the workflow.`,
};

/** Failed steps and deliveries, each with its error, and what an admin can do about them. */
export function FailuresPanel({ workflowId, canAct, failures, nodeLabel, onDone }: Props) {
  const [bulk, setBulk] = useState<FailureAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const act = async (action: FailureAction, targets: FailureTargets) => {
    setBusy(true);
    try {
      const r = await actOnFailures(workflowId, action, targets);
      setNote(`${action === 'retry' ? 'Retried' : action === 'skip' ? 'Skipped' : 'Exited'}: ${r.journeys} journey(s), ${r.effects} delivery(ies).`);
      setError(null);
      setBulk(null);
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (failures === null) return <p className="muted panel-empty">Loading…</p>;
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
          No failures. Steps that throw and deliveries that give up after their retries appear here.
        </p>
      ) : (
        <>
          {canAct && (
            <div className="failures__bulk">
              <button type="button" className="btn" onClick={() => setBulk('retry')} disabled={busy}>
                Retry all
              </button>
              <button type="button" className="btn" onClick={() => setBulk('skip')} disabled={busy || failures.effects.length === 0}>
                Skip all deliveries
              </button>
              <button type="button" className="btn btn--danger" onClick={() => setBulk('exit')} disabled={busy || failures.journeys.length === 0}>
                Exit all journeys
              </button>
            </div>
          )}
          <table className="mon-table">
            <thead>
              <tr>
                <th>What failed</th>
                <th>Member</th>
                <th>Node</th>
                <th>Error</th>
                <th>When</th>
                {canAct && <th aria-label="Actions" />}
              </tr>
            </thead>
            <tbody>
              {failures.journeys.map((j) => (
                <tr key={j.id} data-testid="failure-row">
                  <td>Journey step</td>
                  <td>
                    <RouteLink to={memberPath(j.memberId)}>{j.memberId}</RouteLink>
                  </td>
                  <td>{nodeLabel(j.node)}</td>
                  <td className="mon-table__error">{j.error ?? '—'}</td>
                  <td className="muted">{formatDateTime(j.failedAt)}</td>
                  {canAct && (
                    <td className="mon-table__actions">
                      <button type="button" className="btn btn--small" disabled={busy} onClick={() => void act('retry', { journeyIds: [j.id] })}>
                        Retry
                      </button>
                      <button type="button" className="btn btn--small btn--danger" disabled={busy} onClick={() => void act('exit', { journeyIds: [j.id] })}>
                        Exit
                      </button>
                    </td>
                  )}
                </tr>
              ))}
              {failures.effects.map((f) => (
                <tr key={f.key} data-testid="failure-row">
                  <td>
                    Delivery <span className="muted">({f.kind}, {f.attempts} attempts)</span>
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
                        Retry
                      </button>
                      <button type="button" className="btn btn--small" disabled={busy} onClick={() => void act('skip', { effectKeys: [f.key] })}>
                        Skip
                      </button>
                    </td>
                  )}
                </tr>
              ))}
              {failures.stuck.map((f) => (
                <tr key={f.key} data-testid="stuck-row">
                  <td>
                    Delivery still pending <span className="muted">({f.kind}, {f.attempts} attempts; retried by the sweep)</span>
                  </td>
                  <td>
                    <RouteLink to={memberPath(f.memberId)}>{f.memberId}</RouteLink>
                  </td>
                  <td>{nodeLabel(f.node)}</td>
                  <td className="mon-table__error">{f.error ?? 'not sent yet'}</td>
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
          title={`${bulk === 'retry' ? 'Retry' : bulk === 'skip' ? 'Skip' : 'Exit'} all failures?`}
          confirmLabel={bulk === 'retry' ? 'Retry all' : bulk === 'skip' ? 'Skip all' : 'Exit all'}
          danger={bulk !== 'retry'}
          busy={busy}
          error={error}
          onConfirm={() => void act(bulk, { all: true })}
          onCancel={() => {
            setBulk(null);
            setError(null);
          }}
        >
          <p>{bulkText[bulk](failures)}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
