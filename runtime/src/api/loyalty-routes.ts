import type Router from '@koa/router';
import { CouponTemplateInput, Redeem } from '@memberflow/shared/api/loyalty';
import { programmeRoutes } from '@memberflow/shared/api/programme-routes';
import { expireCoupons, readCouponTemplates, redeemCoupon, upsertCouponTemplate } from '../loyalty/coupons.ts';
import { rulesChanged } from '../loyalty/rules-changed.ts';
import { insertTiers, readProgram, readTierLadder, writeProgram } from '../loyalty/program-store.ts';
import { tierReport } from '../loyalty/tier-report.ts';
import { requestTierReview } from '../loyalty/tier-review.ts';
import { actorOf } from '../monitoring/audit.ts';
import { withTransaction } from '../db/transaction.ts';
import type { AppDeps } from './app-deps.ts';
import { parseBody } from './http-error.ts';
import { mountRoute } from './mount-route.ts';
import { raiseEvent } from './raise-event.ts';

export function loyaltyRoutes(router: Router, deps: AppDeps): void {
  const { db, clock } = deps.engine;
  // Every process drops its cached rules: the next lane pass applies the change.
  const changed = () => rulesChanged(deps.redis, deps.config.queuePrefix, db.schema);

  mountRoute(router, programmeRoutes.program, () => readProgram(db.pool));
  mountRoute(router, programmeRoutes.saveProgram, async ({ body }) => {
    await writeProgram(db.pool, body);
    await changed();
    return readProgram(db.pool);
  });

  mountRoute(router, programmeRoutes.tiers, async () => ({ tiers: await readTierLadder(db.pool) }));
  mountRoute(router, programmeRoutes.saveTiers, async ({ body, ctx }) => {
    await withTransaction(db.pool, async (c) => {
      await c.query('DELETE FROM tier');
      await insertTiers(c, body.tiers);
    });
    await changed();
    // Members already rated stay put until re-rated: the periodic upkeep takes them all, in pages.
    await requestTierReview(db.pool, actorOf(ctx));
    return { tiers: await readTierLadder(db.pool) };
  });
  mountRoute(router, programmeRoutes.tierReport, () => tierReport(db.pool, clock.now()));

  router.get('/api/v1/coupon-templates', async (ctx) => {
    ctx.body = { templates: [...(await readCouponTemplates(db.pool)).values()] };
  });
  router.put('/api/v1/coupon-templates/:key', async (ctx) => {
    const t = parseBody(CouponTemplateInput, { ...(ctx.request.body as object), key: ctx.params.key }, 'coupon template');
    await upsertCouponTemplate(db, t);
    await changed();
    ctx.body = (await readCouponTemplates(db.pool)).get(t.key);
  });
  router.post('/api/v1/coupons/:code/redeem', async (ctx) => {
    const body = parseBody(Redeem, ctx.request.body);
    const at = clock.now();
    const r = await redeemCoupon(db, ctx.params.code!, body, at);
    await raiseEvent(deps, body.memberId, 'coupon_redeemed', { code: r.code, template: r.template, discount: r.discount, orderId: body.orderId ?? null }, at);
    ctx.body = r;
  });
  router.post('/api/v1/coupons/expire', async (ctx) => {
    ctx.body = { expired: await expireCoupons(db.pool, clock.now()) };
  });
}
