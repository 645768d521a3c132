import { FitIcon, KeyboardIcon, LayoutIcon, RedoIcon, UndoIcon } from '../ui/icons.tsx';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

interface CanvasToolsProps {
  canUndo: boolean;
  canRedo: boolean;
  readOnly: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: () => void;
  onFit: () => void;
  onHelp: () => void;
}

/** Floating tools over the canvas: editing history, tidy-up and framing. */
export function CanvasTools(p: CanvasToolsProps) {
  return (
    <div className="canvas-tools" role="toolbar" aria-label="Canvas tools">
      {!p.readOnly && (
        <>
          <button type="button" className="canvas-tools__btn" onClick={p.onUndo} disabled={!p.canUndo} title={`Undo (${mod}Z)`} aria-label="Undo" data-testid="undo">
            <UndoIcon size={15} />
          </button>
          <button type="button" className="canvas-tools__btn" onClick={p.onRedo} disabled={!p.canRedo} title={`Redo (${mod}Shift+Z)`} aria-label="Redo" data-testid="redo">
            <RedoIcon size={15} />
          </button>
          <span className="canvas-tools__sep" />
          <button type="button" className="canvas-tools__btn canvas-tools__btn--text" onClick={p.onLayout} title="Arrange the steps top-down" data-testid="auto-layout">
            <LayoutIcon size={15} /> Tidy up
          </button>
        </>
      )}
      <button type="button" className="canvas-tools__btn" onClick={p.onFit} title="Zoom to fit" aria-label="Zoom to fit" data-testid="zoom-fit">
        <FitIcon size={15} />
      </button>
      <button type="button" className="canvas-tools__btn" onClick={p.onHelp} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts" data-testid="shortcuts">
        <KeyboardIcon size={15} />
      </button>
    </div>
  );
}
