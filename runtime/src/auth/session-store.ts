import type { Role, SessionInfo } from '@memberflow/shared/api/auth';
import type { Clock } from '@memberflow/shared/clock';
import type { RuntimeConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { HttpError } from '../api/http-error.ts';
import { audit } from '../monitoring/audit.ts';
import { burnPasswordCheck, verifyPassword } from './password-hash.ts';
import type { Principal } from './principal.ts';
import type { FailureCounter } from './failure-counter.ts';
import { randomToken, sha256 } from './secret-token.ts';

export interface SessionPolicy {
  idleMs: number;
  maxMs: number;
  lockout: { attempts: number; ms: number };
}

export const sessionPolicy = (config: RuntimeConfig): SessionPolicy => ({ idleMs: config.sessionIdleMs, maxMs: config.sessionMaxMs, lockout: config.lockout });

const WRONG = 'Email or password is wrong';

function lockedError(until: Date, now: number): HttpError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now) / 1000));
  return new HttpError(429, { error: `Too many wrong passwords: this account is locked until ${until.toISOString().slice(11, 16)} UTC`, retryAfterSeconds });
}

/** Across all addresses, an account locks after this many times the per-address attempts. */
export const ACCOUNT_LOCK_FACTOR = 4;

/**
 * Checks a password; on success opens a session. Two locks, both counted before the password is
 * checked so parallel guesses cannot exceed them: per account and client address (LOCKOUT_ATTEMPTS),
 * so one attacker cannot lock the owner out from elsewhere, and per account across addresses
 * (ACCOUNT_LOCK_FACTOR times as many), against guessing spread over many addresses. A right
 * password never counts once a lock is set. Unknown emails are answered the same, in the same time.
 */
export async function signIn(db: Database, clock: Clock, policy: SessionPolicy, failures: FailureCounter, email: string, password: string, ip: string): Promise<{ token: string; info: SessionInfo }> {
  const now = clock.now();
  const user = await db.prisma.appUser.findUnique({ where: { email } });
  const pair = `${user?.id ?? sha256(email)}:${ip}`;
  const pairLock = await failures.reserve('sign-in', pair);
  if (pairLock) {
    await burnPasswordCheck(password);
    throw lockedError(new Date(pairLock), now);
  }
  if (!user) {
    await burnPasswordCheck(password);
    const until = await failures.fail('sign-in', pair);
    if (until) throw lockedError(new Date(until), now);
    throw new HttpError(401, { error: WRONG });
  }
  const accountAttempts = policy.lockout.attempts * ACCOUNT_LOCK_FACTOR;
  const { rows: reserved } = await db.pool.query(
    `UPDATE app_user SET
       failed_logins = CASE WHEN locked_until IS NOT NULL AND locked_until <= $2 THEN 1 ELSE failed_logins + 1 END,
       locked_until = NULL
     WHERE id = $1 AND ((locked_until IS NULL AND failed_logins < $3) OR locked_until <= $2)
     RETURNING id`,
    [user.id, new Date(now), accountAttempts],
  );
  if (!reserved.length) {
    await burnPasswordCheck(password);
    // Out of attempts but not locked (parallel guesses, or a process that died mid-check): lock now, so it ends.
    const { rows } = await db.pool.query<{ locked_until: Date }>(
      `UPDATE app_user SET locked_until = COALESCE(locked_until, $2::timestamptz) WHERE id = $1 RETURNING locked_until`,
      [user.id, new Date(now + policy.lockout.ms)],
    );
    throw lockedError(rows[0]?.locked_until ?? new Date(now + policy.lockout.ms), now);
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    const { rows } = await db.pool.query<{ failed_logins: number; locked_until: Date | null }>(
      `UPDATE app_user SET locked_until = CASE WHEN failed_logins >= $2 THEN COALESCE(locked_until, $3::timestamptz) ELSE locked_until END
       WHERE id = $1 RETURNING failed_logins, locked_until`,
      [user.id, accountAttempts, new Date(now + policy.lockout.ms)],
    );
    const accountLock = rows[0]?.locked_until ?? null;
    const until = accountLock ?? (await failures.fail('sign-in', pair).then((t) => (t ? new Date(t) : null)));
    if (until) {
      await audit(db.pool, email, 'user.locked', 'user', user.id, { scope: accountLock ? 'account' : 'address', failedLogins: rows[0]?.failed_logins, until: until.toISOString(), ip });
      throw lockedError(until, now);
    }
    throw new HttpError(401, { error: WRONG });
  }
  // Right password: it counts only if no lock was set while it was being checked.
  const { rows: cleared } = await db.pool.query(`UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_login_at = $2 WHERE id = $1 AND locked_until IS NULL RETURNING id`, [
    user.id,
    new Date(now),
  ]);
  if (!cleared.length) {
    const fresh = await db.prisma.appUser.findUnique({ where: { id: user.id } });
    throw lockedError(fresh?.lockedUntil ?? new Date(now + policy.lockout.ms), now);
  }
  await failures.clear('sign-in', pair);
  if (user.disabledAt) throw new HttpError(401, { error: 'This account is disabled; ask an admin to enable it' });

  const token = randomToken();
  const csrfToken = randomToken();
  await db.prisma.$transaction([
    // Old sessions of this user are cleaned up as they sign in again.
    db.prisma.userSession.deleteMany({ where: { userId: user.id, OR: [{ lastSeenAt: { lt: new Date(now - policy.idleMs) } }, { createdAt: { lt: new Date(now - policy.maxMs) } }] } }),
    db.prisma.userSession.create({ data: { tokenHash: sha256(token), userId: user.id, csrfToken, createdAt: new Date(now), lastSeenAt: new Date(now) } }),
  ]);
  await audit(db.pool, email, 'user.sign_in', 'user', user.id, { ip });
  return { token, info: { user: { id: user.id, email: user.email, name: user.name, role: user.role as Role }, csrfToken } };
}

const TOUCH_EVERY_MS = 60_000;

/** The session behind a cookie token, or null when unknown, expired or its user disabled. */
export async function findSession(db: Database, clock: Clock, policy: SessionPolicy, token: string): Promise<Extract<Principal, { kind: 'user' }> | null> {
  return findSessionByHash(db, clock, policy, sha256(token));
}

export async function findSessionByHash(db: Database, clock: Clock, policy: SessionPolicy, tokenHash: string): Promise<Extract<Principal, { kind: 'user' }> | null> {
  const s = await db.prisma.userSession.findUnique({ where: { tokenHash }, include: { user: true } });
  if (!s) return null;
  const now = clock.now();
  if (s.user.disabledAt || s.lastSeenAt.getTime() + policy.idleMs <= now || s.createdAt.getTime() + policy.maxMs <= now) {
    await db.prisma.userSession.deleteMany({ where: { tokenHash } });
    return null;
  }
  if (now - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) await db.prisma.userSession.update({ where: { tokenHash }, data: { lastSeenAt: new Date(now) } });
  const { id, email, name, role } = s.user;
  return { kind: 'user', user: { id, email, name, role: role as Role }, sessionHash: tokenHash, csrfToken: s.csrfToken };
}

export async function endSession(db: Database, sessionHash: string): Promise<void> {
  await db.prisma.userSession.deleteMany({ where: { tokenHash: sessionHash } });
}
