import { NodeKind } from '@memberflow/shared/node-kind';
import { nodeModule } from '@memberflow/shared/node-registry';
import { useState, type CSSProperties, type DragEvent } from 'react';
import { SearchIcon, XIcon } from '../ui/icons.tsx';
import { groupOrder, groupStyles } from './group-style.ts';
import { kindIcons } from './kind-icons.ts';
import { filterPalette } from './palette-filter.ts';
import '../styles/palette.css';

export const PALETTE_DRAG_TYPE = 'application/x-memberflow-node-kind';

const entries = NodeKind.options.map((kind) => {
  const mod = nodeModule(kind);
  return { kind, group: mod.group, title: mod.title, description: mod.description };
});

export function Palette({ onAdd }: { onAdd: (kind: NodeKind) => void }) {
  const [query, setQuery] = useState('');
  const shown = filterPalette(entries, query);
  const onDragStart = (e: DragEvent, kind: NodeKind) => {
    e.dataTransfer.setData(PALETTE_DRAG_TYPE, kind);
    e.dataTransfer.effectAllowed = 'move';
  };
  return (
    <aside className="palette" aria-label="Add nodes">
      <h2 className="panel-title">Add to workflow</h2>
      <div className="palette__search">
        <SearchIcon size={14} />
        <input
          className="palette__search-input"
          type="search"
          placeholder="Search steps"
          aria-label="Search steps"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setQuery('');
            if (e.key === 'Enter' && shown.length === 1) onAdd(shown[0]!.kind);
          }}
        />
        {query && (
          <button type="button" className="palette__clear" aria-label="Clear search" onClick={() => setQuery('')}>
            <XIcon size={12} />
          </button>
        )}
      </div>
      {shown.length === 0 && <p className="palette__tip">No step matches “{query}”.</p>}
      {groupOrder.map((group) => {
        const kinds = shown.filter((e) => e.group === group);
        if (kinds.length === 0) return null;
        const style = groupStyles[group];
        return (
          <section key={group} className="palette__group" style={{ '--group-color': style.color } as CSSProperties}>
            <h3 className="palette__group-title">
              <style.Icon size={12} /> {style.title}
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
      <p className="palette__tip">
        Click or drag a step onto the canvas; hover for what it does. Drag from an output at the bottom of a step to the top of
        the next one. Select and press Delete to remove.
      </p>
    </aside>
  );
}
