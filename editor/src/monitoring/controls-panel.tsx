import type { EntryChoice, JourneyCounts, WorkflowStatus } from '@memberflow/shared/api/workflows';
import { useCallback, useState } from 'react';
import { errorMessage } from '../api/http.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { localizedError } from '../publish/entry-choice.ts';
import { ResumeDialog } from '../publish/resume-dialog.tsx';
import { useSession } from '../auth/session-context.ts';
import { useT } from '../i18n/i18n.ts';
import { controlWorkflow } from './monitoring-api.ts';
import type { ControlAction } from './monitoring-types.ts';

// Mirrors the runtime's rules (workflow-control.ts) so only possible actions are offered.
const allowed: Record<ControlAction, WorkflowStatus[]> = { pause: ['active'], resume: ['paused'], stop: ['active', 'paused'] };
const labels: Record<ControlAction, string> = { pause: 'Pause', resume: 'Resume', stop: 'Stop' };

const plural = (n: number, one: string) => `${n.toLocaleString()} ${one}${n === 1 ? '' : 's'}`;

/** What the admin is about to do, in words, before doing it. */
export function consequence(action: ControlAction, journeys: JourneyCounts): string {
  const inFlow = journeys.active + journeys.waiting;
  if (action === 'pause') return `No new members will enter. ${plural(inFlow, 'member')} in the workflow will hold where they are; their waits resume when you resume it.`;
  if (action === 'resume') return 'New members can enter again, and held members continue; waits that came due while paused fire now.';
  return `Stop exits ${plural(inFlow, 'member')} now and no new member can enter. A stopped workflow cannot be resumed; publish it again to restart.`;
}

export function ControlsPanel({ workflowId, status, journeys, onDone }: { workflowId: string; status: WorkflowStatus; journeys: JourneyCounts; onDone: () => void }) {
  const t = useT();
  const { user } = useSession();
  const [pending, setPending] = useState<ControlAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancel = useCallback(() => {
    setPending(null);
    setError(null);
  }, []);
  const run = async (entry?: EntryChoice) => {
    if (!pending) return;
    setBusy(true);
    try {
      await controlWorkflow(workflowId, pending, entry ? { entry } : {});
      setPending(null);
      setError(null);
      onDone();
    } catch (err) {
      setError(pending === 'resume' ? t('controls.resumeFailed', { error: localizedError(t, err) }) : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="controls" data-testid="controls">
      {(['pause', 'resume', 'stop'] as const)
        .filter((a) => allowed[a].includes(status))
        .map((a) => (
          <button key={a} type="button" className={`btn ${a === 'stop' ? 'btn--danger' : ''}`} onClick={() => setPending(a)} data-testid={`control-${a}`}>
            {labels[a]}
          </button>
        ))}
      {pending === 'resume' && (
        <ResumeDialog workflowId={workflowId} busy={busy} error={error} onConfirm={(entry) => void run(entry)} onCancel={cancel}>
          <p className="muted">{t('controls.auditedAs', { name: user.name })}</p>
        </ResumeDialog>
      )}
      {pending && pending !== 'resume' && (
        <ConfirmDialog
          title={`${labels[pending]} this workflow?`}
          confirmLabel={pending === 'stop' ? `Stop and exit ${plural(journeys.active + journeys.waiting, 'member')}` : labels[pending]}
          danger={pending === 'stop'}
          busy={busy}
          error={error}
          onConfirm={() => void run()}
          onCancel={cancel}
        >
          <p>{consequence(pending, journeys)}</p>
          <p className="muted">{t('controls.auditedAs', { name: user.name })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
