/**
 * A 401 from any API call means the session is gone (expired, signed out in another tab, user
 * disabled). The request layer reports it here and the session provider shows the sign-in form.
 */
const listeners = new Set<() => void>();

// Bumped at every sign-in and sign-out: a 401 for a request sent under an earlier session
// (a slow poll that answers after the user signed in again) must not end the new one.
let generation = 0;

export function sessionGeneration(): number {
  return generation;
}

export function startSessionGeneration(): void {
  generation += 1;
}

export function onSessionEnded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** `sentIn` is the generation the failed request was sent in. */
export function reportSessionEnded(sentIn: number): void {
  if (sentIn !== generation) return;
  for (const l of listeners) l();
}

// The auth endpoints answer 401 as part of their job (wrong password, not signed in yet):
// the caller handles those, they do not end a session that is showing a page.
const AUTH_PREFIX = '/api/v1/auth/';

export function endsSession(path: string, status: number): boolean {
  return status === 401 && !path.startsWith(AUTH_PREFIX);
}
