import { useCallback } from 'react';
import { useT } from '../i18n/i18n.ts';

/**
 * The shared schemas' most common messages in the user's language; others are shown as the
 * server words them, under the field's own (translated) label.
 */
export function useIssueText(): (message: string) => string {
  const t = useT();
  return useCallback(
    (m: string) => {
      if (m === 'is required') return t('couponForm.required');
      if (m === 'must be a number') return t('couponForm.badNumber');
      if (m.startsWith('use capitals, digits')) return t('couponForm.badKey');
      return m;
    },
    [t],
  );
}
