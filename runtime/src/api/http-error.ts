import type { ApiError } from '@memberflow/shared/api/workflows';
import { jsonInputIssues } from '@memberflow/shared/json-input';
import { pathToField } from '@memberflow/shared/violations';
import type { z } from 'zod';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.error);
  }
}

/** Parses a request body with a shared schema; a failure is a 400 that names each field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, what = 'request body'): z.infer<S> {
  // Text Postgres cannot store (NUL, lone surrogates) and absurd nesting are refused before any schema sees them.
  const bad = jsonInputIssues(body);
  if (bad.length) {
    const issues = bad.map((i) => ({ field: pathToField(i.path) || '(body)', message: i.message }));
    throw new HttpError(400, { error: `Invalid ${what}: ${issues[0]!.field} ${issues[0]!.message}`, issues });
  }
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ field: pathToField(i.path) || '(body)', message: i.message }));
  const first = issues[0]!;
  throw new HttpError(400, { error: `Invalid ${what}: ${first.field} ${first.message}`, issues });
}

export const notFound = (what: string) => new HttpError(404, { error: `${what} not found` });
