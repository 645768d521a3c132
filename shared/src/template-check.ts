import { templateExprs } from './template.ts';
import { isTemplateFilter, templateFilterNames } from './template-filters.ts';

/** Variables a message may use; anything else is probably a typo and is flagged. */
export const templateRoots = ['member', 'coupon', 'trigger', 'workflow'] as const;

/** The variables the runner fills, by name. `trigger.*` is the event's own properties, so any name goes. */
export const knownTemplateVariables: readonly string[] = [
  ...[
    'id',
    'name',
    'email',
    'phone',
    'timeZone',
    'locale',
    'tier',
    'tags',
    'pointsBalance',
    'storedValue',
    'orderCount',
    'totalSpent',
    'signInStreak',
  ].map((k) => `member.${k}`),
  ...['firstPurchaseAt', 'lastPurchaseAt', 'birthday', 'joinedAt', 'rfm.r', 'rfm.f', 'rfm.m', 'rfm.segment'].map(
    (k) => `member.${k}`,
  ),
  ...['code', 'template', 'expiresAt', 'kind', 'value', 'minSpend'].map((k) => `coupon.${k}`),
  'workflow.id',
  'workflow.name',
];

/** Open-ended objects: any property below them is fine. */
const openPrefixes = ['trigger.', 'member.attributes.', 'member.consents.'];

export function isKnownVariable(path: string): boolean {
  return knownTemplateVariables.includes(path) || openPrefixes.some((p) => path.startsWith(p) && path.length > p.length);
}

/** Optimal string alignment distance (a swapped pair counts once: "nmae" is one step from "name"). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest of `options` to `word`, if close enough to be a typo (case ignored). */
export function didYouMean(word: string, options: readonly string[]): string | null {
  const w = word.toLowerCase();
  let best: { option: string; d: number } | null = null;
  for (const o of options) {
    const d = editDistance(w, o.toLowerCase());
    if (!best || d < best.d) best = { option: o, d };
  }
  const limit = Math.max(2, Math.floor(word.length / 4));
  return best && best.d <= limit ? best.option : null;
}

export interface TemplateProblem {
  kind: 'unknown_variable' | 'unknown_filter';
  /** The variable or filter as written. */
  name: string;
  suggestion: string | null;
}

/** Unknown variables and filters, each once, with the likely intended name. */
export function templateProblems(text: string): TemplateProblem[] {
  const out = new Map<string, TemplateProblem>();
  for (const e of templateExprs(text)) {
    if (!isKnownVariable(e.path) && !out.has(`v:${e.path}`)) {
      out.set(`v:${e.path}`, { kind: 'unknown_variable', name: e.path, suggestion: didYouMean(e.path, knownTemplateVariables) });
    }
    for (const f of e.filters) {
      if (!isTemplateFilter(f.name) && !out.has(`f:${f.name}`)) {
        out.set(`f:${f.name}`, { kind: 'unknown_filter', name: f.name, suggestion: didYouMean(f.name, templateFilterNames) });
      }
    }
  }
  return [...out.values()];
}

/**
 * Variables outside member.*, coupon.*, trigger.* and workflow.* (task titles and webhook
 * bodies). Roots only: their executors parse configs with this check, so a stricter one would
 * fail journeys of versions already published; messages use `templateProblems`.
 */
export function unknownVariables(text: string): string[] {
  return [...new Set(templateExprs(text).map((e) => e.path))].filter(
    (v) => !(templateRoots as readonly string[]).includes(v.split('.')[0]!),
  );
}

/** The problem in words (English; the editor translates by kind). */
export function templateProblemMessage(p: TemplateProblem): string {
  const what = p.kind === 'unknown_variable' ? `unknown variable {{${p.name}}}` : `unknown filter "${p.name}"`;
  if (p.suggestion)
    return `${what}: did you mean ${p.kind === 'unknown_variable' ? `{{${p.suggestion}}}` : `"${p.suggestion}"`}?`;
  return p.kind === 'unknown_variable'
    ? `${what}; use member.*, coupon.*, trigger.* or workflow.*`
    : `${what}; use ${templateFilterNames.join(', ')}`;
}
