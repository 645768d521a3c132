import type { WorkflowSummary } from '@memberflow/shared/api/workflows';
import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import { errorMessage } from '../api/http.ts';
import { listWorkflows } from '../api/workflows-api.ts';
import { navigate } from '../routing/navigation.ts';
import { dashboardPath, workflowPath } from '../routing/routes.ts';
import { formatDateTime } from '../ui/format-date.ts';
import { PlusIcon } from '../ui/icons.tsx';
import { StatusBadge } from '../ui/status-badge.tsx';
import { NewWorkflowDialog } from './new-workflow-dialog.tsx';
import '../styles/list-page.css';

// Journey counts move while members flow through live workflows.
const REFRESH_MS = 5000;

export function WorkflowListPage() {
  const [workflows, setWorkflows] = useState<WorkflowSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

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
  }, [load]);

  return (
    <div className="list-page">
      <div className="list-page__head">
        <div>
          <h1>Workflows</h1>
          <p className="muted">Retention journeys that run for your members. Open one to edit it on the canvas.</p>
        </div>
        <button className="btn btn--primary" type="button" onClick={() => setCreating(true)}>
          <PlusIcon size={15} /> New workflow
        </button>
      </div>

      {error && (
        <div className="banner banner--error" role="alert">
          Could not load workflows. {error}
          <button className="btn" type="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      )}

      <div className="card">
        <table className="wf-table" data-testid="workflow-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Status</th>
              <th>Live version</th>
              <th className="num">Waiting</th>
              <th className="num">Converted</th>
              <th className="num">Completed</th>
              <th>Last updated</th>
            </tr>
          </thead>
          <tbody>
            {workflows === null && !error && (
              <tr>
                <td colSpan={7} className="wf-table__empty">
                  Loading workflows…
                </td>
              </tr>
            )}
            {workflows?.length === 0 && (
              <tr>
                <td colSpan={7} className="wf-table__empty">
                  No workflows yet. Create one from a template to get started.
                </td>
              </tr>
            )}
            {workflows?.map((w) => (
              <WorkflowRow key={w.id} workflow={w} />
            ))}
          </tbody>
        </table>
      </div>

      {creating && <NewWorkflowDialog onClose={() => setCreating(false)} />}
    </div>
  );
}

function WorkflowRow({ workflow: w }: { workflow: WorkflowSummary }) {
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
            Dashboard
          </a>
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
