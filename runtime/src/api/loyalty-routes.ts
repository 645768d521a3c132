import type Router from '@koa/router';
import { CouponTemplateInput } from '@memberflow/shared/api/loyalty';
import { loyaltyRoutes as couponContracts } from '@memberflow/shared/api/loyalty-routes';
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

  mountRoute(router, couponContracts.couponTemplates, async () => ({ templates: [...(await readCouponTemplates(db.pool)).values()] }));
  mountRoute(router, couponContracts.saveCouponTemplate, async ({ body, params }) => {
    // The body is checked by the contract; the key from the path by the template's rules.
    const t = parseBody(CouponTemplateInput, { ...body, key: params.key }, 'coupon template');
    await upsertCouponTemplate(db, t);
    await changed();
    return (await readCouponTemplates(db.pool)).get(t.key)!;
  });
  mountRoute(router, couponContracts.redeem, async ({ body, params }) => {
    const at = clock.now();
    const r = await redeemCoupon(db, params.code!, body, at);
    await raiseEvent(deps, body.memberId, 'coupon_redeemed', { code: r.code, template: r.template, discount: r.discount, orderId: body.orderId ?? null }, at);
    return r;
  });
  mountRoute(router, couponContracts.expire, async () => ({ expired: await expireCoupons(db.pool, clock.now()) }));
}
