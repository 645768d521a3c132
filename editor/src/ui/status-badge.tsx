import type { WorkflowStatus } from '@memberflow/shared/api/workflows';

const labels = {
  draft: 'Draft',
  active: 'Active',
  paused: 'Paused',
  stopped: 'Stopped',
  archived: 'Archived',
} satisfies Record<WorkflowStatus, string>;

export function StatusBadge({ status }: { status: WorkflowStatus }) {
  return (
    <span className={`status-badge status-badge--${status}`} data-testid="status-badge">
      {labels[status]}
    </span>
  );
}
