import { CSRF_HEADER } from '@memberflow/shared/access';
import { describe, expect, it } from 'vitest';
import { needsCsrf, withCsrfHeader } from './csrf-token.ts';

describe('CSRF header', () => {
  it('is added to every method that changes something, not to reads', () => {
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE', 'post']) expect(needsCsrf(m), m).toBe(true);
    for (const m of ['GET', 'HEAD', 'OPTIONS', 'get']) expect(needsCsrf(m), m).toBe(false);
  });

  it('carries the token on changes and leaves other headers alone', () => {
    const base = { accept: 'application/json' };
    expect(withCsrfHeader('POST', base, 'tok')).toEqual({ accept: 'application/json', [CSRF_HEADER]: 'tok' });
    expect(withCsrfHeader('DELETE', base, 'tok')[CSRF_HEADER]).toBe('tok');
    expect(withCsrfHeader('GET', base, 'tok')).toEqual(base);
    expect(base).toEqual({ accept: 'application/json' });
  });

  it('sends nothing when there is no session token yet (signing in)', () => {
    expect(withCsrfHeader('POST', {}, null)).toEqual({});
  });
});
