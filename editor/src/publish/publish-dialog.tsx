import type { EntryChoice } from '@memberflow/shared/api/workflows';
import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { asksWhoEnters, entryModeOf } from '@memberflow/shared/entry-mode';
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../api/http.ts';
import { getWorkflowStats, getWorkflowVersion } from '../api/workflows-api.ts';
import { localFieldLabels } from '../nodes/local-field-labels.ts';
import { kindTitle, useT } from '../i18n/i18n.ts';
import { XIcon } from '../ui/icons.tsx';
import { diffDefinitions, fieldValues, isEmptyDiff, type NodeRef } from './definition-diff.ts';
import { canGoLive, entryToSend, triggerEventType } from './entry-choice.ts';
import { EntryEstimateView } from './entry-estimate-view.tsx';
import { useEntryEstimate } from './use-entry-estimate.ts';
import '../styles/list-page.css';
import '../styles/publish.css';

interface PublishDialogProps {
  workflowId: string;
  liveVersion: number | null;
  draft: WorkflowDefinition;
  /** What the server holds as the draft, or null while the canvas has unsaved changes (the estimate waits for the save). */
  savedKey: string | null;
  /** `entry` only for time and segment triggers: who enters when it goes live. */
  onConfirm: (entry?: EntryChoice) => void;
  onClose: () => void;
}

type Live = { definition: WorkflowDefinition; members: number };

