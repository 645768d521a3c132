import { NodeKind } from '@memberflow/shared/node-kind';
import { nodeModule } from '@memberflow/shared/node-registry';
import { kindDescription, kindTitle, useT } from '../i18n/i18n.ts';
import { useMemo, useState, type CSSProperties, type DragEvent } from 'react';
import { SearchIcon, XIcon } from '../ui/icons.tsx';
import { groupOrder, groupStyles } from './group-style.ts';
import { kindIcons } from './kind-icons.ts';
import { filterPalette } from './palette-filter.ts';
import '../styles/palette.css';

export const PALETTE_DRAG_TYPE = 'application/x-memberflow-node-kind';

export function Palette({ onAdd }: { onAdd: (kind: NodeKind) => void }) {
  const t = useT();
  const [query, setQuery] = useState('');
  // Titles and descriptions in the chosen language, so search matches what is on screen.
  const entries = useMemo(
    () => NodeKind.options.map((kind) => ({ kind, group: nodeModule(kind).group, title: kindTitle(t, kind), description: kindDescription(t, kind) })),
    [t],
  );
  const shown = filterPalette(entries, query);
  const onDragStart = (e: DragEvent, kind: NodeKind) => {
    e.dataTransfer.setData(PALETTE_DRAG_TYPE, kind);
    e.dataTransfer.effectAllowed = 'move';
  };
  return (
    <aside className="palette" aria-label={t('palette.title')}>
      <h2 className="panel-title">{t('palette.title')}</h2>
      <div className="palette__search">
        <SearchIcon size={14} />
        <input
          className="palette__search-input"
          type="search"
          placeholder={t('palette.search')}
          aria-label={t('palette.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setQuery('');
            if (e.key === 'Enter' && shown.length === 1) onAdd(shown[0]!.kind);
          }}
        />
        {query && (
          <button type="button" className="palette__clear" aria-label={t('palette.clear')} onClick={() => setQuery('')}>
            <XIcon size={12} />
          </button>
        )}
      </div>
      {shown.length === 0 && <p className="palette__tip">{t('palette.noMatch', { query })}</p>}
      {groupOrder.map((group) => {
        const kinds = shown.filter((e) => e.group === group);
        if (kinds.length === 0) return null;
        const style = groupStyles[group];
        return (
          <section key={group} className="palette__group" style={{ '--group-color': style.color } as CSSProperties}>
            <h3 className="palette__group-title">
              <style.Icon size={12} /> {t(`groups.${group}`)}
            </h3>
            {kinds.map(({ kind, title, description }) => {
              const Icon = kindIcons[kind];
              return (
                <button
                  key={kind}
                  type="button"
                  className="palette__item"
                  draggable
                  onDragStart={(e) => onDragStart(e, kind)}
                  onClick={() => onAdd(kind)}
                  title={description}
                  data-testid={`palette-${kind}`}
                >
                  <span className="palette__icon" style={{ background: style.tint, color: style.color }}>
                    <Icon size={14} />
                  </span>
                  <span className="palette__name">{title}</span>
                </button>
              );
            })}
          </section>
        );
      })}
      <p className="palette__tip">{t('palette.tip')}</p>
    </aside>
  );
}
