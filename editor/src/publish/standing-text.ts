import type { StandingReasonParts } from '@memberflow/shared/runner/time-triggers';
import { enMessages, type MessageKey } from '../i18n/en.ts';
import type { Locale, Translate } from '../i18n/i18n.ts';

/** Values the runner gives as whole days (the English says them without a time). */
const DAY_VALUES = new Set(['lastPurchaseAt', 'inactiveAt', 'expiresAt']);

/** Epoch ms in the user's locale, in UTC as the runner's English says it. */
function dateText(name: string, ms: number, locale: Locale): string {
  if (DAY_VALUES.has(name)) return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(ms);
  return `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(ms)} UTC`;
}

/** The date trigger's "3 days before", "on" or "2 days after" its date. */
function relationText(offsetDays: number, t: Translate): string {
  if (offsetDays === 0) return t('standing.relation.on');
  return t(offsetDays < 0 ? 'standing.relation.before' : 'standing.relation.after', { days: Math.abs(offsetDays) });
}

/**
 * A standing reason in the user's language from its parts: dates (`…At`, epoch ms) in the locale,
 * a grouped estimate's hidden dates as "…". The runner's English when the key is unknown here.
 */
export function standingText(parts: StandingReasonParts | undefined, reason: string, t: Translate, locale: Locale): string {
  const key = `standing.${parts?.key}`;
  if (!parts || !(key in enMessages)) return reason;
  const vars: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(parts.vars)) {
    if (name.endsWith('At')) vars[name] = typeof v === 'number' ? dateText(name, v, locale) : t('standing.hiddenDate');
    else if (v !== null) vars[name] = typeof v === 'number' ? v.toLocaleString(locale) : v;
  }
  if (typeof parts.vars.offsetDays === 'number') vars.relation = relationText(parts.vars.offsetDays, t);
  return t(key as MessageKey, vars);
}
