import type { SessionUser } from '@memberflow/shared/api/auth';

export type AuthState =
  | { status: 'loading' }
  /** The server did not answer /me: nothing to sign in to yet. */
  | { status: 'unreachable'; message: string }
  /** `keepPage`: the sign-in page returns to the page asked for (false after signing out: the next person starts at home). */
  | { status: 'signed-out'; keepPage: boolean }
  | { status: 'signed-in'; user: SessionUser }
  /** The session ended under an open page: the page stays (unsaved edits too) behind a sign-in form. */
  | { status: 'expired'; user: SessionUser };

export type AuthEvent =
  | { type: 'signed-in'; user: SessionUser }
  /** /me said 401 (keepPage), or the user signed out. */
  | { type: 'signed-out'; keepPage: boolean }
  | { type: 'unreachable'; message: string }
  /** Some request answered 401. */
  | { type: 'ended' }
  | { type: 'retry' };

export function authReducer(state: AuthState, event: AuthEvent): AuthState {
  switch (event.type) {
    case 'signed-in':
      return { status: 'signed-in', user: event.user };
    case 'signed-out':
      return { status: 'signed-out', keepPage: event.keepPage };
    case 'unreachable':
      return state.status === 'loading' ? { status: 'unreachable', message: event.message } : state;
    case 'ended':
      // Late answers of requests made before a sign-out, or several 401s at once, change nothing more.
      return state.status === 'signed-in' ? { status: 'expired', user: state.user } : state;
    case 'retry':
      return state.status === 'unreachable' ? { status: 'loading' } : state;
  }
}

/** The user whose pages are on screen, if any (also while their expired session waits for a new sign-in). */
export function shownUser(state: AuthState): SessionUser | null {
  return state.status === 'signed-in' || state.status === 'expired' ? state.user : null;
}
