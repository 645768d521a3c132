import type { WorkflowDetail } from '@memberflow/shared/api/workflows';
import { ArrowLeftIcon, FlaskIcon, HistoryIcon, PlayIcon } from '../ui/icons.tsx';
import { StatusBadge } from '../ui/status-badge.tsx';

interface CanvasToolbarProps {
  detail: WorkflowDetail;
  name: string;
  dirty: boolean;
  /** False while the draft is malformed (e.g. an emptied number): autosave waits for a fix. */
  saveable: boolean;
  busy: 'saving' | 'publishing' | null;
  notice: string | null;
  actionError: string | null;
  problemCount: number;
  canSave: boolean;
  canPublish: boolean;
  onBack: () => void;
  onSave: () => void;
  onPublish: () => void;
  simulating: boolean;
  onSimulate: () => void;
  backtestOpen: boolean;
  onBacktest: () => void;
  historyOpen: boolean;
  onHistory: () => void;
}

export function CanvasToolbar(p: CanvasToolbarProps) {
  const saveState =
    p.busy === 'saving'
      ? 'Saving…'
      : p.busy === 'publishing'
        ? 'Publishing…'
        : !p.dirty
          ? 'All changes saved'
          : p.saveable
            ? 'Unsaved changes'
            : 'Not saved: fix the fields marked in red';
  const publishTitle =
    p.problemCount > 0
      ? `Fix ${p.problemCount} problem${p.problemCount > 1 ? 's' : ''} before publishing`
      : 'Review the changes, then release the draft as a new live version';
  return (
    <div className="canvas-toolbar">
      <button
        type="button"
        className="btn btn--ghost"
        onClick={p.onBack}
        aria-label="Back to workflows"
        title="Back to workflows"
      >
        <ArrowLeftIcon size={16} />
      </button>
      <div className="canvas-toolbar__title">
        <h1 className="canvas-toolbar__name" data-testid="workflow-name">
          {p.name.trim() || 'Untitled workflow'}
        </h1>
        <StatusBadge status={p.detail.status} />
        <span className="canvas-toolbar__version">
          {p.detail.liveVersion === null ? 'Not published yet' : `Live: version ${p.detail.liveVersion}`}
        </span>
      </div>
      <div className="canvas-toolbar__spacer" />
      <div className="canvas-toolbar__status" aria-live="polite">
        {p.actionError ? (
          <span className="canvas-toolbar__error" role="alert" data-testid="action-error">
            {p.actionError}
          </span>
        ) : p.notice ? (
          <span className="canvas-toolbar__notice" data-testid="notice">
            {p.notice}
          </span>
        ) : (
          <span className={p.dirty ? 'canvas-toolbar__dirty' : 'muted'} data-testid="save-state">
            {saveState}
          </span>
        )}
      </div>
      <button
        type="button"
        className={`btn${p.backtestOpen ? ' btn--active' : ''}`}
        onClick={p.onBacktest}
        aria-pressed={p.backtestOpen}
        title="Replay the saved draft over the last N days of stored events"
        data-testid="backtest"
      >
        <FlaskIcon size={13} /> Backtest
      </button>
      <button
        type="button"
        className={`btn${p.historyOpen ? ' btn--active' : ''}`}
        onClick={p.onHistory}
        aria-pressed={p.historyOpen}
        title="Published versions; view one read-only"
        data-testid="history"
      >
        <HistoryIcon size={13} /> History
      </button>
      <button
        type="button"
        className={`btn${p.simulating ? ' btn--active' : ''}`}
        onClick={p.onSimulate}
        aria-pressed={p.simulating}
        title="Walk a test member through the current draft"
        data-testid="simulate"
      >
        <PlayIcon size={13} /> {p.simulating ? 'Close simulation' : 'Simulate'}
      </button>
      <button
        type="button"
        className="btn"
        onClick={p.onSave}
        disabled={!p.canSave}
        title="Save the draft (Ctrl+S)"
        data-testid="save-draft"
      >
        {p.busy === 'saving' ? 'Saving…' : 'Save draft'}
      </button>
      <button
        type="button"
        className="btn btn--primary"
        onClick={p.onPublish}
        disabled={!p.canPublish}
        title={publishTitle}
        data-testid="publish"
      >
        {p.busy === 'publishing' ? 'Publishing…' : 'Publish'}
      </button>
    </div>
  );
}
