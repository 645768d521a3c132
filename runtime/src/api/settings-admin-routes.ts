import type Router from '@koa/router';
import { settingsRoutes, type ContactPolicyAnswer } from '@memberflow/shared/api/settings-routes';
import { rulesChanged } from '../loyalty/rules-changed.ts';
import { actorOf, auditRequest } from '../monitoring/audit.ts';
import { readContactPolicy, writeContactPolicy } from '../settings/contact-policy-store.ts';
import type { AppDeps } from './app-deps.ts';
import { mountRoute } from './mount-route.ts';

/** The Settings page: the cross-workflow contact policy, stored in the database, the environment giving defaults. */
export function settingsAdminApi(router: Router, deps: AppDeps): void {
  const { db } = deps.engine;
  const answer = async (): Promise<ContactPolicyAnswer> => {
    const defaults = { cap: deps.config.marketingCap, quietHours: null };
    const stored = await readContactPolicy(db.pool);
    return {
      policy: stored?.policy ?? defaults,
      defaults,
      updatedAt: stored?.updatedAt ?? null,
      updatedBy: stored?.updatedBy ?? null,
    };
  };
  mountRoute(router, settingsRoutes.contactPolicy, answer);
  mountRoute(router, settingsRoutes.saveContactPolicy, async ({ body, ctx }) => {
    await writeContactPolicy(db.pool, body, actorOf(ctx));
    await auditRequest(ctx, db.pool, 'settings.contact_policy', 'setting', 'contact_policy', body);
    // Every process applies it from its next lane pass.
    await rulesChanged(deps.redis, deps.config.queuePrefix, db.schema);
    return answer();
  });
}
