import type { WorkflowSummary } from '@memberflow/shared/api/workflows';
import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import { errorMessage } from '../api/http.ts';
import { archiveWorkflow, duplicateWorkflow, listWorkflows } from '../api/workflows-api.ts';
import { navigate } from '../routing/navigation.ts';
import { dashboardPath, workflowPath } from '../routing/routes.ts';
import { formatDateTime } from '../ui/format-date.ts';
import { PlusIcon, ZapIcon } from '../ui/icons.tsx';
import { StatusBadge } from '../ui/status-badge.tsx';
import { useT } from '../i18n/i18n.ts';
import { useSession } from '../auth/session-context.ts';
import { ReadOnlyBadge } from '../ui/read-only-badge.tsx';
import { ArchiveWorkflowButton } from './archive-workflow-button.tsx';
import { NewWorkflowDialog } from './new-workflow-dialog.tsx';
import '../styles/list-page.css';

// Journey counts move while members flow through live workflows.
const REFRESH_MS = 5000;

export function WorkflowListPage() {
  const [workflows, setWorkflows] = useState<WorkflowSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const t = useT();
  const session = useSession();
  const canEdit = session.can('edit');

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      setWorkflows(await listWorkflows(signal));
      setError(null);
    } catch (err) {
      if (!signal?.aborted) setError(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    const ctrl = new AbortController();
    void load(ctrl.signal);
    const timer = window.setInterval(() => void load(ctrl.signal), REFRESH_MS);
    return () => {
      ctrl.abort();
      window.clearInterval(timer);
    };
    // A new session (signed in again over an expired one) reloads at once rather than at the next tick.
  }, [load, session]);

  return (
    <div className="list-page">
      <div className="list-page__head">
        <div>
          <h1>{t('list.title')}</h1>
          <p className="muted">{t('list.intro')}</p>
        </div>
        {canEdit ? (
          <button className="btn btn--primary" type="button" onClick={() => setCreating(true)}>
            <PlusIcon size={15} /> {t('list.new')}
          </button>
        ) : (
          <ReadOnlyBadge />
        )}
      </div>

      {error && (
        <div className="banner banner--error" role="alert">
          {t('list.loadError')} {error}
          <button className="btn" type="button" onClick={() => void load()}>
            {t('list.retry')}
          </button>
        </div>
      )}

      {workflows?.length === 0 ? (
        <EmptyState onCreate={canEdit ? () => setCreating(true) : null} />
      ) : (
        <div className="card">
          <table className="wf-table" data-testid="workflow-table">
            <thead>
              <tr>
                <th>{t('list.col.name')}</th>
                <th>{t('list.col.status')}</th>
                <th>{t('list.col.liveVersion')}</th>
                <th className="num">{t('list.col.waiting')}</th>
                <th className="num">{t('list.col.converted')}</th>
                <th className="num">{t('list.col.completed')}</th>
                <th>{t('list.col.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {workflows === null && !error && (
                <tr>
                  <td colSpan={7} className="wf-table__empty">
                    {t('list.loading')}
                  </td>
                </tr>
              )}
              {workflows?.map((w) => (
                <WorkflowRow key={w.id} workflow={w} canEdit={canEdit} onChanged={() => void load()} onError={setError} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {creating && <NewWorkflowDialog onClose={() => setCreating(false)} />}
    </div>
  );
}

/** First run: one obvious way forward instead of an empty table. */
function EmptyState({ onCreate }: { onCreate: (() => void) | null }) {
  const t = useT();
  return (
    <div className="card list-empty" data-testid="workflow-empty">
      <span className="list-empty__icon" aria-hidden="true">
        <ZapIcon size={22} />
      </span>
      <h2>{t('list.empty.title')}</h2>
      <p className="muted">{onCreate ? t('list.empty.text') : t('list.empty.readOnly')}</p>
      {onCreate && (
        <button className="btn btn--primary" type="button" onClick={onCreate}>
          <PlusIcon size={15} /> {t('list.empty.action')}
        </button>
      )}
    </div>
  );
}

function WorkflowRow({
  workflow: w,
  canEdit,
  onChanged,
  onError,
}: {
  workflow: WorkflowSummary;
  canEdit: boolean;
  onChanged: () => void;
  onError: (m: string) => void;
}) {
  const t = useT();
  // Row actions sit inside the row, which itself opens the canvas: keep their clicks to themselves.
  const act = (fn: () => Promise<unknown>) => (e: MouseEvent) => {
    e.preventDefault();
    e.stopPropagation();
    fn().then(onChanged, (err) => onError(errorMessage(err)));
  };
  const open = (e: MouseEvent) => {
    e.preventDefault();
    navigate(workflowPath(w.id));
  };
  return (
    <tr className="wf-table__row" onClick={open} data-testid="workflow-row">
      <td>
        <a href={workflowPath(w.id)} onClick={open} className="wf-table__name">
          {w.name}
        </a>
        {w.description && <div className="wf-table__description">{w.description}</div>}
        {w.liveVersion !== null && (
          <a
            href={dashboardPath(w.id)}
            className="wf-table__dashboard"
            data-testid="dashboard-link"
            onClick={(e) => {
              // The row opens the canvas; this link opens the dashboard instead.
              e.preventDefault();
              e.stopPropagation();
              navigate(dashboardPath(w.id));
            }}
          >
            {t('list.dashboard')}
          </a>
        )}
        {canEdit && (
          <span className="wf-table__actions">
            <button type="button" className="link-button" data-testid="duplicate-workflow" onClick={act(() => duplicateWorkflow(w.id))}>
              {t('list.duplicate')}
            </button>
            {w.status !== 'active' && w.status !== 'paused' && <ArchiveWorkflowButton name={w.name} archive={() => archiveWorkflow(w.id)} onDone={onChanged} />}
          </span>
        )}
      </td>
      <td>
        <StatusBadge status={w.status} />
      </td>
      <td>{w.liveVersion === null ? <span className="muted">—</span> : `v${w.liveVersion}`}</td>
      <td className="num">{w.journeys.waiting.toLocaleString()}</td>
      <td className="num">{w.journeys.converted.toLocaleString()}</td>
      <td className="num">{w.journeys.completed.toLocaleString()}</td>
      <td className="muted">{formatDateTime(w.updatedAt)}</td>
    </tr>
  );
}
