import type { EntryChoice, JourneyCounts, WorkflowStatus } from '@memberflow/shared/api/workflows';
import { useCallback, useState } from 'react';
import { errorMessage } from '../api/http.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { localizedError } from '../publish/entry-choice.ts';
import { ResumeDialog } from '../publish/resume-dialog.tsx';
import { useSession } from '../auth/session-context.ts';
import { useT, type Translate } from '../i18n/i18n.ts';
import { controlWorkflow } from './monitoring-api.ts';
import type { ControlAction } from './monitoring-types.ts';

// Mirrors the runtime's rules (workflow-control.ts) so only possible actions are offered.
const allowed: Record<ControlAction, WorkflowStatus[]> = { pause: ['active'], resume: ['paused'], stop: ['active', 'paused'] };
/** What the admin is about to do, in words, before doing it. */
export function consequence(action: ControlAction, journeys: JourneyCounts, t: Translate): string {
  return t(`controls.consequence.${action}`, { count: (journeys.active + journeys.waiting).toLocaleString() });
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
            {t(`controls.action.${a}`)}
          </button>
        ))}
      {pending === 'resume' && (
        <ResumeDialog workflowId={workflowId} busy={busy} error={error} onConfirm={(entry) => void run(entry)} onCancel={cancel}>
          <p className="muted">{t('controls.auditedAs', { name: user.name })}</p>
        </ResumeDialog>
      )}
      {pending && pending !== 'resume' && (
        <ConfirmDialog
          title={t(`controls.confirmTitle.${pending}`)}
          confirmLabel={pending === 'stop' ? t('controls.stopAndExit', { count: (journeys.active + journeys.waiting).toLocaleString() }) : t(`controls.action.${pending}`)}
          danger={pending === 'stop'}
          busy={busy}
          error={error}
          onConfirm={() => void run()}
          onCancel={cancel}
        >
          <p>{consequence(pending, journeys, t)}</p>
          <p className="muted">{t('controls.auditedAs', { name: user.name })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
