import { ApiRequestError } from './http.ts';

/**
 * The issues of a refused body by field ("password" → "must be at least 12 characters"), the first
 * one per field: a 400, or a 409 that names its field (an email already taken).
 */
export function fieldIssues(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiRequestError)) return out;
  for (const issue of err.body?.issues ?? []) if (issue.field) out[issue.field] ??= issue.message;
  return out;
}
