import { CSRF_HEADER } from '@memberflow/shared/access';

// The token the server handed out with the session (login or /me). A module-level value rather
// than React state: every request reads it, including ones started outside components.
let current: string | null = null;

export function setCsrfToken(token: string | null): void {
  current = token;
}

export function getCsrfToken(): string | null {
  return current;
}

/** Safe methods change nothing, so the server does not ask them for the token. */
export function needsCsrf(method: string): boolean {
  const m = method.toUpperCase();
  return m !== 'GET' && m !== 'HEAD' && m !== 'OPTIONS';
}

/** The headers for a request: with the session's token on anything that changes data. */
export function withCsrfHeader(method: string, headers: Record<string, string>, token: string | null = current): Record<string, string> {
  return needsCsrf(method) && token ? { ...headers, [CSRF_HEADER]: token } : headers;
}
