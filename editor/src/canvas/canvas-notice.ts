import type { Translate } from '../i18n/i18n.ts';
import type { CanvasNotice } from './canvas-machine.ts';

/** The toolbar's notice after a save or publish, in the user's language. */
export function noticeText(n: CanvasNotice | null, t: Translate, num: (n: number) => string): string | null {
  if (!n) return null;
  if (n.kind === 'saved') return t('canvasNotice.saved');
  if (n.enteringNow === 0) return t('canvasNotice.published', { version: n.version });
  return t(n.enteringNow === 1 ? 'canvasNotice.publishedEnteringOne' : 'canvasNotice.publishedEntering', {
    version: n.version,
    count: num(n.enteringNow),
  });
}
