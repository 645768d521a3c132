import { ApiRequestError } from './http.ts';

/** A 400's issues by field ("password" → "must be at least 12 characters"), the first one per field. */
export function fieldIssues(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiRequestError) || err.status !== 400) return out;
  for (const issue of err.body?.issues ?? []) if (issue.field) out[issue.field] ??= issue.message;
  return out;
}
