import type Router from '@koa/router';
import { CreateApiKeyBody, CreateUserBody, UpdateUserBody } from '@memberflow/shared/api/auth';
import { createApiKey, listApiKeys, revokeApiKey } from '../auth/api-key-store.ts';
import { createUser, listUsers, updateUser } from '../auth/user-store.ts';
import { actorOf, auditRequest } from '../monitoring/audit.ts';
import type { AppDeps } from './app-deps.ts';
import { parseBody } from './http-error.ts';

/** Admin only (see route-access.ts): people and API keys. Every change is audited; secrets never are. */
export function usersRoutes(router: Router, deps: AppDeps): void {
  const { db, clock } = deps.engine;
  router.get('/api/v1/users', async (ctx) => {
    ctx.body = { users: await listUsers(db, clock) };
  });
  router.post('/api/v1/users', async (ctx) => {
    const body = parseBody(CreateUserBody, ctx.request.body);
    const user = await createUser(db, clock, body);
    await auditRequest(ctx, db.pool, 'user.create', 'user', user.id, { email: user.email, role: user.role });
    ctx.status = 201;
    ctx.body = user;
  });
  router.patch('/api/v1/users/:id', async (ctx) => {
    const body = parseBody(UpdateUserBody, ctx.request.body);
    const user = await updateUser(db, clock, ctx.params.id!, body);
    const { password, ...visible } = body;
    await auditRequest(ctx, db.pool, 'user.update', 'user', user.id, { email: user.email, ...visible, ...(password !== undefined && { passwordReset: true }) });
    ctx.body = user;
  });
  router.get('/api/v1/api-keys', async (ctx) => {
    ctx.body = { keys: await listApiKeys(db) };
  });
  router.post('/api/v1/api-keys', async (ctx) => {
    const body = parseBody(CreateApiKeyBody, ctx.request.body);
    const key = await createApiKey(db, clock, body, actorOf(ctx));
    await auditRequest(ctx, db.pool, 'api_key.create', 'api_key', key.id, { name: key.name, scope: key.scope, prefix: key.prefix });
    ctx.status = 201;
    ctx.body = key;
  });
  router.delete('/api/v1/api-keys/:id', async (ctx) => {
    const key = await revokeApiKey(db, clock, ctx.params.id!);
    await auditRequest(ctx, db.pool, 'api_key.revoke', 'api_key', key.id, { name: key.name, prefix: key.prefix });
    ctx.body = key;
  });
}
