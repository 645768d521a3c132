import type Router from '@koa/router';
import { MallItemInput, type MallRedemption } from '@memberflow/shared/api/points-mall';
import { pointsMallRoutes } from '@memberflow/shared/api/points-mall-routes';
import { MallBadReference, MallInvalid, MallNotFound, MallRefused } from '../loyalty/points-mall-errors.ts';
import { listMallItems, saveMallItem, setMallItemArchived } from '../loyalty/points-mall-items.ts';
import { redeemMallItem, type RedeemRequest } from '../loyalty/points-mall-redeem.ts';
import { listRedemptions, mallReport } from '../loyalty/points-mall-redemptions.ts';
import { refundRedemption } from '../loyalty/points-mall-refund.ts';
import { actorOf, auditRequest } from '../monitoring/audit.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError, parseBody } from './http-error.ts';
import { mountRoute } from './mount-route.ts';
import { raiseEvent } from './raise-event.ts';

/** Domain refusals to statuses: 409 naming the reason's field, 404, or 400 naming the field. */
async function mapped<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof MallRefused) throw new HttpError(409, { error: `Cannot redeem: ${e.message}`, issues: [{ field: e.field, message: e.message }] });
    if (e instanceof MallNotFound) throw new HttpError(404, { error: e.message });
    if (e instanceof MallInvalid) throw new HttpError(400, { error: `Invalid request body: ${e.field} ${e.message}`, issues: [{ field: e.field, message: e.message }] });
    if (e instanceof MallBadReference) throw new HttpError(400, { error: `Invalid reward: couponTemplate ${e.message}`, issues: [{ field: 'couponTemplate', message: e.message }] });
    throw e;
  }
}

/** The points mall: the catalogue (marketers), redemption by the shop's system or by staff, refunds and the report. */
export function pointsMallApi(router: Router, deps: AppDeps): void {
  const { db, clock } = deps.engine;

  // Workflows hear of a new redemption (a replayed key raises nothing twice).
  const redeem = async (req: RedeemRequest): Promise<MallRedemption> => {
    const at = clock.now();
    const { redemption: r, created } = await mapped(() => redeemMallItem(db, req, at));
    if (created)
      await raiseEvent(deps, r.memberId, 'reward_redeemed', { redemptionId: r.id, item: r.item, kind: r.kind, points: r.points, cash: r.cash, deduction: r.deduction, couponCode: r.couponCode, orderId: r.orderId, balance: r.balance }, at);
    return r;
  };

  mountRoute(router, pointsMallRoutes.items, async () => ({ items: await listMallItems(db.pool) }));
  mountRoute(router, pointsMallRoutes.saveItem, async ({ body, params, ctx }) => {
    // The body is checked by the contract; the key from the path by the reward's rules.
    const input = parseBody(MallItemInput, { ...body, key: params.key }, 'reward');
    const item = await mapped(() => saveMallItem(db.pool, input, clock.now()));
    await auditRequest(ctx, db.pool, 'points_mall.save', 'points_mall_item', item.key, { pricing: item.pricing, points: item.points, stock: item.stock });
    return item;
  });
  for (const [route, archived] of [
    [pointsMallRoutes.archiveItem, true],
    [pointsMallRoutes.restoreItem, false],
  ] as const) {
    mountRoute(router, route, async ({ params, ctx }) => {
      const item = await mapped(() => setMallItemArchived(db.pool, params.key!, archived, clock.now()));
      await auditRequest(ctx, db.pool, archived ? 'points_mall.archive' : 'points_mall.restore', 'points_mall_item', item.key, {});
      return item;
    });
  }

  mountRoute(router, pointsMallRoutes.redeem, ({ body, params, ctx }) => redeem({ ...body, item: params.item!, source: 'api', actor: actorOf(ctx) }));
  mountRoute(router, pointsMallRoutes.staffRedeem, async ({ body, params, ctx }) => {
    const r = await redeem({ ...body, memberId: params.id!, item: params.item!, source: 'staff', actor: actorOf(ctx) });
    await auditRequest(ctx, db.pool, 'points_mall.redeem', 'member', r.memberId, { redemptionId: r.id, item: r.item, points: r.points });
    return r;
  });
  mountRoute(router, pointsMallRoutes.refund, async ({ body, params, ctx }) => {
    const at = clock.now();
    const { redemption: r, refunded, balance } = await mapped(() => refundRedemption(db, params.id!, body.reason, at));
    if (refunded) {
      await auditRequest(ctx, db.pool, 'points_mall.refund', 'member', r.memberId, { redemptionId: r.id, item: r.item, points: r.points, reason: body.reason });
      await raiseEvent(deps, r.memberId, 'points_changed', { delta: r.points, balance, reason: `points mall refund: ${r.item}` }, at);
    }
    return r;
  });

  mountRoute(router, pointsMallRoutes.redemptions, async ({ query }) => ({ redemptions: await listRedemptions(db.pool, query) }));
  mountRoute(router, pointsMallRoutes.report, ({ query }) => mallReport(db.pool, clock.now(), query.days));
}
