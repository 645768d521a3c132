import { CSRF_HEADER } from '@memberflow/shared/access';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../auth/csrf-token.ts';
import { onSessionEnded } from '../auth/session-end.ts';
import { ApiRequestError, requestJson } from './http.ts';

function stubFetch(status: number, body: unknown) {
  const calls: { path: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
    calls.push({ path, init });
    return new Response(body === undefined ? null : JSON.stringify(body), { status });
  });
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('requestJson', () => {
  it('sends the session CSRF token with changes only', async () => {
    setCsrfToken('tok-1');
    const calls = stubFetch(200, { ok: true });
    await requestJson('PATCH', '/api/v1/users/u1', { role: 'analyst' });
    await requestJson('GET', '/api/v1/users');
    const headers = calls.map((c) => c.init.headers as Record<string, string>);
    expect(headers[0]![CSRF_HEADER]).toBe('tok-1');
    expect(headers[0]!['content-type']).toBe('application/json');
    expect(headers[1]![CSRF_HEADER]).toBeUndefined();
  });

  it('reports a 401 as the end of the session, with the server error on the thrown error', async () => {
    let ended = 0;
    const off = onSessionEnded(() => (ended += 1));
    stubFetch(401, { error: 'Sign in first' });
    await expect(requestJson('GET', '/api/v1/workflows')).rejects.toMatchObject({ status: 401, message: 'Sign in first' });
    expect(ended).toBe(1);
    // A wrong password on the sign-in form is the form's business.
    await expect(requestJson('POST', '/api/v1/auth/login', {})).rejects.toBeInstanceOf(ApiRequestError);
    expect(ended).toBe(1);
    off();
  });

  it('a 403 keeps the session and carries the reason', async () => {
    let ended = 0;
    const off = onSessionEnded(() => (ended += 1));
    stubFetch(403, { error: 'Your role may not publish' });
    await expect(requestJson('POST', '/api/v1/workflows/x/publish')).rejects.toMatchObject({ status: 403, message: 'Your role may not publish' });
    expect(ended).toBe(0);
    off();
  });

  it('a 204 answers null', async () => {
    stubFetch(204, undefined);
    expect(await requestJson('POST', '/api/v1/auth/logout')).toBeNull();
  });
});
