import type { Segment } from '@memberflow/shared/api/segments';
import { useLocaleFormat } from '../back-office/locale-format.ts';
import { useT } from '../i18n/i18n.ts';

interface SegmentListProps {
  segments: Segment[] | null;
  selected: string | null;
  onSelect: (key: string) => void;
  error: string | null;
}

/** The saved segments, each with its last count. */
export function SegmentList({ segments, selected, onSelect, error }: SegmentListProps) {
  const t = useT();
  const f = useLocaleFormat();
  return (
    <section className="panel card ins-list" data-testid="segment-list">
      <div className="panel__head">
        <h2>{t('segments.listTitle')}</h2>
      </div>
      {!segments ? (
        <p className="muted panel-empty">{error ?? t('common.loading')}</p>
      ) : segments.length === 0 ? (
        <p className="muted panel-empty">{t('segments.none')}</p>
      ) : (
        <ul className="ins-list__items">
          {segments.map((s) => (
            <li key={s.key}>
              <button type="button" className="ins-list__item" aria-current={s.key === selected ? 'true' : undefined} onClick={() => onSelect(s.key)} data-testid="segment-item">
                <span className="ins-list__name">{s.name}</span>
                <span className="muted ins-list__meta">
                  {s.key} · {s.countedAt ? t('segments.memberCount', { count: f.number(s.memberCount) }) : t('segments.notCounted')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
