import { randomUUID } from 'node:crypto';
import { Permission, type Role } from '@memberflow/shared/api/auth';
import { rolePermissions, scopePermissions } from '@memberflow/shared/access';
import { describe, expect } from 'vitest';
import { buildRouter, authServices } from '../src/api/app.ts';
import { createApiKey } from '../src/auth/api-key-store.ts';
import { routeAccess, type Access } from '../src/auth/route-access.ts';
import { stillValid } from '../src/auth/still-valid.ts';
import { createUser } from '../src/auth/user-store.ts';
import { toCsv } from '../src/monitoring/csv-export.ts';
import { test, type Infra } from './infra-fixture.ts';

type Who = 'anonymous' | Role | 'key:ingest' | 'key:full';
const everyone: Who[] = ['anonymous', 'analyst', 'marketer', 'admin', 'key:ingest', 'key:full'];

function allowed(who: Who, access: Access): boolean {
  if (access === 'public') return true;
  if (who === 'anonymous') return false;
  if (access === 'session') return !who.startsWith('key:');
  const perms: readonly Permission[] = who === 'key:ingest' ? scopePermissions.ingest : who === 'key:full' ? scopePermissions.full : rolePermissions[who];
  return perms.includes(access);
}

/** Concrete URLs for route templates: ids that exist nowhere, so allowed calls end in 4xx, never in a change. */
const concrete = (path: string) =>
  path.replace(':version', '1').replace(':action', 'retry').replace(':code', 'NOPE').replace(':key', 'nope').replace(':id', randomUUID());

async function credentialsFor(infra: Infra, who: Who): Promise<Record<string, string>> {
  if (who === 'anonymous') return {};
  if (who.startsWith('key:')) {
    const { key } = await createApiKey(infra.runtime.db, infra.clock, { name: who, scope: who.slice(4) as 'ingest' | 'full' }, 'test');
    return { authorization: `Bearer ${key}` };
  }
  const person = await infra.as(who as Role);
  const res = await infra.anonymous('POST', '/api/v1/auth/login', { email: person.email, password: person.password });
  return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), 'x-csrf-token': res.body.csrfToken };
}

/** Status only: the body is dropped unread, so live streams (SSE) do not hold the test. */
async function statusOf(url: string, method: string, headers: Record<string, string>): Promise<number> {
  const res = await fetch(url, { method, headers: { ...headers, ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) }, body: method === 'GET' ? undefined : '{}' });
  await res.body?.cancel();
  return res.status;
}

