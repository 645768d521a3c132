import { useMemo } from 'react';
import { useLocale, type Locale } from '../i18n/i18n.ts';

/** "2025-06" as the user's language writes a month: "Jun 2025", "2025年6月". */
export function monthLabel(locale: Locale, cohort: string): string {
  const [y, m] = cohort.split('-').map(Number);
  if (!y || !m) return cohort;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

export function useMonthLabel(): (cohort: string) => string {
  const locale = useLocale();
  return useMemo(() => (cohort: string) => monthLabel(locale, cohort), [locale]);
}
