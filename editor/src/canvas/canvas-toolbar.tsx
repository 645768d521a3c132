import type { ReactNode } from 'react';
import type { WorkflowDetail } from '@memberflow/shared/api/workflows';
import { ArrowLeftIcon, FlaskIcon, HistoryIcon, PlayIcon } from '../ui/icons.tsx';
import { useT } from '../i18n/i18n.ts';
import { ReadOnlyBadge } from '../ui/read-only-badge.tsx';
import { StatusBadge } from '../ui/status-badge.tsx';

interface CanvasToolbarProps {
  detail: WorkflowDetail;
  /** False for analysts: no save, publish or backtest, and a read-only badge instead of the save state. */
  canEdit: boolean;
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
  const t = useT();
  const saveState =
    p.busy === 'saving'
      ? t('toolbar.saving')
      : p.busy === 'publishing'
        ? t('toolbar.publishing')
        : !p.dirty
          ? t('toolbar.allSaved')
          : p.saveable
            ? t('toolbar.unsaved')
            : t('toolbar.notSaveable');
  const publishTitle = p.problemCount > 0 ? t('toolbar.fixProblems', { count: p.problemCount }) : t('toolbar.publishTitle');
  return (
    <div className="canvas-toolbar">
      <button
        type="button"
        className="btn btn--ghost"
        onClick={p.onBack}
        aria-label={t('toolbar.back')}
        title={t('toolbar.back')}
      >
        <ArrowLeftIcon size={16} />
      </button>
      <div className="canvas-toolbar__title">
        <h1 className="canvas-toolbar__name" data-testid="workflow-name">
          {p.name.trim() || t('toolbar.untitled')}
        </h1>
        <StatusBadge status={p.detail.status} />
        <span className="canvas-toolbar__version">
          {p.detail.liveVersion === null ? t('toolbar.notPublished') : t('toolbar.live', { version: p.detail.liveVersion })}
        </span>
      </div>
      <div className="canvas-toolbar__spacer" />
      <div className="canvas-toolbar__status" aria-live="polite">
        {p.actionError ? (
          <span className="canvas-toolbar__error" role="alert" data-testid="action-error">
            {p.actionError}
          </span>
        ) : !p.canEdit ? (
          <ReadOnlyBadge />
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
      {p.canEdit && (
        <PanelToggle active={p.backtestOpen} onClick={p.onBacktest} title={t('toolbar.backtestTitle')} testId="backtest">
          <FlaskIcon size={13} /> {t('toolbar.backtest')}
        </PanelToggle>
      )}
      <PanelToggle active={p.historyOpen} onClick={p.onHistory} title={t('toolbar.historyTitle')} testId="history">
        <HistoryIcon size={13} /> {t('toolbar.history')}
      </PanelToggle>
      <PanelToggle active={p.simulating} onClick={p.onSimulate} title={t('toolbar.simulateTitle')} testId="simulate">
        <PlayIcon size={13} /> {p.simulating ? t('toolbar.closeSimulation') : t('toolbar.simulate')}
      </PanelToggle>
      {p.canEdit && (
        <>
          <button
            type="button"
            className="btn"
            onClick={p.onSave}
            disabled={!p.canSave}
            title={t('toolbar.saveTitle')}
            data-testid="save-draft"
          >
            {p.busy === 'saving' ? t('toolbar.saving') : t('toolbar.saveDraft')}
          </button>
          <button
            type="button"
            className="btn btn--primary"
            onClick={p.onPublish}
            disabled={!p.canPublish}
            title={publishTitle}
            data-testid="publish"
          >
            {p.busy === 'publishing' ? t('toolbar.publishing') : t('toolbar.publish')}
          </button>
        </>
      )}
    </div>
  );
}

/** A toolbar button that opens and closes a side panel, pressed while the panel is open. */
function PanelToggle(props: { active: boolean; onClick: () => void; title: string; testId: string; children: ReactNode }) {
  return (
    <button
      type="button"
      className={`btn${props.active ? ' btn--active' : ''}`}
      onClick={props.onClick}
      aria-pressed={props.active}
      title={props.title}
      data-testid={props.testId}
    >
      {props.children}
    </button>
  );
}
