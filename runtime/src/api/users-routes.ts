import type Router from '@koa/router';
import { userRoutes } from '@memberflow/shared/api/auth-routes';
import { createApiKey, listApiKeys, revokeApiKey } from '../auth/api-key-store.ts';
import { createUser, listUsers, updateUser } from '../auth/user-store.ts';
import { actorOf, auditRequest } from '../monitoring/audit.ts';
import type { AppDeps } from './app-deps.ts';
import { mountRoute } from './mount-route.ts';

/** Admin only (see the contracts): people and API keys. Every change is audited; secrets never are. */
export function usersRoutes(router: Router, deps: AppDeps): void {
  const { db, clock } = deps.engine;
  mountRoute(router, userRoutes.list, async () => ({ users: await listUsers(db, clock) }));
  mountRoute(router, userRoutes.create, async ({ body, ctx }) => {
    const user = await createUser(db, clock, body);
    await auditRequest(ctx, db.pool, 'user.create', 'user', user.id, { email: user.email, role: user.role });
    return user;
  });
  mountRoute(router, userRoutes.update, async ({ body, params, ctx }) => {
    const user = await updateUser(db, clock, params.id!, body);
    const { password, ...visible } = body;
    await auditRequest(ctx, db.pool, 'user.update', 'user', user.id, { email: user.email, ...visible, ...(password !== undefined && { passwordReset: true }) });
    return user;
  });
  mountRoute(router, userRoutes.apiKeys, async () => ({ keys: await listApiKeys(db) }));
  mountRoute(router, userRoutes.createApiKey, async ({ body, ctx }) => {
    const key = await createApiKey(db, clock, body, actorOf(ctx));
    await auditRequest(ctx, db.pool, 'api_key.create', 'api_key', key.id, { name: key.name, scope: key.scope, prefix: key.prefix });
    return key;
  });
  mountRoute(router, userRoutes.revokeApiKey, async ({ params, ctx }) => {
    const key = await revokeApiKey(db, clock, params.id!);
    await auditRequest(ctx, db.pool, 'api_key.revoke', 'api_key', key.id, { name: key.name, prefix: key.prefix });
    return key;
  });
}
