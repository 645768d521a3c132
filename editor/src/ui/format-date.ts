import { currentLocale, type Locale } from '../i18n/i18n.ts';

const formats = new Map<Locale, Intl.DateTimeFormat>();

/** A date and time as the chosen language writes it (not the browser's), in the browser's time zone. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const locale = currentLocale();
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })));
  return format.format(d);
}
