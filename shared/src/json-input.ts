/**
 * What untrusted JSON must be before anything walks or stores it: text PostgreSQL can store
 * (no NUL character, no unpaired UTF-16 surrogate: text and jsonb refuse both) and nesting
 * shallow enough that recursive code (zod, JSON.stringify, jsonb) cannot run out of stack, and
 * numbers that fit (finite: 1e400 parses to Infinity, which JSON.stringify would turn into null).
 * Checked without recursion, so input of any depth is safe to inspect.
 */

/** JSON nesting allowed in request bodies; real payloads use a handful of levels. */
export const MAX_JSON_DEPTH = 64;

export interface InputIssue {
  path: (string | number)[];
  message: string;
}

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why this text cannot be stored, or null. */
export function textProblem(s: string): string | null {
  if (s.includes('\u0000')) return 'may not contain the NUL character (\\u0000)';
  if (UNPAIRED_SURROGATE.test(s)) return 'is not valid Unicode text (an unpaired surrogate)';
  return null;
}

export const isStorableText = (s: string) => textProblem(s) === null;

export const NON_FINITE_MESSAGE = 'is a number too large to store (numbers must be finite, at most about 1.8e308)';

/** Problems in a JSON value (strings, keys, depth, numbers that do not fit), each with its path; at most `limit`. */
export function jsonInputIssues(value: unknown, opts: { maxDepth?: number; limit?: number } = {}): InputIssue[] {
  const maxDepth = opts.maxDepth ?? MAX_JSON_DEPTH;
  const limit = opts.limit ?? 10;
  const out: InputIssue[] = [];
  const stack: [unknown, (string | number)[]][] = [[value, []]];
  while (stack.length && out.length < limit) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const p = textProblem(v);
      if (p) out.push({ path, message: p });
      continue;
    }
    if (typeof v === 'number') {
      // 1e400 parses to Infinity, which JSON and jsonb cannot hold (it would be stored as null).
      if (!Number.isFinite(v)) out.push({ path, message: NON_FINITE_MESSAGE });
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= maxDepth) {
      out.push({ path, message: `nests too deeply (at most ${maxDepth} levels)` });
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], [...path, i]]);
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      const p = textProblem(k);
      if (p) out.push({ path: [...path, k], message: `has a key that ${p}` });
      else stack.push([(v as Record<string, unknown>)[k], [...path, k]]);
    }
  }
  return out.slice(0, limit);
}

/**
 * ISO dates and date-times in year 0000 pass the format check but do not exist for PostgreSQL
 * (its calendar goes from 1 BC to AD 1): refuse them at the door.
 */
export const notYearZero = (s: string) => !s.startsWith('0000-');
export const YEAR_ZERO_MESSAGE = 'year 0000 does not exist; use a year from 0001 to 9999';
