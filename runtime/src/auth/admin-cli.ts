import { CreateUserBody, Role } from '@memberflow/shared/api/auth';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { audit } from '../monitoring/audit.ts';
import { hashPassword } from './password-hash.ts';
import { randomToken } from './secret-token.ts';

// npm run admin -- reset-password <email> | create-user <email> <role> [name]
// For operators on the server: a lost admin password cannot be recovered through the API.
// Its output is its interface (the new password is for the operator at the terminal, once), not a
// log: plain lines on stdout/stderr, never the JSON log stream that shippers keep.
const [command, email, role, ...name] = process.argv.slice(2);
const usage = 'usage: npm run admin -- reset-password <email>  |  create-user <email> <admin|marketer|analyst> [name]';
if (!command || !email) {
  console.error(usage);
  process.exit(2);
}
const config = loadConfig();
const db = openDatabase(config.databaseUrl, config.databaseSchema, 1);
const password = randomToken(12);
try {
  if (command === 'reset-password') {
    // An operator resetting a password on the server also lifts a lock and re-enables the account.
    const { rows } = await db.pool.query<{ id: string; was_disabled: boolean }>(
      `UPDATE app_user u SET password_hash = $2, failed_logins = 0, locked_until = NULL, disabled_at = NULL
       FROM app_user old WHERE old.id = u.id AND u.email = $1 RETURNING u.id, old.disabled_at IS NOT NULL AS was_disabled`,
      [email.toLowerCase(), await hashPassword(password)],
    );
    const user = rows[0];
    if (!user) throw new Error(`no user with email ${email}`);
    await db.pool.query(`DELETE FROM user_session WHERE user_id = $1`, [user.id]);
    await audit(db.pool, 'cli', 'user.update', 'user', user.id, { email: email.toLowerCase(), passwordReset: true, ...(user.was_disabled && { enabled: true }) });
  } else if (command === 'create-user') {
    const body = CreateUserBody.parse({ email, role: Role.parse(role), name: name.join(' ') || email, password });
    const { rows } = await db.pool.query<{ id: string }>(`INSERT INTO app_user (id, email, name, role, password_hash) VALUES (gen_random_uuid(), $1, $2, $3, $4) RETURNING id`, [
      body.email,
      body.name,
      body.role,
      await hashPassword(password),
    ]);
    await audit(db.pool, 'cli', 'user.create', 'user', rows[0]!.id, { email: body.email, role: body.role });
  } else throw new Error(usage);
  console.log(`${email}: new password ${password} (shown only now)`);
} catch (e) {
  console.error(`[memberflow] ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
