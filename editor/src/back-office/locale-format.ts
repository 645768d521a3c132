import { useMemo } from 'react';
import { useLocale, type Locale } from '../i18n/i18n.ts';

export interface LocaleFormat {
  number: (n: number) => string;
  money: (n: number) => string;
  percent: (share: number | null) => string;
  /** A calendar date (YYYY-MM-DD or ISO) as the user's locale writes it. */
  date: (iso: string | null) => string;
  dateTime: (iso: string | null) => string;
}

/** Numbers and dates in the user's chosen language, not the browser's. */
export function localeFormat(locale: Locale): LocaleFormat {
  const num = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const money = new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dayTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const parse = (iso: string) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  return {
    number: (n) => num.format(n),
    money: (n) => money.format(n),
    percent: (s) => (s === null ? '—' : pct.format(s)),
    date: (iso) => (iso ? day.format(parse(iso)) : '—'),
    dateTime: (iso) => (iso ? dayTime.format(parse(iso)) : '—'),
  };
}

export function useLocaleFormat(): LocaleFormat {
  const locale = useLocale();
  return useMemo(() => localeFormat(locale), [locale]);
}
