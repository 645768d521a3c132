import { useCallback } from 'react';
import { useT } from '../i18n/i18n.ts';

/**
 * The shared schemas' and the server's most common messages in the user's language; others are
 * shown as the server words them, under the field's own (translated) label.
 */
export function useIssueText(): (message: string) => string {
  const t = useT();
  return useCallback(
    (m: string) => {
      if (m === 'is required') return t('couponForm.required');
      if (m === 'must be a number') return t('couponForm.badNumber');
      if (m === 'say why') return t('bo.problem.sayWhy');
      if (m === 'must not be 0') return t('bo.problem.notZero');
      if (m === 'must be a whole number') return t('bo.problem.whole');
      if (m.startsWith('use capitals, digits')) return t('couponForm.badKey');
      const atLeast = /^must be at least (-?[\d.,]+)$/.exec(m);
      if (atLeast) return t('bo.problem.atLeast', { min: atLeast[1]! });
      return m;
    },
    [t],
  );
}
