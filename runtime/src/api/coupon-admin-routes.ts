import type Router from '@koa/router';
import { couponRoutes } from '@memberflow/shared/api/coupon-admin';
import { couponReport, CouponNotFound, CouponNotVoidable, CouponTemplateNotFound, listCoupons, setCouponTemplateArchived, voidCoupon } from '../loyalty/coupon-admin.ts';
import { readCouponTemplates, redeemCoupon } from '../loyalty/coupons.ts';
import { rulesChanged } from '../loyalty/rules-changed.ts';
import { auditRequest } from '../monitoring/audit.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError } from './http-error.ts';
import { mountRoute } from './mount-route.ts';
import { raiseEvent } from './raise-event.ts';

/** The Coupons page: report, coupons of a template, and staff redeeming or voiding one. */
export function couponAdminApi(router: Router, deps: AppDeps): void {
  const { db, clock } = deps.engine;
  mountRoute(router, couponRoutes.report, async ({ query }) => couponReport(db.pool, clock.now(), query.days));
  mountRoute(router, couponRoutes.list, async ({ query }) => ({ coupons: await listCoupons(db.pool, query, clock.now()) }));

  mountRoute(router, couponRoutes.redeem, async ({ params, body, ctx }) => {
    const at = clock.now();
    const r = await redeemCoupon(
      db,
      params.code!,
      { memberId: params.id!, orderAmount: body.orderAmount, orderId: body.orderId },
      at,
    );
    await auditRequest(ctx, db.pool, 'coupon.redeem', 'coupon', r.code, {
      memberId: params.id,
      orderAmount: body.orderAmount,
      orderId: body.orderId ?? null,
    });
    await raiseEvent(
      deps,
      params.id!,
      'coupon_redeemed',
      { code: r.code, template: r.template, discount: r.discount, orderId: body.orderId ?? null },
      at,
    );
    return r;
  });

  mountRoute(router, couponRoutes.void, async ({ params, body, ctx }) => {
    try {
      const row = await voidCoupon(db, params.id!, params.code!, body.reason, clock.now());
      await auditRequest(ctx, db.pool, 'coupon.void', 'coupon', row.code, { memberId: row.memberId, reason: body.reason });
      return row;
    } catch (e) {
      if (e instanceof CouponNotFound) throw new HttpError(404, { error: e.message });
      if (e instanceof CouponNotVoidable)
        throw new HttpError(409, { error: e.message, issues: [{ field: 'code', message: e.message }] });
      throw e;
    }
  });

  for (const [route, archived] of [
    [couponRoutes.archiveTemplate, true],
    [couponRoutes.restoreTemplate, false],
  ] as const) {
    mountRoute(router, route, async ({ params, ctx }) => {
      try {
        await setCouponTemplateArchived(db.pool, params.key!, archived, clock.now());
      } catch (e) {
        if (e instanceof CouponTemplateNotFound) throw new HttpError(404, { error: e.message });
        throw e;
      }
      await auditRequest(ctx, db.pool, archived ? 'coupon_template.archive' : 'coupon_template.restore', 'coupon_template', params.key!, {});
      // Every process drops its cached rules: the next lane pass stops (or resumes) issuing.
      await rulesChanged(deps.redis, deps.config.queuePrefix, db.schema);
      return (await readCouponTemplates(db.pool)).get(params.key!)!;
    });
  }
}
