import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/i18n.ts';

interface Props {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  /** The confirm button waits (e.g. for what the dialog still has to load); Cancel stays available. */
  confirmDisabled?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A modal yes/no for actions that change running journeys; Escape or the backdrop cancels. */
export function ConfirmDialog({ title, children, confirmLabel, danger, busy, confirmDisabled, error, onConfirm, onCancel }: Props) {
  const t = useT();
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Focus the safe choice first: Enter on a stray key press should not stop a workflow.
    cancelRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onCancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && !busy && onCancel()}>
      <div className="dialog confirm-dialog" role="alertdialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} data-testid="confirm-dialog">
        <div className="dialog__head">
          <h2 id={`${id}-title`}>{title}</h2>
        </div>
        <div id={`${id}-body`} className="confirm-dialog__body">
          {children}
        </div>
        {error && (
          <div className="banner banner--error" role="alert">
            {error}
          </div>
        )}
        <div className="dialog__actions">
          <button ref={cancelRef} className="btn" type="button" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button className={`btn ${danger ? 'btn--danger-solid' : 'btn--primary'}`} type="button" onClick={onConfirm} disabled={busy || confirmDisabled} data-testid="confirm-button">
            {busy ? t('common.working') : confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
