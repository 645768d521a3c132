import { CreateUserBody } from '@memberflow/shared/api/auth';
import { PASSWORD_MIN } from '@memberflow/shared/access';
import type { Database } from '../db/database.ts';
import { audit } from '../monitoring/audit.ts';
import { hashPassword } from './password-hash.ts';
import { randomToken } from './secret-token.ts';

export const DEFAULT_ADMIN_EMAIL = 'admin@memberflow.local';

export type FirstAdmin = { created: false; email: string } | { created: true; email: string; password: string; generated: boolean };

/**
 * With no users yet, creates the first admin: MEMBERFLOW_ADMIN_EMAIL / MEMBERFLOW_ADMIN_PASSWORD
 * when given, else a random password printed once. There is never a built-in default password.
 */
export async function ensureFirstAdmin(db: Database, env: NodeJS.ProcessEnv = process.env): Promise<FirstAdmin> {
  const email = (env.MEMBERFLOW_ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL).trim().toLowerCase();
  if ((await db.prisma.appUser.count()) > 0) return { created: false, email };
  const given = env.MEMBERFLOW_ADMIN_PASSWORD;
  const password = given || randomToken(12);
  const body = CreateUserBody.safeParse({ email, name: 'Administrator', role: 'admin', password });
  if (!body.success) {
    const issue = body.error.issues[0]!;
    throw new Error(`First admin: ${issue.path[0] === 'password' ? 'MEMBERFLOW_ADMIN_PASSWORD' : 'MEMBERFLOW_ADMIN_EMAIL'} ${issue.message}${issue.path[0] === 'password' ? ` (at least ${PASSWORD_MIN} characters)` : ''}`);
  }
  // ON CONFLICT: two processes starting together create one admin.
  const { rows } = await db.pool.query<{ id: string }>(
    `INSERT INTO app_user (id, email, name, role, password_hash) SELECT gen_random_uuid(), $1, $2, 'admin', $3 WHERE NOT EXISTS (SELECT 1 FROM app_user) ON CONFLICT DO NOTHING RETURNING id`,
    [body.data.email, body.data.name, await hashPassword(password)],
  );
  if (!rows[0]) return { created: false, email };
  await audit(db.pool, 'system', 'user.create', 'user', rows[0].id, { email: body.data.email, role: 'admin', firstAdmin: true });
  return { created: true, email: body.data.email, password, generated: !given };
}

export function describeFirstAdmin(a: FirstAdmin, url: string): string {
  if (!a.created) return `[memberflow] sign in at ${url} (forgot the password? npm run admin -- reset-password ${a.email})`;
  const lines = [
    `  Sign in at ${url}`,
    `  email:    ${a.email}`,
    a.generated ? `  password: ${a.password}   (generated; shown only now: change it after signing in)` : '  password: the one in MEMBERFLOW_ADMIN_PASSWORD',
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  return ['', '┌' + '─'.repeat(width) + '┐', ...lines.map((l) => '│' + l.padEnd(width) + '│'), '└' + '─'.repeat(width) + '┘', ''].join('\n');
}
