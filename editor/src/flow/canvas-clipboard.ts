import type { ClipboardContent } from './clipboard.ts';

const KEY = 'memberflow.clipboard';
// Kept outside any one canvas (and in the tab's session storage), so steps copied in one workflow paste into another.
let held: { content: ClipboardContent; pastes: number } | null = null;

export function rememberCopy(content: ClipboardContent): void {
  held = { content, pastes: 0 };
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(content));
  } catch {
    // Private mode or full storage: the copy lasts while this page is open.
  }
}

/** What to paste, and how many times it was pasted before (each paste lands a little further down-right). */
export function nextPaste(): { content: ClipboardContent; pastes: number } | null {
  if (!held) {
    try {
      const stored = window.sessionStorage.getItem(KEY);
      if (stored) held = { content: JSON.parse(stored) as ClipboardContent, pastes: 0 };
    } catch {
      held = null;
    }
  }
  if (!held) return null;
  held.pastes += 1;
  return held;
}
