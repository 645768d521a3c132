import type { Violation } from '@memberflow/shared/violations';
import { enMessages, type MessageKey } from '../i18n/en.ts';
import type { NodeKind } from '@memberflow/shared/node-kind';
import { kindTitle, type Translate } from '../i18n/i18n.ts';

/** A problem that carries a message key (e.g. an unknown variable), said in the user's language; null for the rest. */
export function localizedMessage(v: Pick<Violation, 'i18n'>, t?: Translate): string | null {
  if (!t || !v.i18n) return null;
  // An empty suggestion picks the key's ".none" variant ("use member.*, …" instead of "did you mean").
  const key = v.i18n.vars.suggestion === '' ? `${v.i18n.key}.none` : v.i18n.key;
  return key in enMessages ? t(key as MessageKey, v.i18n.vars) : null;
}

/** Zod's stock messages speak to developers; marketers see these instead (in their language when `t` is given). */
export function friendlyMessage(message: string, t?: Translate): string {
  // Zod's own words and the schemas' "is required" (the same problem, said by shared/ in English).
  if (/^Invalid input: expected \w+, received undefined$/.test(message) || message === 'is required') return t ? t('problem.isRequired') : 'is required';
  if (/^Invalid input: expected number, received (NaN|null|string)$/.test(message)) return t ? t('problem.mustBeNumber') : 'must be a number';
  const option = /^Invalid option: expected one of (.*)$/.exec(message);
  if (option) {
    const options = option[1]!.replaceAll('|', ', ');
    return t ? t('problem.mustBeOneOf', { options }) : `must be one of ${options}`;
  }
  return message;
}

const namedOutputs = new Set(['next', 'yes', 'no', 'else', 'event', 'timeout']);

/**
 * Problems with the graph (not a field) said from their code and what they point at; the
 * English sentence from shared/ is the fallback for a code this table does not know.
 */
function graphMessage(v: Violation, kind: NodeKind | undefined, t: Translate): string | null {
  const handle = v.field?.startsWith('outputs.') ? v.field.slice('outputs.'.length) : '';
  const output = namedOutputs.has(handle) ? t(`problem.output.${handle}` as 'problem.output.next') : handle;
  const kindName = kind ? kindTitle(t, kind).toLowerCase() : '';
  switch (v.code) {
    case 'unreachable':
      return t('problem.unreachable');
    case 'handle_unconnected':
      return t('problem.handleUnconnected', { output, kind: kindName });
    case 'handle_multiple':
      return t('problem.handleMultiple', { output });
    case 'cycle_without_wait':
      return t('problem.cycle');
    case 'trigger_count':
      return v.nodeId ? t('problem.tooManyTriggers') : t('problem.noTrigger');
    case 'duplicate_id':
      return t('problem.duplicateId', { id: v.nodeId ?? v.edgeId ?? '' });
    case 'unknown_node':
      return t('problem.unknownNode');
    case 'unknown_handle':
      return t('problem.unknownHandle');
    default:
      return null;
  }
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
  if (message === 'is required') return t ? t('problem.required') : 'Required';
  return capitalize(t ? friendlyMessage(v.message, t) : message);
}

/** The message shown in the problems list, where the field has to be named. */
export function problemMessage(v: Violation, labels: Readonly<Record<string, string>> = {}, t?: Translate, kind?: NodeKind): string {
  const own = localizedMessage(v, t);
  if (own && v.field) return `${fieldLabel(v.field, labels)}: ${own}`;
  const graph = t && v.code !== 'config' && v.code !== 'schema' ? graphMessage(v, kind, t) : null;
  if (graph) return graph;
  const message = friendlyMessage(v.message, t);
  if ((v.code !== 'config' && v.code !== 'schema') || !v.field) return capitalize(message);
  const label = fieldLabel(v.field, labels);
  if (t && message !== v.message) return t('problem.fieldMessage', { field: label, message });
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
