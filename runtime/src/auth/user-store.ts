import type { CreateUserBody, Role, UpdateUserBody, UserSummary } from '@memberflow/shared/api/auth';
import type { Clock } from '@memberflow/shared/clock';
import type { Database } from '../db/database.ts';
import { HttpError, notFound } from '../api/http-error.ts';
import { hashPassword } from './password-hash.ts';

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  disabledAt: Date | null;
  lockedUntil: Date | null;
  createdAt: Date;
  lastLoginAt: Date | null;
}

export function toSummary(u: UserRow, now: number): UserSummary {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Role,
    disabled: u.disabledAt !== null,
    lockedUntil: u.lockedUntil && u.lockedUntil.getTime() > now ? u.lockedUntil.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  };
}

export async function listUsers(db: Database, clock: Clock): Promise<UserSummary[]> {
  const users = await db.prisma.appUser.findMany({ orderBy: { email: 'asc' } });
  return users.map((u) => toSummary(u, clock.now()));
}

export async function createUser(db: Database, clock: Clock, body: CreateUserBody): Promise<UserSummary> {
  const existing = await db.prisma.appUser.findUnique({ where: { email: body.email } });
  if (existing) throw new HttpError(409, { error: `A user with email ${body.email} already exists`, issues: [{ field: 'email', message: 'is already taken' }] });
  const u = await db.prisma.appUser.create({
    data: { email: body.email, name: body.name, role: body.role, passwordHash: await hashPassword(body.password), createdAt: new Date(clock.now()) },
  });
  return toSummary(u, clock.now());
}

/** Role changes, disabling and password resets end the user's sessions: they take effect at once. */
export async function updateUser(db: Database, clock: Clock, id: string, body: UpdateUserBody): Promise<UserSummary> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('User');
  const u = await db.prisma.appUser.findUnique({ where: { id } });
  if (!u) throw notFound('User');
  const losesAdmin = u.role === 'admin' && u.disabledAt === null && ((body.role && body.role !== 'admin') || body.disabled === true);
  const now = new Date(clock.now());
  const updated = await db.prisma.$transaction(async (tx) => {
    if (losesAdmin) {
      // Locking the enabled admins' rows: two admins disabling each other at once cannot both succeed.
      const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM app_user WHERE role = 'admin' AND disabled_at IS NULL FOR UPDATE`;
      if (admins.filter((a) => a.id !== id).length === 0) throw new HttpError(409, { error: 'This is the last enabled admin; make another admin first' });
    }
    const next = await tx.appUser.update({
      where: { id },
      data: {
        ...(body.name !== undefined && { name: body.name }),
        ...(body.role !== undefined && { role: body.role }),
        ...(body.disabled !== undefined && { disabledAt: body.disabled ? (u.disabledAt ?? now) : null }),
        // A new password set by an admin also lifts a lockout.
        ...(body.password !== undefined && { passwordHash: await hashPassword(body.password), failedLogins: 0, lockedUntil: null }),
      },
    });
    if (body.role !== undefined || body.disabled === true || body.password !== undefined) await tx.userSession.deleteMany({ where: { userId: id } });
    return next;
  });
  return toSummary(updated, clock.now());
}
