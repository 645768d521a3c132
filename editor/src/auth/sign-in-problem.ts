import { ApiRequestError } from '../api/http.ts';
import { fieldIssues } from '../api/field-issues.ts';

/** Why a sign-in did not work, in terms the form can word in the user's language. */
export type SignInProblem =
  | { kind: 'wrong-credentials' }
  /** The right password for a disabled account: worth saying, since only an admin can help. */
  | { kind: 'disabled' }
  /** Locked account or too many attempts: the server says how long to wait; `until` is epoch ms. */
  | { kind: 'locked'; until: number }
  | { kind: 'fields'; fields: Record<string, string> }
  | { kind: 'unreachable' }
  | { kind: 'other'; message: string };

// When the server leaves the wait out, a minute is a safe guess: the button comes back then.
const DEFAULT_WAIT_SECONDS = 60;

export function signInProblem(err: unknown, now: number): SignInProblem {
  if (!(err instanceof ApiRequestError)) return { kind: 'unreachable' };
  // The server words a disabled account's 401 differently from a wrong password; nothing else tells them apart.
  if (err.status === 401) return /disabled/i.test(err.message) ? { kind: 'disabled' } : { kind: 'wrong-credentials' };
  if (err.status === 429) {
    const wait = err.body?.retryAfterSeconds;
    const seconds = typeof wait === 'number' && Number.isFinite(wait) && wait > 0 ? wait : DEFAULT_WAIT_SECONDS;
    return { kind: 'locked', until: now + seconds * 1000 };
  }
  const fields = fieldIssues(err);
  if (Object.keys(fields).length) return { kind: 'fields', fields };
  return { kind: 'other', message: err.message };
}

/** Whole seconds still to wait, never negative. */
export function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/** "in 45 seconds", "in 15 minutes", "in 2 hours" (or 45秒钟后 …): rounded up, so nobody retries too early. */
export function formatWait(seconds: number, locale: string): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  if (seconds < 60) return rtf.format(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 3600) return rtf.format(Math.ceil(seconds / 60), 'minute');
  return rtf.format(Math.ceil(seconds / 3600), 'hour');
}
