import type { ApiError } from '@memberflow/shared/api/workflows';
import { withCsrfHeader } from '../auth/csrf-token.ts';
import { endsSession, reportSessionEnded, sessionGeneration } from '../auth/session-end.ts';

/** The API's error body; a 429 (too many sign-in attempts, locked account) also says how long to wait. */
export type ApiErrorBody = ApiError & { retryAfterSeconds?: number };

/** A non-2xx answer, with the API's error body when it sent one. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
  ) {
    super(body?.error ?? `Request failed with status ${status}`);
    this.name = 'ApiRequestError';
  }
}

export async function requestJson<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  // The session cookie is SameSite=Strict and every change also carries the CSRF token.
  init.headers = withCsrfHeader(method, headers);
  if (signal) init.signal = signal;
  const sentIn = sessionGeneration();
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new Error('Cannot reach the Memberflow server. Check your connection and try again.', { cause: err });
  }
  const text = await res.text();
  const parsed: unknown = text ? safeJson(text) : null;
  if (!res.ok) {
    if (endsSession(path, res.status)) reportSessionEnded(sentIn);
    throw new ApiRequestError(res.status, isApiError(parsed) ? parsed : null);
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isApiError(x: unknown): x is ApiErrorBody {
  return typeof x === 'object' && x !== null && typeof (x as { error?: unknown }).error === 'string';
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiRequestError && err.body?.issues?.length) {
    return `${err.message}: ${err.body.issues.map((i) => (i.field ? `${i.field} ${i.message}` : i.message)).join('; ')}`;
  }
  return err instanceof Error ? err.message : String(err);
}
