import { describeCondition, type ConditionGroup } from '@memberflow/shared/condition';
import type { Segment } from '@memberflow/shared/api/segments';
import { rfmGroups } from '@memberflow/shared/rfm';
import { useState } from 'react';
import { useCan } from '../auth/session-context.ts';
import { BackOfficeHead } from '../back-office/back-office-head.tsx';
import { useT } from '../i18n/i18n.ts';
import { segmentsApi } from '../insights/insights-api.ts';
import { matchLines } from '../insights/match-lines.ts';
import { useRfmGroupName } from '../insights/rfm-group-name.ts';
import { draftOf, newSegmentDraft, rfmGroupParam } from '../insights/segment-draft.ts';
import { SegmentEditor } from '../insights/segment-editor.tsx';
import { SegmentList } from '../insights/segment-list.tsx';
import { SegmentMembersPanel } from '../insights/segment-members-panel.tsx';
import { Panel } from '../monitoring/panel.tsx';
import { usePolling } from '../monitoring/use-polling.ts';
import '../styles/monitoring.css';
import '../styles/inspector.css';
import '../styles/back-office.css';
import '../styles/insights.css';

/** /segments: saved segments, built with the canvas' condition builder and counted live as they are edited. */
export function SegmentsPage() {
  const t = useT();
  const canEdit = useCan('edit');
  const list = usePolling((s) => segmentsApi.list(s), 0, []);
  const groupName = useRfmGroupName();
  // Sent from the RFM page to save a group as a segment: start a new one from it.
  const [fromRfm] = useState(() => rfmGroupParam(window.location.search, rfmGroups));
  const [selected, setSelected] = useState<string | 'new' | null>(fromRfm && canEdit ? 'new' : null);
  const [notice, setNotice] = useState<string | null>(null);
  // Remounts the editor when another segment is picked, so its form starts from what is stored.
  const [version, setVersion] = useState(0);
  // What a save answered, until the reloaded list has it: the editor stays mounted in between.
  const [justSaved, setJustSaved] = useState<Segment | null>(null);
  const segments = list.data ?? null;
  const current = segments?.find((s) => s.key === selected) ?? (justSaved?.key === selected ? justSaved : null);
  const shown = selected === 'new' ? null : (current ?? (canEdit ? null : (segments?.[0] ?? null)));

  const select = (key: string | 'new') => {
    setSelected(key);
    setNotice(null);
    setVersion((v) => v + 1);
  };
  // The editor stays mounted across a save: its form already holds what was stored, and its live count stays on screen.
  const onSaved = (s: Segment, note: string) => {
    // Saved: a reload shows the segment, not another new one from the RFM group.
    if (window.location.search) window.history.replaceState(null, '', '/segments');
    setNotice(note);
    setJustSaved(s);
    setSelected(s.key);
    list.reload();
  };

  return (
    <div className="mon-page ins-page" data-testid="segments-page">
      <BackOfficeHead
        title={t('segments.title')}
        intro={t('segments.intro')}
        notice={notice}
        action={
          <button type="button" className="btn btn--primary" onClick={() => select('new')} data-testid="segment-new">
            {t('segments.new')}
          </button>
        }
      />
      <div className="ins-segments">
        <SegmentList segments={segments} selected={shown?.key ?? null} onSelect={select} error={list.error} />
        <div className="ins-segments__main">
          {canEdit && (selected === 'new' || current) ? (
            <SegmentEditor
              key={version}
              saved={current}
              initial={current ? draftOf(current) : newSegmentDraft(fromRfm && version === 0 ? { group: fromRfm, name: groupName(fromRfm) } : undefined)}
              onSaved={onSaved}
              onDeleted={() => {
                setSelected(null);
                list.reload();
              }}
            />
          ) : shown ? (
            <SegmentSummary segment={shown} />
          ) : (
            <p className="muted ins-empty">{canEdit ? t('segments.pick') : t('segments.none')}</p>
          )}
          {shown && <SegmentMembersPanel key={shown.key} segment={shown} />}
        </div>
      </div>
    </div>
  );
}

/** What an analyst sees of a segment: its rules in the user's words (nested groups as the runner writes them), no controls. */
function SegmentSummary({ segment }: { segment: Segment }) {
  const t = useT();
  const groupName = useRfmGroupName();
  const condition = segment.condition as ConditionGroup;
  const show = (field: string, v: unknown) => (field === 'member.rfm.segment' && typeof v === 'string' ? groupName(v) : Array.isArray(v) ? v.join(', ') : String(v));
  const lines = matchLines(condition, {}, t, show);
  const joiner = condition.combinator === 'and' ? t('condition.and') : t('condition.or');
  return (
    <Panel title={segment.name} testId="segment-summary">
      {segment.description && <p>{segment.description}</p>}
      <p className="field__label">{t('segments.condition')}</p>
      <p className="ins-rule" data-testid="segment-rule">
        {lines ? (lines.length ? lines.map((l) => l.rule).join(` ${joiner} `) : t('condition.empty')) : describeCondition(condition)}
      </p>
    </Panel>
  );
}
