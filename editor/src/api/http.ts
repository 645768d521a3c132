import type { ApiError } from '@memberflow/shared/api/workflows';

/** A non-2xx answer, with the API's error body when it sent one. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | null,
  ) {
    super(body?.error ?? `Request failed with status ${status}`);
    this.name = 'ApiRequestError';
  }
}

export async function requestJson<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const init: RequestInit = { method, headers: { accept: 'application/json' } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  if (signal) init.signal = signal;
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new Error('Cannot reach the Memberflow server. Check your connection and try again.', { cause: err });
  }
  const text = await res.text();
  const parsed: unknown = text ? safeJson(text) : null;
  if (!res.ok) throw new ApiRequestError(res.status, isApiError(parsed) ? parsed : null);
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isApiError(x: unknown): x is ApiError {
  return typeof x === 'object' && x !== null && typeof (x as { error?: unknown }).error === 'string';
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiRequestError && err.body?.issues?.length) {
    return `${err.message}: ${err.body.issues.map((i) => (i.field ? `${i.field} ${i.message}` : i.message)).join('; ')}`;
  }
  return err instanceof Error ? err.message : String(err);
}
