import type { EntryChoice } from '@memberflow/shared/api/workflows';
import { useState, type ReactNode } from 'react';
import { useT } from '../i18n/i18n.ts';
import { ConfirmDialog } from '../monitoring/confirm-dialog.tsx';
import { canGoLive, entryToSend } from './entry-choice.ts';
import { EntryEstimateView } from './entry-estimate-view.tsx';
import { useEntryEstimate } from './use-entry-estimate.ts';

interface Props {
  workflowId: string;
  busy: boolean;
  error: string | null;
  onConfirm: (entry?: EntryChoice) => void;
  onCancel: () => void;
  children?: ReactNode;
}

/**
 * Resume asks what publish asks: for a time- or segment-triggered live version, whether members
 * who qualified while it was paused (or before) enter now, or only those who qualify from now on.
 */
export function ResumeDialog({ workflowId, busy, error, onConfirm, onCancel, children }: Props) {
  const t = useT();
  const estimate = useEntryEstimate(workflowId, 'live', 'live');
  const mode = estimate.status === 'ready' ? estimate.estimate.mode : null;
  const [choice, setChoice] = useState<EntryChoice | null>(null);
  const [missingChoice, setMissingChoice] = useState(false);
  // Until the estimate says which trigger this is, it is not known whether to ask: Resume waits for it.
  const confirm = () => (canGoLive(mode, choice) ? onConfirm(entryToSend(mode, choice)) : setMissingChoice(true));
  return (
    <ConfirmDialog title={t('controls.resumeTitle')} confirmLabel={t('controls.resume')} busy={busy} confirmDisabled={estimate.status === 'loading'} error={error} onConfirm={confirm} onCancel={onCancel}>
      <p>{t('controls.resumeText')}</p>
      <EntryEstimateView mode={mode} state={estimate} choice={choice} onChoose={setChoice} missingChoice={missingChoice} />
      {children}
    </ConfirmDialog>
  );
}
