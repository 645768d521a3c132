import type Router from '@koa/router';
import type { MemberRecord } from '@memberflow/shared/api/member-records';
import { memberRoutes } from '@memberflow/shared/api/member-routes';
import type { MemberPoints, MemberStoredValue } from '@memberflow/shared/api/member-admin';
import { InsufficientPoints, applyPoints, expiringLots, pointsSplit, type PointsOp } from '../loyalty/points-ledger.ts';
import { readProgram } from '../loyalty/program-store.ts';
import { InsufficientBalance, recharge, spendStoredValue } from '../loyalty/stored-value.ts';
import { withMemberLocks } from '../members/member-lock.ts';
import { ERASED_MEMBER_MESSAGE } from '../members/member-store.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError } from './http-error.ts';
import { mountRoute } from './mount-route.ts';
import { raiseEvent } from './raise-event.ts';

/** A member's points and stored value: the ledgers and the POS's changes to them. */
export function memberLedgerRoutes(router: Router, deps: AppDeps, must: (id: string) => Promise<MemberRecord>): void {
  const { db, clock } = deps.engine;
  const { pool } = db;
  // Points and stored value for an erased id would give the old person's ledger to whoever holds it now.
  const mustBeActive = async (id: string) => {
    const m = await must(id);
    if (m.deletedAt !== null) throw new HttpError(409, { error: `Member erased: ${ERASED_MEMBER_MESSAGE}`, issues: [{ field: 'id', message: ERASED_MEMBER_MESSAGE }] });
    return m;
  };

  mountRoute(router, memberRoutes.points, async ({ params }) => {
    const id = params.id!;
    const m = await must(id);
    const c = await pool.connect();
    try {
      const ledger = await c.query(
        `SELECT kind, delta, remaining, reason, reason_parts AS "reasonParts", source, at, expires_at AS "expiresAt", available_at AS "availableAt"
         FROM points_entry WHERE member_id = $1 ORDER BY at DESC, id DESC LIMIT 200`,
        [id],
      );
      const expiring = (await expiringLots(c, id)).map((l) => ({ points: l.points, expiresAt: new Date(l.expiresAt).toISOString() }));
      const split = await pointsSplit(c, id, clock.now(), m.pointsBalance);
      const pending = split.pending.map((p) => ({ points: p.points, availableAt: new Date(p.availableAt).toISOString() }));
      return { balance: m.pointsBalance, available: split.available, pending, expiring, ledger: ledger.rows } as MemberPoints;
    } finally {
      c.release();
    }
  });
  for (const mode of ['award', 'redeem'] as const) {
    const route = mode === 'award' ? memberRoutes.awardPoints : memberRoutes.redeemPoints;
    mountRoute(router, route, async ({ params, body }) => {
      const id = params.id!;
      await mustBeActive(id);
      const at = clock.now();
      const delta = mode === 'award' ? body.points : -body.points;
      const program = await readProgram(pool);
      const op: PointsOp = { memberId: id, delta, kind: mode === 'award' ? 'adjust' : 'redeem', reason: body.reason, source: 'api', at, expiresAt: null, key: body.idempotencyKey ?? null };
      const balance = await withMemberLocks(db, [id], (c) =>
        applyPoints(c, op, program.allowNegativePoints).catch((e) => {
          if (e instanceof InsufficientPoints) throw new HttpError(409, { error: `Not enough points: ${e.message}`, issues: [{ field: 'points', message: e.message }] });
          throw e;
        }),
      );
      if (balance !== null) await raiseEvent(deps, id, 'points_changed', { delta, balance, reason: body.reason }, at);
      return { balance: balance ?? (await must(id)).pointsBalance, duplicate: balance === null };
    });
  }

  mountRoute(router, memberRoutes.storedValue, async ({ params }) => {
    const m = await must(params.id!);
    const { rows } = await pool.query(
      `SELECT kind, amount::float8 AS amount, balance_after::float8 AS "balanceAfter", reason, at FROM stored_value_entry WHERE member_id = $1 ORDER BY id DESC LIMIT 200`,
      [params.id],
    );
    return { balance: m.storedValue, history: rows } as MemberStoredValue;
  });
  mountRoute(router, memberRoutes.recharge, async ({ params, body }) => {
    const id = params.id!;
    await mustBeActive(id);
    const at = clock.now();
    const program = await readProgram(pool);
    const r = await withMemberLocks(db, [id], (c) => recharge(c, program, id, body.amount, at, body.idempotencyKey ?? null));
    // Workflows (e.g. the recharge recipe) trigger on it like on any recharge event.
    if (r) await raiseEvent(deps, id, 'recharge', { amount: body.amount, bonus: r.bonus, balance: r.balance }, at);
    return r ? { ...r, duplicate: false as const } : { duplicate: true as const, balance: (await must(id)).storedValue };
  });
  mountRoute(router, memberRoutes.spend, async ({ params, body }) => {
    const id = params.id!;
    await mustBeActive(id);
    const balance = await withMemberLocks(db, [id], (c) =>
      spendStoredValue(c, id, body.amount, body.orderId ? `order ${body.orderId}` : 'spend', clock.now(), body.idempotencyKey ?? null).catch((e) => {
        if (e instanceof InsufficientBalance) throw new HttpError(409, { error: `Not enough stored value: ${e.message}`, issues: [{ field: 'amount', message: e.message }] });
        throw e;
      }),
    );
    return { balance: balance ?? (await must(id)).storedValue, duplicate: balance === null };
  });
}
