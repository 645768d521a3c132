import { useT } from '../i18n/i18n.ts';
import { XIcon } from './icons.tsx';

/** A form dialog's title bar: the heading (`titleId` labels the dialog) and a close button. */
export function DialogHead({ titleId, title, onClose }: { titleId: string; title: string; onClose: () => void }) {
  const t = useT();
  return (
    <div className="dialog__head">
      <h2 id={titleId}>{title}</h2>
      <button className="btn btn--ghost" type="button" onClick={onClose} aria-label={t('common.close')}>
        <XIcon size={16} />
      </button>
    </div>
  );
}

interface DialogFooterProps {
  /** Shown above the buttons as an alert when set. */
  error: string | null;
  /** While true the submit button is disabled and shows `busyLabel`. */
  busy: boolean;
  submitLabel: string;
  /** Defaults to "Working…". */
  busyLabel?: string;
  onCancel: () => void;
  submitTestId?: string;
}

/** A form dialog's error banner, then Cancel and the primary submit button. */
export function DialogFooter({ error, busy, submitLabel, busyLabel, onCancel, submitTestId }: DialogFooterProps) {
  const t = useT();
  return (
    <>
      {error && (
        <div className="banner banner--error" role="alert">
          {error}
        </div>
      )}
      <div className="dialog__actions">
        <button className="btn" type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button className="btn btn--primary" type="submit" disabled={busy} data-testid={submitTestId}>
          {busy ? (busyLabel ?? t('common.working')) : submitLabel}
        </button>
      </div>
    </>
  );
}
