import { useT } from '../i18n/i18n.ts';
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
  const t = useT();
  return (
    <div className="canvas-tools" role="toolbar" aria-label={t('canvas.toolsLabel')}>
      {!p.readOnly && (
        <>
          <button type="button" className="canvas-tools__btn" onClick={p.onUndo} disabled={!p.canUndo} title={`${t('tools.undo')} (${mod}Z)`} aria-label={t('tools.undo')} data-testid="undo">
            <UndoIcon size={15} />
          </button>
          <button type="button" className="canvas-tools__btn" onClick={p.onRedo} disabled={!p.canRedo} title={`${t('tools.redo')} (${mod}Shift+Z)`} aria-label={t('tools.redo')} data-testid="redo">
            <RedoIcon size={15} />
          </button>
          <span className="canvas-tools__sep" />
          <button type="button" className="canvas-tools__btn canvas-tools__btn--text" onClick={p.onLayout} title={t('tools.tidyTitle')} data-testid="auto-layout">
            <LayoutIcon size={15} /> {t('tools.tidy')}
          </button>
        </>
      )}
      <button type="button" className="canvas-tools__btn" onClick={p.onFit} title={t('tools.fit')} aria-label={t('tools.fit')} data-testid="zoom-fit">
        <FitIcon size={15} />
      </button>
      <button type="button" className="canvas-tools__btn" onClick={p.onHelp} title={`${t('tools.shortcuts')} (?)`} aria-label={t('tools.shortcuts')} data-testid="shortcuts">
        <KeyboardIcon size={15} />
      </button>
    </div>
  );
}
