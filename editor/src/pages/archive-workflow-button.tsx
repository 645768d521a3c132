import { useState, type MouseEvent } from 'react';
import { errorMessage } from '../api/http.ts';
import { useT } from '../i18n/i18n.ts';
import { ConfirmDialog } from '../monitoring/confirm-dialog.tsx';

interface Props {
  name: string;
  archive: () => Promise<unknown>;
  onDone: () => void;
}

/** Archive asks in the app's own dialog (the browser's confirm box cannot be styled, translated or tested). */
export function ArchiveWorkflowButton({ name, archive, onDone }: Props) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The row around this opens the canvas on click: nothing here may reach it.
  const keep = (e: MouseEvent) => e.stopPropagation();
  const confirm = async () => {
    setBusy(true);
    try {
      await archive();
      setAsking(false);
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span onClick={keep}>
      <button type="button" className="link-button" data-testid="archive-workflow" onClick={(e) => (e.preventDefault(), setAsking(true))}>
        {t('list.archive')}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('list.archiveTitle')}
          confirmLabel={t('list.archive')}
          danger
          busy={busy}
          error={error}
          onConfirm={() => void confirm()}
          onCancel={() => (setAsking(false), setError(null))}
        >
          <p>{t('list.archiveConfirm', { name })}</p>
        </ConfirmDialog>
      )}
    </span>
  );
}
