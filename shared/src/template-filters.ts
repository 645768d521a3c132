/**
 * Formatting filters for message templates, in the member's locale and time zone.
 * Built on Intl (no dependency), so the runner, the simulator and the editor's preview
 * format exactly alike.
 */
export interface FormatContext {
  /** BCP 47 tag, e.g. zh-CN; falls back to en when missing or not understood. */
  locale: string;
  /** IANA zone for dates; falls back to UTC. */
  timeZone: string;
  /** ISO 4217 code for `money` without an argument. */
  currency: string;
}

export const templateFilterNames = ['date', 'datetime', 'money', 'number', 'points', 'default'] as const;
export type TemplateFilterName = (typeof templateFilterNames)[number];

export function isTemplateFilter(name: string): name is TemplateFilterName {
  return (templateFilterNames as readonly string[]).includes(name);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date value as epoch ms: a number, an ISO instant, or a calendar date (YYYY-MM-DD). */
function toInstant(v: unknown): { at: number; dateOnly: boolean } | null {
  if (typeof v === 'number' && Number.isFinite(v)) return { at: v, dateOnly: false };
  if (typeof v !== 'string') return null;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : { at, dateOnly: DATE_ONLY.test(v) };
}

function toNumber(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** A calendar date (a birthday) is the same day everywhere: it is read in UTC, not moved to the member's zone. */
function formatDate(v: unknown, f: FormatContext, withTime: boolean, style?: string): string | null {
  const d = toInstant(v);
  if (!d) return null;
  const dateStyle = style === 'short' || style === 'medium' || style === 'full' ? style : 'long';
  const opts: Intl.DateTimeFormatOptions = { dateStyle, timeZone: d.dateOnly ? 'UTC' : f.timeZone };
  if (withTime && !d.dateOnly) opts.timeStyle = 'short';
  return new Intl.DateTimeFormat(f.locale, opts).format(d.at);
}

function formatMoney(v: unknown, f: FormatContext, currency?: string): string | null {
  const n = toNumber(v);
  if (n === null) return null;
  try {
    return new Intl.NumberFormat(f.locale, { style: 'currency', currency: currency || f.currency }).format(n);
  } catch {
    // A currency code Intl does not know: the number, then the code as written.
    return `${new Intl.NumberFormat(f.locale).format(n)} ${currency}`;
  }
}

function formatPoints(v: unknown, f: FormatContext): string | null {
  const n = toNumber(v);
  if (n === null) return null;
  const num = new Intl.NumberFormat(f.locale, { maximumFractionDigits: 0 }).format(n);
  if (f.locale.toLowerCase().startsWith('zh')) return `${num} 积分`;
  return `${num} ${n === 1 ? 'point' : 'points'}`;
}

/** Applies one filter; a value a filter cannot read (a date that is not one) passes through as written. */
export function applyFilter(name: TemplateFilterName, value: unknown, arg: string | undefined, f: FormatContext): unknown {
  if (name === 'default') return isBlank(value) ? (arg ?? '') : value;
  if (isBlank(value)) return value;
  const out =
    name === 'date'
      ? formatDate(value, f, false, arg)
      : name === 'datetime'
        ? formatDate(value, f, true, arg)
        : name === 'money'
          ? formatMoney(value, f, arg)
          : name === 'number'
            ? toNumber(value) === null
              ? null
              : new Intl.NumberFormat(f.locale).format(toNumber(value)!)
            : formatPoints(value, f);
  return out ?? value;
}

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/** A locale and zone Intl accepts, falling back rather than throwing on a member's odd data. */
export function formatContext(opts: {
  locale?: string | null;
  timeZone?: string | null;
  currency?: string | null;
}): FormatContext {
  return { locale: canonicalLocale(opts.locale), timeZone: knownZone(opts.timeZone), currency: opts.currency || 'CNY' };
}

function canonicalLocale(tag: string | null | undefined): string {
  try {
    return (tag && Intl.getCanonicalLocales(tag)[0]) || 'en';
  } catch {
    return 'en';
  }
}

function knownZone(zone: string | null | undefined): string {
  try {
    return zone ? new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone : 'UTC';
  } catch {
    return 'UTC';
  }
}