/** Confirms a publish with what changes for members: the diff from the live version and who is in it now. */
export function PublishDialog({ workflowId, liveVersion, draft, savedKey, onConfirm, onClose }: PublishDialogProps) {
  const t = useT();
  const mode = entryModeOf(draft)?.mode ?? null;
  const estimate = useEntryEstimate(workflowId, 'draft', savedKey);
  const [choice, setChoice] = useState<EntryChoice | null>(null);
  const [missingChoice, setMissingChoice] = useState(false);
  const confirm = () => (canGoLive(mode, choice) ? onConfirm(entryToSend(mode, choice)) : setMissingChoice(true));
  const [live, setLive] = useState<Live | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (liveVersion === null) return;
    const ctrl = new AbortController();
    Promise.all([getWorkflowVersion(workflowId, liveVersion, ctrl.signal), getWorkflowStats(workflowId, ctrl.signal)])
      .then(([v, stats]) => setLive({ definition: v.definition, members: stats.journeys.waiting + stats.journeys.active }))
      .catch((err: unknown) => !ctrl.signal.aborted && setError(errorMessage(err)));
    return () => ctrl.abort();
  }, [workflowId, liveVersion]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const diff = useMemo(() => (live ? diffDefinitions(live.definition, draft) : null), [live, draft]);
  const next = (liveVersion ?? 0) + 1;
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const n of [...(live?.definition.nodes ?? []), ...draft.nodes]) m.set(n.id, n.label || kindTitle(t, n.kind));
    return m;
  }, [live, draft, t]);
  const nodeName = (n: NodeRef) => `${n.label || kindTitle(t, n.kind)} (${kindTitle(t, n.kind)})`;
  const fieldName = (kind: NodeRef['kind'], field: string) => {
    if (!field.startsWith('config.')) return t(`diff.field.${field}` as 'diff.field.label');
    const key = field.slice('config.'.length);
    return (localFieldLabels(kind, t)[key] ?? key).toLowerCase();
  };

  // Settings by the names the settings panel gives them, not their keys.
  const settingLabels: Record<string, string> = {
    entry: t('settings.entryLabel'),
    cooldownDays: t('settings.cooldownDays'),
    holdoutPercent: t('settings.holdout'),
    exitOnGoal: t('settings.goals'),
    conversion: t('settings.conversionEvent'),
    quietHours: t('settings.quietHours'),
    window: t('settings.windowTitle'),
  };
  const settingName = (key: string) => settingLabels[key] ?? key;
  const change = (nodeId: string | null, field: string) => {
    const v = fieldValues(live!.definition, draft, nodeId, field, t);
    return `${v.before} → ${v.after}`;
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog publish-dialog" role="dialog" aria-modal="true" aria-labelledby="publish-title" data-testid="publish-dialog">
        <div className="dialog__head">
          <h2 id="publish-title">{t('publish.title', { version: next })}</h2>
          <button className="btn btn--ghost" type="button" onClick={onClose} aria-label={t('diff.close')}>
            <XIcon size={14} />
          </button>
        </div>
        <div className="publish-dialog__body">
          {liveVersion === null ? (
            <p>{t(asksWhoEnters(mode) ? 'publish.firstAsks' : 'publish.firstOnEvent')}</p>
          ) : error ? (
            <div className="banner banner--error" role="alert">
              {t('diff.loadFailed', { error })}
            </div>
          ) : !live || !diff ? (
            <p className="muted">{t('diff.comparing')}</p>
          ) : (
            <>
              <p data-testid="publish-members">
                <strong>{live.members.toLocaleString()}</strong>{' '}
                {t(live.members === 1 ? 'diff.membersInOne' : 'diff.membersIn', { version: liveVersion, next })}
              </p>
              {isEmptyDiff(diff) ? (
                <p className="muted" data-testid="publish-diff-empty">
                  {t('diff.none', { version: liveVersion })}
                </p>
              ) : (
                <div className="publish-diff" data-testid="publish-diff">
                  <h3>{t('diff.title', { version: liveVersion })}</h3>
                  <ul>
                    {diff.addedNodes.map((n) => (
                      <li key={`a-${n.id}`} className="publish-diff__added" data-testid="diff-added">
                        <span className="publish-diff__tag">{t('diff.added')}</span> {nodeName(n)}
                      </li>
                    ))}
                    {diff.removedNodes.map((n) => (
                      <li key={`r-${n.id}`} className="publish-diff__removed" data-testid="diff-removed">
                        <span className="publish-diff__tag">{t('diff.removed')}</span> {nodeName(n)}
                      </li>
                    ))}
                    {diff.changedNodes.map((n) => (
                      <li key={`c-${n.id}`} className="publish-diff__changed" data-testid="diff-changed">
                        <span className="publish-diff__tag">{t('diff.changed')}</span> {nodeName(n)}:{' '}
                        {n.fields.map((f) => `${fieldName(n.kind, f)} ${change(n.id, f)}`).join('; ')}
                      </li>
                    ))}
                    {diff.addedEdges.map((e) => (
                      <li key={`ae-${e.id}`} className="publish-diff__added" data-testid="diff-edge-added">
                        <span className="publish-diff__tag">{t('diff.connected')}</span> {names.get(e.source)} → {names.get(e.target)}
                      </li>
                    ))}
                    {diff.removedEdges.map((e) => (
                      <li key={`re-${e.id}`} className="publish-diff__removed" data-testid="diff-edge-removed">
                        <span className="publish-diff__tag">{t('diff.disconnected')}</span> {names.get(e.source)} → {names.get(e.target)}
                      </li>
                    ))}
                    {diff.settings.length > 0 && (
                      <li className="publish-diff__changed" data-testid="diff-settings">
                        <span className="publish-diff__tag">{t('diff.settings')}</span> {diff.settings.map((k) => `${settingName(k)} ${change(null, k)}`).join('; ')}
                      </li>
                    )}
                  </ul>
                </div>
              )}
            </>
          )}
          <EntryEstimateView mode={mode} state={estimate} choice={choice} onChoose={setChoice} eventType={triggerEventType(draft)} missingChoice={missingChoice} />
        </div>
        <div className="dialog__actions">
          <button className="btn" type="button" onClick={onClose}>
            {t('publish.cancel')}
          </button>
          <button className="btn btn--primary" type="button" onClick={confirm} data-testid="publish-confirm" autoFocus>
            {t('publish.confirm', { version: next })}
          </button>
        </div>
      </div>
    </div>
  );
}
