import type { Segment } from '@memberflow/shared/api/segments';
import { useState } from 'react';
import { useIssueText } from '../back-office/issue-text.ts';
import { useT } from '../i18n/i18n.ts';
import { ConditionBuilder } from '../inspector/condition/condition-builder.tsx';
import { TextField } from '../inspector/fields/text-field.tsx';
import { ConfirmDialog } from '../monitoring/confirm-dialog.tsx';
import { LiveCountPanel } from './live-count-panel.tsx';
import { keyFromName, segmentIssue, type SegmentDraft } from './segment-draft.ts';
import { useLiveCount } from './use-live-count.ts';
import { useSegmentSave } from './use-segment-save.ts';

interface SegmentEditorProps {
  /** The saved segment being changed, or null for a new one. */
  saved: Segment | null;
  initial: SegmentDraft;
  onSaved: (s: Segment, note: string) => void;
  onDeleted: (key: string) => void;
}

/** Marketers' form: name, key, the canvas' condition builder with a live count, save (which also counts). */
export function SegmentEditor({ saved, initial, onSaved, onDeleted }: SegmentEditorProps) {
  const t = useT();
  const issueText = useIssueText();
  const [draft, setDraft] = useState(initial);
  const [keyTouched, setKeyTouched] = useState(saved !== null);
  const { busy, problem, fieldErrors, conditionErrors: saveConditionErrors, save, remove } = useSegmentSave(saved, onSaved, onDeleted);
  const [confirming, setConfirming] = useState(false);
  const live = useLiveCount(draft.condition, true);
  const conditionErrors = live.status === 'invalid' ? live.issues : saveConditionErrors;
  const set = (patch: Partial<SegmentDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const err = (field: string) => (fieldErrors[field] ? (segmentIssue(t, fieldErrors[field]) ?? issueText(fieldErrors[field])) : null);

  return (
    <div className="ins-editor" data-testid="segment-editor">
      <section className="panel card">
        <div className="panel__head">
          <h2>{saved ? saved.name : t('segments.new')}</h2>
        </div>
        <div className="panel__body ins-form">
          <TextField
            id="segment-name"
            label={t('segments.name')}
            value={draft.name}
            maxLength={120}
            error={err('name')}
            onChange={(name) => set(keyTouched ? { name } : { name, key: keyFromName(name) })}
          />
          {saved ? (
            <div className="field">
              <span className="field__label">{t('segments.key')}</span>
              <code className="ins-rule" data-testid="segment-key">
                {saved.key}
              </code>
              <p className="field__hint">{t('segments.keyFixed')}</p>
            </div>
          ) : (
            <TextField
              id="segment-key"
              label={t('segments.key')}
              hint={t('segments.keyHint')}
              value={draft.key}
              maxLength={64}
              error={err('key')}
              onChange={(key) => {
                setKeyTouched(true);
                set({ key });
              }}
            />
          )}
          <TextField id="segment-description" label={t('segments.description')} value={draft.description} maxLength={2000} multiline error={err('description')} onChange={(description) => set({ description })} />
          <div className="field">
            <span className="field__label">{t('segments.condition')}</span>
            <p className="field__hint">{t('segments.conditionHint')}</p>
            <ConditionBuilder id="segment-condition" value={draft.condition} errors={conditionErrors} onChange={(condition) => set({ condition })} emptyText={t('segments.everyone')} />
          </div>
          {problem && (
            <p className="field__error" role="alert" data-testid="segment-problem">
              {problem}
            </p>
          )}
          <div className="ins-form__actions">
            <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void save(draft)} data-testid="segment-save">
              {busy ? t('segments.saving') : saved ? t('segments.saveChanges') : t('segments.create')}
            </button>
            {saved && (
              <button type="button" className="btn btn--ghost" onClick={() => setConfirming(true)} data-testid="segment-delete">
                {t('segments.delete')}
              </button>
            )}
          </div>
        </div>
      </section>
      <LiveCountPanel live={live} condition={draft.condition} />
      {confirming && saved && (
        <ConfirmDialog
          title={t('segments.deleteTitle', { name: saved.name })}
          confirmLabel={t('segments.delete')}
          danger
          busy={busy}
          error={problem}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('segments.deleteConfirm', { name: saved.name })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
