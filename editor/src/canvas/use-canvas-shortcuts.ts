import { useEffect, useRef } from 'react';

export interface CanvasShortcutHandlers {
  undo: () => void;
  redo: () => void;
  copy: () => void;
  paste: () => void;
  selectAll: () => void;
  help: () => void;
}

/** Typing in a field must keep the browser's own undo, copy and paste. */
function inField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Canvas keyboard shortcuts on the window (the canvas itself rarely has focus after a click in
 * the palette). Handlers are read from a ref so callers may pass fresh closures every render.
 */
export function useCanvasShortcuts(handlers: CanvasShortcutHandlers, enabled: boolean): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (inField(e.target) || e.defaultPrevented) return;
      const h = ref.current;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      let run: (() => void) | null = null;
      if (mod && key === 'z') run = e.shiftKey ? h.redo : h.undo;
      else if (mod && key === 'y') run = h.redo;
      else if (mod && key === 'c') run = h.copy;
      else if (mod && key === 'v') run = h.paste;
      else if (mod && key === 'a') run = h.selectAll;
      else if (!mod && e.key === '?') run = h.help;
      if (!run) return;
      // Copying with text selected on the page (e.g. a problem message) stays the browser's job.
      if (key === 'c' && (window.getSelection()?.toString() ?? '') !== '') return;
      e.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
