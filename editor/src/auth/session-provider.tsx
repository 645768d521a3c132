import { roleCan } from '@memberflow/shared/access';
import { useCallback, useEffect, useMemo, useReducer, type ReactNode } from 'react';
import { getSession, login, logout } from '../api/auth-api.ts';
import { ApiRequestError, errorMessage } from '../api/http.ts';
import { authReducer, shownUser } from './auth-state.ts';
import { setCsrfToken } from './csrf-token.ts';
import { AuthContext, SessionContext, type Auth, type Session } from './session-context.ts';
import { onSessionEnded, startSessionGeneration } from './session-end.ts';

/** Loads /me at start, signs in and out, and hears about sessions that end under an open page. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(authReducer, { status: 'loading' });

  useEffect(() => {
    if (state.status !== 'loading') return;
    const ctrl = new AbortController();
    getSession(ctrl.signal).then(
      (info) => {
        setCsrfToken(info.csrfToken);
        startSessionGeneration();
        dispatch({ type: 'signed-in', user: info.user });
      },
      (err: unknown) => {
        if (ctrl.signal.aborted) return;
        if (err instanceof ApiRequestError && err.status === 401) dispatch({ type: 'signed-out', keepPage: true });
        else dispatch({ type: 'unreachable', message: errorMessage(err) });
      },
    );
    return () => ctrl.abort();
  }, [state.status]);

  useEffect(() => onSessionEnded(() => dispatch({ type: 'ended' })), []);

  const signIn = useCallback(async (email: string, password: string) => {
    const info = await login({ email, password });
    setCsrfToken(info.csrfToken);
    startSessionGeneration();
    dispatch({ type: 'signed-in', user: info.user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch (err) {
      // Already gone on the server is as good as signed out; anything else keeps the session.
      if (!(err instanceof ApiRequestError && err.status === 401)) throw err;
    }
    setCsrfToken(null);
    startSessionGeneration();
    dispatch({ type: 'signed-out', keepPage: false });
  }, []);

  const retry = useCallback(() => dispatch({ type: 'retry' }), []);
  const auth = useMemo<Auth>(() => ({ state, signIn, signOut, retry }), [state, signIn, signOut, retry]);

  const user = shownUser(state);
  const session = useMemo<Session | null>(
    () => (user ? { user, role: user.role, can: (p) => roleCan(user.role, p), signOut } : null),
    [user, signOut],
  );

  return (
    <AuthContext value={auth}>
      <SessionContext value={session}>{children}</SessionContext>
    </AuthContext>
  );
}
