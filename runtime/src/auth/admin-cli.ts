import { CreateUserBody, Role } from '@memberflow/shared/api/auth';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { audit } from '../monitoring/audit.ts';
import { hashPassword } from './password-hash.ts';
import { randomToken } from './secret-token.ts';

// npm run admin -- reset-password <email> | create-user <email> <role> [name]
// For operators on the server: a lost admin password cannot be recovered through the API.
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
    const { rowCount } = await db.pool.query(`UPDATE app_user SET password_hash = $2, failed_logins = 0, locked_until = NULL, disabled_at = NULL WHERE email = $1`, [email.toLowerCase(), await hashPassword(password)]);
    if (!rowCount) throw new Error(`no user with email ${email}`);
    await db.pool.query(`DELETE FROM user_session WHERE user_id = (SELECT id FROM app_user WHERE email = $1)`, [email.toLowerCase()]);
    await audit(db.pool, 'cli', 'user.update', 'user', email.toLowerCase(), { passwordReset: true });
  } else if (command === 'create-user') {
    const body = CreateUserBody.parse({ email, role: Role.parse(role), name: name.join(' ') || email, password });
    await db.pool.query(`INSERT INTO app_user (id, email, name, role, password_hash) VALUES (gen_random_uuid(), $1, $2, $3, $4)`, [body.email, body.name, body.role, await hashPassword(password)]);
    await audit(db.pool, 'cli', 'user.create', 'user', body.email, { email: body.email, role: body.role });
  } else throw new Error(usage);
  console.log(`${email}: new password ${password} (shown only now)`);
} catch (e) {
  console.error(`[memberflow] ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
