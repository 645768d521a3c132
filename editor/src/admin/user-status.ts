import type { UserSummary } from '@memberflow/shared/api/auth';

export type UserStatus = { kind: 'active' } | { kind: 'disabled' } | { kind: 'locked'; until: string };

/** Disabled wins over locked: a lock runs out by itself, a disabled account stays shut until an admin opens it. */
export function userStatus(user: Pick<UserSummary, 'disabled' | 'lockedUntil'>, now: number): UserStatus {
  if (user.disabled) return { kind: 'disabled' };
  if (user.lockedUntil !== null) {
    const until = Date.parse(user.lockedUntil);
    if (Number.isFinite(until) && until > now) return { kind: 'locked', until: user.lockedUntil };
  }
  return { kind: 'active' };
}

/** Admins first, then by name: the people who can change things are the ones looked for most. */
export function sortUsers<U extends Pick<UserSummary, 'role' | 'name' | 'email'>>(users: readonly U[]): U[] {
  const rank = { admin: 0, marketer: 1, analyst: 2 } as const;
  return [...users].sort((a, b) => rank[a.role] - rank[b.role] || a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
}
