import type { Clock } from '@memberflow/shared/clock';
import type { RuntimeConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Principal } from './principal.ts';
import { findSessionByHash, sessionPolicy } from './session-store.ts';

/**
 * For long-lived answers (live streams): is the caller still signed in with the same role, or
 * the key still unrevoked? Sign-out, disabling, a role change or revocation end the stream.
 */
export async function stillValid(db: Database, clock: Clock, config: RuntimeConfig, p: Principal): Promise<boolean> {
  if (p.kind === 'key') {
    const k = await db.prisma.apiKey.findUnique({ where: { id: p.id }, select: { revokedAt: true } });
    return !!k && k.revokedAt === null;
  }
  const s = await findSessionByHash(db, clock, sessionPolicy(config), p.sessionHash);
  return !!s && s.user.role === p.user.role;
}
