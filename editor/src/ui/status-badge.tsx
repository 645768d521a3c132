import type { WorkflowStatus } from '@memberflow/shared/api/workflows';
import { useT } from '../i18n/i18n.ts';

export function StatusBadge({ status }: { status: WorkflowStatus }) {
  const t = useT();
  return (
    <span className={`status-badge status-badge--${status}`} data-testid="status-badge">
      {t(`status.${status}`)}
    </span>
  );
}
