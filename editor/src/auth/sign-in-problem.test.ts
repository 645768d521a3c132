import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../api/http.ts';
import { formatWait, secondsLeft, signInProblem } from './sign-in-problem.ts';

describe('sign-in problems', () => {
  it('tells wrong credentials, lockout with its wait, and field errors apart', () => {
    expect(signInProblem(new ApiRequestError(401, { error: 'Email or password is wrong' }), 0)).toEqual({ kind: 'wrong-credentials' });
    expect(signInProblem(new ApiRequestError(401, { error: 'This account is disabled; ask an admin to enable it' }), 0)).toEqual({ kind: 'disabled' });
    expect(signInProblem(new ApiRequestError(429, { error: 'Locked', retryAfterSeconds: 900 }), 1000)).toEqual({ kind: 'locked', until: 901_000 });
    expect(signInProblem(new ApiRequestError(400, { error: 'Invalid', issues: [{ field: 'email', message: 'must be an email address' }] }), 0)).toEqual({
      kind: 'fields',
      fields: { email: 'must be an email address' },
    });
    expect(signInProblem(new ApiRequestError(500, { error: 'Boom' }), 0)).toEqual({ kind: 'other', message: 'Boom' });
    expect(signInProblem(new Error('Failed to fetch'), 0)).toEqual({ kind: 'unreachable' });
  });

  it('waits a minute when a 429 does not say how long', () => {
    expect(signInProblem(new ApiRequestError(429, { error: 'Too many attempts' }), 0)).toEqual({ kind: 'locked', until: 60_000 });
  });

  it('counts the wait down in whole seconds and words it in the UI language', () => {
    expect(secondsLeft(10_500, 10_000)).toBe(1);
    expect(secondsLeft(9_000, 10_000)).toBe(0);
    expect(formatWait(45, 'en')).toBe('in 45 seconds');
    expect(formatWait(61, 'en')).toBe('in 2 minutes');
    expect(formatWait(900, 'en')).toBe('in 15 minutes');
    expect(formatWait(7200, 'en')).toBe('in 2 hours');
    expect(formatWait(300, 'zh-CN')).toMatch(/5\s*分钟后/);
  });
});
