import type { Violation } from '@memberflow/shared/violations';
import { enMessages, type MessageKey } from '../i18n/en.ts';
import type { Translate } from '../i18n/i18n.ts';

/** A problem that carries a message key (e.g. an unknown variable), said in the user's language; null for the rest. */
export function localizedMessage(v: Pick<Violation, 'i18n'>, t?: Translate): string | null {
  if (!t || !v.i18n) return null;
  // An empty suggestion picks the key's ".none" variant ("use member.*, …" instead of "did you mean").
  const key = v.i18n.vars.suggestion === '' ? `${v.i18n.key}.none` : v.i18n.key;
  return key in enMessages ? t(key as MessageKey, v.i18n.vars) : null;
}

/** Zod's stock messages speak to developers; marketers see these instead. */
export function friendlyMessage(message: string): string {
  if (/^Invalid input: expected \w+, received undefined$/.test(message)) return 'is required';
  if (/^Invalid input: expected number, received (NaN|null|string)$/.test(message)) return 'must be a number';
  const option = /^Invalid option: expected one of (.*)$/.exec(message);
  if (option) return `must be one of ${option[1]!.replaceAll('|', ', ')}`;
  return message;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "timeout.amount" -> "timeout amount"; "filters.0.value" -> "filter 1 value". */
function humanizePath(parts: readonly string[]): string {
  const words: string[] = [];
  for (const p of parts) {
    if (/^\d+$/.test(p)) {
      const prev = words.pop() ?? '';
      words.push(`${prev.replace(/s$/, '')} ${Number(p) + 1}`.trim());
    } else {
      words.push(
        p
          .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
          .replaceAll('_', ' ')
          .toLowerCase(),
      );
    }
  }
  return words.join(' ');
}

/** "config.timeout.amount" -> "Timeout amount", or with the form's labels the form's own name for the field. */
export function fieldLabel(field: string, labels: Readonly<Record<string, string>> = {}): string {
  const [top = '', ...rest] = field.replace(/^config\./, '').split('.');
  const own = labels[top];
  if (!own) return capitalize(humanizePath([top, ...rest]));
  return rest.length ? `${own}: ${humanizePath(rest)}` : own;
}

/** The message shown under a form field: the field's own label is already above it. */
export function inlineMessage(v: Pick<Violation, 'message' | 'i18n'>, t?: Translate): string {
  const own = localizedMessage(v, t);
  if (own) return own;
  const message = friendlyMessage(v.message);
  return message === 'is required' ? 'Required' : capitalize(message);
}

/** The message shown in the problems list, where the field has to be named. */
export function problemMessage(v: Violation, labels: Readonly<Record<string, string>> = {}, t?: Translate): string {
  const own = localizedMessage(v, t);
  if (own && v.field) return `${fieldLabel(v.field, labels)}: ${own}`;
  const message = friendlyMessage(v.message);
  if ((v.code !== 'config' && v.code !== 'schema') || !v.field) return capitalize(message);
  const label = fieldLabel(v.field, labels);
  return /^(must|is|may|should) /.test(message) ? `${label} ${message}` : `${label}: ${message}`;
}

/** Config errors keyed by path inside the config ("timeout.amount"), for the inspector form. */
export function configErrors(violations: readonly Violation[], nodeId: string, t?: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of violations) {
    if (v.nodeId !== nodeId || (v.code !== 'config' && v.code !== 'unknown_reference') || !v.field) continue;
    const path = v.field.replace(/^config\.?/, '');
    // Several problems in one field (two misspelled variables in a message) are all said under it.
    const message = inlineMessage(v, t);
    out[path] = out[path] && !out[path].includes(message) ? `${out[path]} ${message}` : (out[path] ?? message);
  }
  return out;
}