describe('access control', () => {
  test('every route in the router has an access rule, and every rule a route', async ({ infra }) => {
    const deps = { engine: infra.runtime.engine, queue: infra.runtime.queue, redis: infra.runtime.redis, config: infra.runtime.config } as never;
    const router = buildRouter(deps, authServices(deps));
    const registered = new Set(router.stack.flatMap((layer) => layer.methods.filter((m) => m !== 'HEAD').map((m) => `${m} ${layer.path}`)));
    expect([...registered].sort()).toEqual(Object.keys(routeAccess).sort());
  });

  test('each role and key scope is refused exactly what it may not do, on every route', async ({ infra }) => {
    const creds = Object.fromEntries(await Promise.all(everyone.map(async (w) => [w, await credentialsFor(infra, w)] as const))) as Record<Who, Record<string, string>>;
    const wrong: string[] = [];
    // Signing out would end the session the later checks use; it is tested on its own below.
    const routes = Object.entries(routeAccess).filter(([k]) => k !== 'POST /api/v1/auth/logout' && k !== 'POST /api/v1/auth/login');
    for (const [route, access] of routes) {
      const [method, path] = route.split(' ') as [string, string];
      const url = `${infra.runtime.url}${concrete(path)}`;
      for (const who of everyone) {
        const status = await statusOf(url, method, creds[who]);
        const refused = status === 401 || status === 403;
        const expected = allowed(who, access);
        if (refused === expected) wrong.push(`${who} ${route}: ${status} (${expected ? 'should be allowed' : 'should be refused'})`);
        if (!expected && who === 'anonymous' && status !== 401) wrong.push(`${who} ${route}: ${status}, not 401`);
        if (status >= 500) wrong.push(`${who} ${route}: ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('read permission is only ever given to GETs: anything that changes data needs more', () => {
    const readChanges = Object.entries(routeAccess).filter(([route, access]) => access === 'read' && !route.startsWith('GET '));
    expect(readChanges).toEqual([]);
  });

  test('unknown routes and case tricks are refused, not served', async ({ infra }) => {
    expect((await infra.anonymous('GET', '/api/v1/nothing-here')).status).toBe(404);
    expect((await infra.anonymous('GET', '/API/V1/USERS')).status).toBe(401);
    expect((await infra.anonymous('GET', '/api/v1/users/')).status).toBe(401);
    expect((await infra.anonymous('POST', '/Metrics')).status).toBe(404);
    expect((await infra.anonymous('GET', '/METRICS')).status).toBe(401);
    expect((await infra.api('PATCH', '/api/v1/workflows')).status).toBe(404);
  });
});

describe('sessions', () => {
  test('sign-in sets an HttpOnly SameSite cookie; changes need the CSRF token from the same origin', async ({ infra }) => {
    const marketer = await infra.as('marketer');
    const res = await infra.anonymous('POST', '/api/v1/auth/login', { email: marketer.email.toUpperCase(), password: marketer.password });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: marketer.email, role: 'marketer' });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('mf_session='))!;
    expect(setCookie).toMatch(/httponly/i);
    expect(setCookie).toMatch(/samesite=strict/i);
    const cookie = setCookie.split(';')[0]!;

    expect((await infra.anonymous('GET', '/api/v1/auth/me', undefined, { cookie })).body.user.email).toBe(marketer.email);
    const create = { name: 'CSRF check', templateKey: 'second-purchase-nudge' };
    expect((await infra.anonymous('POST', '/api/v1/workflows', create, { cookie })).status).toBe(403);
    expect((await infra.anonymous('POST', '/api/v1/workflows', create, { cookie, 'x-csrf-token': 'guess' })).status).toBe(403);
    const token = res.body.csrfToken as string;
    const foreign = await infra.anonymous('POST', '/api/v1/workflows', create, { cookie, 'x-csrf-token': token, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toMatch(/Cross-site/);
    expect((await infra.anonymous('POST', '/api/v1/workflows', create, { cookie, 'x-csrf-token': token, origin: infra.runtime.url! })).status).toBe(201);
    // API keys carry no cookie, so they need no CSRF token.
    expect((await infra.api('POST', '/api/v1/workflows', create)).status).toBe(201);

    const out = await infra.anonymous('POST', '/api/v1/auth/logout', undefined, { cookie, 'x-csrf-token': token });
    expect(out.status).toBe(204);
    expect((await infra.anonymous('GET', '/api/v1/auth/me', undefined, { cookie })).status).toBe(401);
  });

  test('sessions end when idle too long, when the user is disabled, and when the role changes', async ({ infra }) => {
    const analyst = await infra.as('analyst');
    expect((await analyst('GET', '/api/v1/workflows')).status).toBe(200);
    infra.clock.advance(13 * 3_600_000);
    expect((await analyst('GET', '/api/v1/workflows')).status).toBe(401);
    const admin = await infra.as('admin');

    const login = async () => {
      const r = await infra.anonymous('POST', '/api/v1/auth/login', { email: analyst.email, password: analyst.password });
      return { status: r.status, cookie: r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), body: r.body };
    };
    const { cookie, body } = await login();
    const me = body.user.id as string;
    expect((await infra.anonymous('GET', '/api/v1/workflows', undefined, { cookie })).status).toBe(200);
    expect((await admin('PATCH', `/api/v1/users/${me}`, { role: 'marketer' })).status).toBe(200);
    expect((await infra.anonymous('GET', '/api/v1/workflows', undefined, { cookie })).status).toBe(401);

    const again = await login();
    expect(again.body.user.role).toBe('marketer');
    expect((await admin('PATCH', `/api/v1/users/${me}`, { disabled: true })).status).toBe(200);
    expect((await infra.anonymous('GET', '/api/v1/workflows', undefined, { cookie: again.cookie })).status).toBe(401);
    const refused = await login();
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatch(/disabled/);
    // Wrong passwords to a disabled account say only "wrong", like unknown accounts.
    expect((await infra.anonymous('POST', '/api/v1/auth/login', { email: analyst.email, password: 'not-the-password' })).body.error).toBe('Email or password is wrong');
  });

  test('repeated wrong passwords lock the account for a while; a correct one is refused until then', async ({ infra }) => {
    const m = await infra.as('marketer');
    const attempt = (password: string) => infra.anonymous('POST', '/api/v1/auth/login', { email: m.email, password });
    for (let i = 0; i < 4; i++) expect((await attempt(`wrong-${i}`)).status).toBe(401);
    const locking = await attempt('wrong-5');
    expect(locking.status).toBe(429);
    expect(locking.body.error).toMatch(/locked until/);
    expect(Number(locking.headers.get('retry-after'))).toBe(15 * 60);
    expect((await attempt(m.password)).status).toBe(429);
    infra.clock.advance(15 * 60_000 + 1000);
    expect((await attempt(m.password)).status).toBe(200);
    const audit = await infra.sql(`SELECT actor, action FROM audit_log WHERE action = 'user.locked'`);
    expect(audit).toEqual([{ actor: m.email, action: 'user.locked' }]);
  });

  test('parallel guesses get no more tries than the lockout allows, and the lock then holds', async ({ infra }) => {
    const m = await infra.as('marketer');
    const burst = await Promise.all(Array.from({ length: 15 }, (_, i) => infra.anonymous('POST', '/api/v1/auth/login', { email: m.email, password: `wrong-${i}` })));
    const statuses = burst.map((r) => r.status);
    // At most five passwords were actually checked (the fifth wrong one locks: 429); the rest were refused unchecked.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(11);
    for (const r of burst.filter((b) => b.status === 429)) expect(r.body.error).toMatch(/locked until/);
    expect((await infra.anonymous('POST', '/api/v1/auth/login', { email: m.email, password: m.password })).status).toBe(429);
  });

  test('an unknown email locks and answers exactly like a real account', async ({ infra }) => {
    const m = await infra.as('analyst');
    const run = async (email: string) => {
      const out: [number, string][] = [];
      for (let i = 0; i < 6; i++) {
        const r = await infra.anonymous('POST', '/api/v1/auth/login', { email, password: `guess-${i}` });
        out.push([r.status, String(r.body.error).replace(/until \d\d:\d\d/, 'until HH:MM')]);
      }
      return out;
    };
    const real = await run(m.email);
    expect(await run('nobody-here@test.example')).toEqual(real);
    expect(real.map(([s]) => s)).toEqual([401, 401, 401, 401, 429, 429]);
  });

  test('an unknown email gets the same answer as a wrong password', async ({ infra }) => {
    const res = await infra.anonymous('POST', '/api/v1/auth/login', { email: 'nobody@test.example', password: 'whatever-123' });
    expect(res).toMatchObject({ status: 401, body: { error: 'Email or password is wrong' } });
    const bad = await infra.anonymous('POST', '/api/v1/auth/login', { email: 'not an email' });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { field: string }) => i.field).sort()).toEqual(['email', 'password']);
  });

  test('passwords are stored as scrypt hashes; changing one keeps this session and ends the others', async ({ infra }) => {
    const m = await infra.as('marketer');
    const [row] = await infra.sql(`SELECT password_hash FROM app_user WHERE email = $1`, [m.email]);
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain(m.password);

    const other = await infra.anonymous('POST', '/api/v1/auth/login', { email: m.email, password: m.password });
    const otherCookie = other.headers.getSetCookie()[0]!.split(';')[0]!;
    const short = await m('POST', '/api/v1/auth/password', { currentPassword: m.password, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.issues[0].field).toBe('newPassword');
    expect((await m('POST', '/api/v1/auth/password', { currentPassword: 'wrong', newPassword: 'a-new-password-456' })).body.issues[0].field).toBe('currentPassword');
    expect((await m('POST', '/api/v1/auth/password', { currentPassword: m.password, newPassword: 'a-new-password-456' })).status).toBe(204);
    expect((await m('GET', '/api/v1/auth/me')).status).toBe(200);
    expect((await infra.anonymous('GET', '/api/v1/auth/me', undefined, { cookie: otherCookie })).status).toBe(401);
    expect((await infra.anonymous('POST', '/api/v1/auth/login', { email: m.email, password: 'a-new-password-456' })).status).toBe(200);
  });
});

describe('lockout per address and per account', () => {
  test.override({ configOverrides: { trustProxy: true } });

  test('a guesser elsewhere cannot lock the owner out; guessing spread over many addresses locks the account', async ({ infra }) => {
    const m = await infra.as('marketer');
    const from = (ip: string, password: string) => infra.anonymous('POST', '/api/v1/auth/login', { email: m.email, password }, { 'x-forwarded-for': ip });
    for (let i = 0; i < 5; i++) await from('203.0.113.7', `guess-${i}`);
    expect((await from('203.0.113.7', m.password)).status).toBe(429);
    // The owner, at home, is not affected.
    expect((await from('198.51.100.20', m.password)).status).toBe(200);

    // Four more addresses, five guesses each: twenty in a row lock the account everywhere.
    const statuses: number[] = [];
    for (const ip of ['203.0.113.8', '203.0.113.9', '203.0.113.10', '203.0.113.11']) for (let i = 0; i < 5; i++) statuses.push((await from(ip, `guess-${i}`)).status);
    expect(statuses.at(-1)).toBe(429);
    expect((await from('198.51.100.20', m.password)).status).toBe(429);
    const [row] = await infra.sql(`SELECT locked_until FROM app_user WHERE email = $1`, [m.email]);
    expect(row.locked_until).not.toBeNull();
    const scopes = await infra.sql(`SELECT details->>'scope' AS scope FROM audit_log WHERE action = 'user.locked' ORDER BY id`);
    expect(scopes.map((r) => r.scope)).toEqual(['address', 'address', 'address', 'address', 'account']);
    infra.clock.advance(15 * 60_000 + 1000);
    expect((await from('198.51.100.20', m.password)).status).toBe(200);
  });
});

describe('guessing with a session', () => {
  test('wrong current passwords on a password change end the session after a few tries', async ({ infra }) => {
    const m = await infra.as('marketer');
    for (let i = 0; i < 4; i++) expect((await m('POST', '/api/v1/auth/password', { currentPassword: `guess-${i}`, newPassword: 'a-new-password-456' })).status).toBe(400);
    const fifth = await m('POST', '/api/v1/auth/password', { currentPassword: 'guess-5', newPassword: 'a-new-password-456' });
    expect(fifth).toMatchObject({ status: 401, body: { error: /signed out/ } });
    expect((await m('GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await infra.sql(`SELECT action FROM audit_log WHERE action = 'user.password_guessing'`)).length).toBe(1);
  });

  test('a live stream stops being valid when its session ends or its key is revoked', async ({ infra }) => {
    const m = await infra.as('marketer');
    const res = await infra.anonymous('POST', '/api/v1/auth/login', { email: m.email, password: m.password });
    const [session] = await infra.sql(`SELECT token_hash, user_id FROM user_session ORDER BY created_at DESC, token_hash LIMIT 1`);
    const principal = { kind: 'user' as const, user: res.body.user, sessionHash: session.token_hash as string, csrfToken: res.body.csrfToken as string };
    const { runtime } = infra;
    const valid = () => stillValid(runtime.db, infra.clock, runtime.config, principal);
    const sessions = await infra.sql(`SELECT token_hash FROM user_session WHERE user_id = $1`, [res.body.user.id]);
    expect(sessions.map((r) => r.token_hash)).toContain(principal.sessionHash);
    expect(await valid()).toBe(true);
    const admin = await infra.as('admin');
    await admin('PATCH', `/api/v1/users/${res.body.user.id}`, { disabled: true });
    expect(await valid()).toBe(false);

    const key = await createApiKey(runtime.db, infra.clock, { name: 'stream', scope: 'full' }, 'test');
    const keyPrincipal = { kind: 'key' as const, id: key.id, name: key.name, scope: key.scope };
    expect(await stillValid(runtime.db, infra.clock, runtime.config, keyPrincipal)).toBe(true);
    await admin('DELETE', `/api/v1/api-keys/${key.id}`);
    expect(await stillValid(runtime.db, infra.clock, runtime.config, keyPrincipal)).toBe(false);
  });
});

describe('users and API keys', () => {
  test('two admins disabling each other at once leave one enabled admin', async ({ infra }) => {
    const first = await infra.as('admin');
    const second = await createUser(infra.runtime.db, infra.clock, { email: 'second.admin@test.example', name: 'Second', role: 'admin', password: 'second-admin-pass' });
    const [me] = await infra.sql(`SELECT id FROM app_user WHERE email = $1`, [first.email]);
    const login = await infra.anonymous('POST', '/api/v1/auth/login', { email: second.email, password: 'second-admin-pass' });
    const secondCall = { cookie: login.headers.getSetCookie()[0]!.split(';')[0]!, 'x-csrf-token': login.body.csrfToken };
    const [a, b] = await Promise.all([
      first('PATCH', `/api/v1/users/${second.id}`, { disabled: true }),
      infra.anonymous('PATCH', `/api/v1/users/${me.id}`, { disabled: true }, secondCall),
    ]);
    // The loser is refused: 409 (the last admin) or 401 (its own session ended with the winner's change).
    expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
    expect([a.status, b.status].filter((s) => s === 409 || s === 401)).toHaveLength(1);
    expect((await infra.sql(`SELECT count(*)::int AS n FROM app_user WHERE role = 'admin' AND disabled_at IS NULL`))[0].n).toBe(1);
  });

  test('admins manage people; every change is audited with the admin as actor and no secret in it', async ({ infra }) => {
    const admin = await infra.as('admin');
    const created = await admin('POST', '/api/v1/users', { email: 'New.Person@Test.Example', name: 'New Person', role: 'analyst', password: 'first-password-1' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'new.person@test.example', role: 'analyst', disabled: false });
    expect(created.body).not.toHaveProperty('passwordHash');
    const dup = await admin('POST', '/api/v1/users', { email: 'new.person@test.example', name: 'Again', role: 'analyst', password: 'first-password-1' });
    expect(dup.status).toBe(409);
    const bad = await admin('POST', '/api/v1/users', { email: 'x@test.example', name: 'X', role: 'owner', password: 'first-password-1' });
    expect(bad.body.issues[0].field).toBe('role');

    const id = created.body.id as string;
    expect((await admin('PATCH', `/api/v1/users/${id}`, { password: 'reset-password-2' })).status).toBe(200);
    expect((await admin('PATCH', `/api/v1/users/${id}`, { role: 'marketer', disabled: true })).body).toMatchObject({ role: 'marketer', disabled: true });
    expect((await admin('PATCH', `/api/v1/users/${id}`, { email: 'sneaky@test.example' })).status).toBe(400);
    const users = (await admin('GET', '/api/v1/users')).body.users as { email: string }[];
    expect(users.map((u) => u.email)).toEqual(['admin@test.example', 'new.person@test.example']);

    // The last enabled admin cannot be demoted or disabled.
    const self = users[0] as unknown as { id: string };
    expect((await admin('PATCH', `/api/v1/users/${self.id}`, { role: 'analyst' })).status).toBe(409);

    const log = await infra.sql(`SELECT actor, action, details FROM audit_log WHERE target_type = 'user' AND action <> 'user.sign_in' ORDER BY id`);
    expect(log.map((r) => [r.actor, r.action])).toEqual([
      [admin.email, 'user.create'],
      [admin.email, 'user.update'],
      [admin.email, 'user.update'],
    ]);
    expect(log[1].details).toEqual({ email: 'new.person@test.example', passwordReset: true });
    expect(JSON.stringify(log)).not.toContain('reset-password-2');
  });

  test('API keys: shown once, stored hashed, scoped, revocable, audited', async ({ infra }) => {
    const admin = await infra.as('admin');
    const created = await admin('POST', '/api/v1/api-keys', { name: 'Shop events', scope: 'ingest' });
    expect(created.status).toBe(201);
    const key = created.body.key as string;
    expect(key).toMatch(/^mf_ingest_[A-Za-z0-9_-]{40,}$/);
    expect(key.startsWith(created.body.prefix)).toBe(true);

    const listed = (await admin('GET', '/api/v1/api-keys')).body.keys as Record<string, unknown>[];
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(listed.find((k) => k.id === created.body.id)).toMatchObject({ name: 'Shop events', scope: 'ingest', revokedAt: null, createdBy: admin.email });
    const stored = await infra.sql(`SELECT * FROM api_key WHERE id = $1`, [created.body.id]);
    expect(JSON.stringify(stored)).not.toContain(key.slice(12));

    const bearer = { authorization: `Bearer ${key}` };
    const event = { type: 'purchase', memberId: 'k1', timestamp: new Date(infra.clock.now()).toISOString(), properties: { amount: 10 } };
    expect((await infra.anonymous('POST', '/api/v1/events', event, bearer)).status).toBe(202);
    expect((await infra.anonymous('POST', '/api/v1/events', event, { 'x-api-key': key })).status).toBe(202);
    const read = await infra.anonymous('GET', '/api/v1/workflows', undefined, bearer);
    expect(read.status).toBe(403);
    expect(read.body.error).toMatch(/scope ingest/);
    expect((await infra.anonymous('GET', '/api/v1/users', undefined, { authorization: `Bearer ${infra.apiKey}` })).status).toBe(403);
    expect((await infra.anonymous('GET', '/api/v1/auth/me', undefined, bearer)).status).toBe(403);

    expect((await admin('DELETE', `/api/v1/api-keys/${created.body.id}`)).body.revokedAt).not.toBeNull();
    const revoked = await infra.anonymous('POST', '/api/v1/events', event, bearer);
    expect(revoked).toMatchObject({ status: 401, body: { error: 'API key unknown or revoked' } });
    expect((await infra.anonymous('POST', '/api/v1/events', event, { authorization: 'Bearer mf_full_made-up' })).status).toBe(401);

    const log = await infra.sql(`SELECT actor, action FROM audit_log WHERE target_type = 'api_key' ORDER BY id`);
    expect(log).toEqual([
      { actor: admin.email, action: 'api_key.create' },
      { actor: admin.email, action: 'api_key.revoke' },
    ]);
    // What systems do is audited under the key's name.
    const wf = await infra.api('POST', '/api/v1/workflows', { name: 'By key', templateKey: 'second-purchase-nudge' });
    await infra.defineReferences(wf.body.draft);
    await infra.api('POST', `/api/v1/workflows/${wf.body.id}/publish`);
    expect((await infra.sql(`SELECT actor FROM audit_log WHERE action = 'workflow.publish'`))[0].actor).toBe('api-key:test-suite');
  });
});

describe('limits and headers', () => {
  test.scoped({ configOverrides: { rateLimits: { perIp: 40, perKey: 10, loginPerIp: 3 } } });

  test('rate limits per key, per address and for sign-in, counted in Redis with Retry-After', async ({ infra }) => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await infra.api('GET', '/api/v1/templates')).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    const limited = await infra.api('GET', '/api/v1/templates');
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatch(/API key/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // A different key has its own budget.
    const other = await createApiKey(infra.runtime.db, infra.clock, { name: 'other', scope: 'full' }, 'test');
    expect((await infra.anonymous('GET', '/api/v1/templates', undefined, { authorization: `Bearer ${other.key}` })).status).toBe(200);

    const logins: number[] = [];
    for (let i = 0; i < 4; i++) logins.push((await infra.anonymous('POST', '/api/v1/auth/login', { email: 'a@test.example', password: 'x' })).status);
    expect(logins).toEqual([401, 401, 401, 429]);

    // Liveness (/healthz) is never limited: it answers without Redis. Readiness is.
    for (let i = 0; i < 30; i++) expect((await infra.anonymous('GET', '/healthz')).status).toBe(200);
    for (let i = 0; i < 22; i++) await infra.anonymous('GET', '/readyz');
    expect((await infra.anonymous('GET', '/readyz')).status).toBe(429);
    const keys = await infra.runtime.redis.keys(`${infra.prefix}:rl:*`);
    expect(keys.length).toBeGreaterThanOrEqual(4);

    // The next minute brings a fresh budget.
    infra.clock.advance(60_000);
    expect((await infra.api('GET', '/api/v1/templates')).status).toBe(200);
  });

  test('security headers on the editor and the API; bodies over the limit are refused', async ({ infra }) => {
    for (const path of ['/', '/healthz', '/api/v1/workflows']) {
      const res = await fetch(`${infra.runtime.url}${path}`);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      await res.body?.cancel();
    }
    const huge = JSON.stringify({ events: [{ type: 'x'.repeat(3 * 1024 * 1024), memberId: 'm' }] });
    const res = await infra.api('POST', '/api/v1/events', huge);
    expect(res.status).toBe(413);
    // Strangers' bodies are not even read.
    expect((await infra.anonymous('POST', '/api/v1/events', huge)).status).toBe(401);
  });
});

describe('audit of every change', () => {
  test('changes without an entry of their own get a generic one; system ingest and autosaves do not', async ({ infra }) => {
    const marketer = await infra.as('marketer');
    const seg = await marketer('POST', '/api/v1/segments', { key: 'vip', name: 'VIP', condition: { type: 'group', combinator: 'and', rules: [] } });
    expect(seg.status).toBe(201);
    const wf = await marketer('POST', '/api/v1/workflows', { name: 'Audited', templateKey: 'second-purchase-nudge' });
    const draft = (await marketer('GET', `/api/v1/workflows/${wf.body.id}`)).body.draft;
    expect((await marketer('PUT', `/api/v1/workflows/${wf.body.id}/draft`, { definition: draft })).status).toBe(200);
    await infra.api('POST', '/api/v1/events', { type: 'purchase', memberId: 'a1', properties: { amount: 5 } });
    const admin = await infra.as('admin');
    expect((await admin('POST', '/api/v1/members/a1/points/award', { points: 10, reason: 'goodwill' })).status).toBe(200);
    expect((await admin('DELETE', '/api/v1/members/a1')).status).toBe(200);

    const log = await infra.sql(`SELECT actor, action, target_id FROM audit_log WHERE target_type = 'request' ORDER BY id`);
    expect(log).toEqual([
      { actor: marketer.email, action: 'POST /api/v1/segments', target_id: '/api/v1/segments' },
      { actor: marketer.email, action: 'POST /api/v1/workflows', target_id: '/api/v1/workflows' },
      { actor: admin.email, action: 'POST /api/v1/members/:id/points/award', target_id: '/api/v1/members/a1/points/award' },
      { actor: admin.email, action: 'DELETE /api/v1/members/:id', target_id: '/api/v1/members/a1' },
    ]);
  });
});

describe('exports', () => {
  test('CSV cells a spreadsheet would run as formulas are defused, including tab and carriage-return starts', () => {
    const csv = toCsv(['v'], [['=1+1'], ['\t=1+1'], ['\r=1+1'], ['@SUM(A1)'], ['-5'], ['plain']]);
    expect(csv.split('\r\n').slice(1, 7)).toEqual(["'=1+1", "'\t=1+1", '"\'\r=1+1"', "'@SUM(A1)", '-5', 'plain']);
  });
});
