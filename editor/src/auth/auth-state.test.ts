import type { SessionUser } from '@memberflow/shared/api/auth';
import { describe, expect, it } from 'vitest';
import { authReducer, shownUser, type AuthState } from './auth-state.ts';

const ann: SessionUser = { id: 'u1', email: 'ann@example.com', name: 'Ann', role: 'analyst' };

describe('auth state', () => {
  it('keeps the page of a session that ended under it, for signing in again', () => {
    const signedIn = authReducer({ status: 'loading' }, { type: 'signed-in', user: ann });
    const expired = authReducer(signedIn, { type: 'ended' });
    expect(expired).toEqual({ status: 'expired', user: ann });
    expect(shownUser(expired)).toBe(ann);
    // More 401s from other requests change nothing.
    expect(authReducer(expired, { type: 'ended' })).toBe(expired);
    expect(authReducer(expired, { type: 'signed-in', user: ann })).toEqual({ status: 'signed-in', user: ann });
  });

  it('ignores a 401 that arrives after signing out', () => {
    const out: AuthState = { status: 'signed-out', keepPage: false };
    expect(authReducer(out, { type: 'ended' })).toBe(out);
    expect(shownUser(out)).toBeNull();
  });

  it('only a failed start is unreachable, and retrying loads again', () => {
    const down = authReducer({ status: 'loading' }, { type: 'unreachable', message: 'down' });
    expect(down).toEqual({ status: 'unreachable', message: 'down' });
    expect(authReducer(down, { type: 'retry' })).toEqual({ status: 'loading' });
    const signedIn: AuthState = { status: 'signed-in', user: ann };
    expect(authReducer(signedIn, { type: 'unreachable', message: 'x' })).toBe(signedIn);
  });
});
