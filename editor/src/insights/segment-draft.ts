import type { Segment } from '@memberflow/shared/api/segments';
import { ApiRequestError } from '../api/http.ts';
import type { Translate } from '../i18n/i18n.ts';

/** The segment form as it is being edited. */
export interface SegmentDraft {
  key: string;
  name: string;
  description: string;
  condition: Record<string, unknown>;
}

/**
 * A new segment starts with one rule a marketer reaches for most: the RFM group (at risk, or the
 * group the RFM page sent them from, named after it).
 */
export const newSegmentDraft = (from?: { group: string; name: string }): SegmentDraft => ({
  key: from ? `rfm-${from.group.replace(/_/g, '-')}` : '',
  name: from?.name ?? '',
  description: '',
  condition: { type: 'group', combinator: 'and', rules: [{ type: 'field', field: 'member.rfm.segment', op: 'eq', value: from?.group ?? 'at_risk' }] },
});

/** The RFM group in `?rfm=` when the RFM page sent the marketer here to save a group as a segment. */
export function rfmGroupParam(search: string, groups: readonly string[]): string | null {
  const g = new URLSearchParams(search).get('rfm');
  return g && groups.includes(g) ? g : null;
}

export const draftOf = (s: Segment): SegmentDraft => ({ key: s.key, name: s.name, description: s.description, condition: s.condition as unknown as Record<string, unknown> });

/** "At-risk big spenders" → "at-risk-big-spenders": a key suggestion from the name (latin letters and digits only). */
export function keyFromName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/**
 * A refused save's issues split by where they are shown: the form's own fields (key, name,
 * description) and the condition's rules (by path inside it, as the builder wants them).
 */
export function saveIssues(err: unknown): { fields: Record<string, string>; condition: Record<string, string> } {
  const fields: Record<string, string> = {};
  const condition: Record<string, string> = {};
  if (!(err instanceof ApiRequestError)) return { fields, condition };
  for (const i of err.body?.issues ?? []) {
    if (!i.field) continue;
    if (i.field === 'condition') condition[''] ??= i.message;
    else if (i.field.startsWith('condition.')) condition[i.field.slice(10)] ??= i.message;
    else fields[i.field] ??= i.message;
  }
  return { fields, condition };
}

/** The segment schema's own messages in the user's language; null for messages said elsewhere. */
export function segmentIssue(t: Translate, message: string): string | null {
  if (message === 'give the segment a name') return t('segments.nameRequired');
  if (message === 'is taken') return t('segments.keyTaken');
  if (message.startsWith('must be 1-64 lowercase letters')) return t('segments.keyInvalid');
  return null;
}
