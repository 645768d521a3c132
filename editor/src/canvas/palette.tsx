import { NodeKind } from '@memberflow/shared/node-kind';
import { nodeModule } from '@memberflow/shared/node-registry';
import type { DragEvent } from 'react';
import { groupOrder, groupStyles } from './group-style.ts';
import '../styles/palette.css';

export const PALETTE_DRAG_TYPE = 'application/x-memberflow-node-kind';

const groups = groupOrder
  .map((group) => ({ group, kinds: NodeKind.options.filter((k) => nodeModule(k).group === group) }))
  .filter((g) => g.kinds.length > 0);

export function Palette({ onAdd }: { onAdd: (kind: NodeKind) => void }) {
  const onDragStart = (e: DragEvent, kind: NodeKind) => {
    e.dataTransfer.setData(PALETTE_DRAG_TYPE, kind);
    e.dataTransfer.effectAllowed = 'move';
  };
  return (
    <aside className="palette" aria-label="Add nodes">
      <h2 className="panel-title">Add to workflow</h2>
      {groups.map(({ group, kinds }) => {
        const style = groupStyles[group];
        return (
          <section key={group} className="palette__group">
            <h3 className="palette__group-title">{style.title}</h3>
            {kinds.map((kind) => {
              const mod = nodeModule(kind);
              return (
                <button
                  key={kind}
                  type="button"
                  className="palette__item"
                  draggable
                  onDragStart={(e) => onDragStart(e, kind)}
                  onClick={() => onAdd(kind)}
                  title={mod.description}
                  data-testid={`palette-${kind}`}
                >
                  <span className="palette__icon" style={{ background: style.tint, color: style.color }}>
                    <style.Icon size={15} />
                  </span>
                  <span className="palette__text">
                    <span className="palette__name">{mod.title}</span>
                    <span className="palette__description">{mod.description}</span>
                  </span>
                </button>
              );
            })}
          </section>
        );
      })}
      <p className="palette__tip">
        Click or drag a step onto the canvas. Drag from an output at the bottom of a step to the top of the next one. Select a
        step or connection and press Delete to remove it.
      </p>
    </aside>
  );
}
