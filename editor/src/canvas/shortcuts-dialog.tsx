import { useEffect } from 'react';
import { useT } from '../i18n/i18n.ts';
import { XIcon } from '../ui/icons.tsx';
import '../styles/list-page.css';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

export const shortcuts: { keys: string[]; what: string }[] = [
  { keys: [`${mod}+Z`], what: 'Undo' },
  { keys: [`${mod}+Shift+Z`, `${mod}+Y`], what: 'Redo' },
  { keys: [`${mod}+C`], what: 'Copy the selected steps' },
  { keys: [`${mod}+V`], what: 'Paste (fresh ids, connections between copied steps kept)' },
  { keys: [`${mod}+A`], what: 'Select every step' },
  { keys: ['Shift+click'], what: 'Add a step to the selection' },
  { keys: ['Shift+drag'], what: 'Select with a box' },
  { keys: ['Delete', 'Backspace'], what: 'Delete the selection' },
  { keys: [`${mod}+S`], what: 'Save the draft now' },
  { keys: ['?'], what: 'Show this list' },
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog dialog--narrow" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="shortcuts-dialog">
        <div className="dialog__head">
          <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
          <button className="btn btn--ghost" type="button" onClick={onClose} aria-label="Close">
            <XIcon size={14} />
          </button>
        </div>
        <table className="shortcuts">
          <tbody>
            {shortcuts.map((s) => (
              <tr key={s.what}>
                <td className="shortcuts__keys">
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && ' or '}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </td>
                <td>{s.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
