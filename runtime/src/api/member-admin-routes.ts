import type Router from '@koa/router';
import { memberAdminRoutes } from '@memberflow/shared/api/member-admin';
import { pointsExpiry } from '@memberflow/shared/loyalty-program';
import { InsufficientPoints, applyPoints } from '../loyalty/points-ledger.ts';
import { readProgram } from '../loyalty/program-store.ts';
import { withMemberLocks } from '../members/member-lock.ts';
import { ERASED_MEMBER_MESSAGE, ErasedMembers, getMember, upsertMembers } from '../members/member-store.ts';
import { auditRequest } from '../monitoring/audit.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError, notFound } from './http-error.ts';
import { mountRoute } from './mount-route.ts';
import { raiseEvent } from './raise-event.ts';

const erased = () =>
  new HttpError(409, {
    error: `Member erased: ${ERASED_MEMBER_MESSAGE}`,
    issues: [{ field: 'id', message: ERASED_MEMBER_MESSAGE }],
  });

/** Staff on the member page: edit the profile, adjust points by hand (both audited, never personal data in the audit). */
export function memberAdminApi(router: Router, deps: AppDeps): void {
  const { db, clock } = deps.engine;
  const active = async (id: string) => {
    const m = await getMember(db, id);
    if (!m) throw notFound('Member');
    if (m.deletedAt !== null) throw erased();
  };

  mountRoute(router, memberAdminRoutes.updateProfile, async ({ params, body, ctx }) => {
    await active(params.id!);
    try {
      await upsertMembers(db, [{ ...body, id: params.id! }], { recreate: false });
    } catch (e) {
      if (e instanceof ErasedMembers) throw erased();
      throw e;
    }
    await auditRequest(ctx, db.pool, 'member.update', 'member', params.id!, { fields: Object.keys(body) });
    return { id: params.id! };
  });

  mountRoute(router, memberAdminRoutes.tags, async () => {
    const { rows } = await db.pool.query<{ tag: string; members: number }>(
      `SELECT t.tag, count(*)::int AS members FROM member m CROSS JOIN LATERAL unnest(m.tags) AS t(tag) WHERE m.deleted_at IS NULL GROUP BY t.tag ORDER BY members DESC, t.tag LIMIT 500`,
    );
    return { tags: rows };
  });

  mountRoute(router, memberAdminRoutes.adjustPoints, async ({ params, body, ctx }) => {
    const id = params.id!;
    await active(id);
    const at = clock.now();
    const program = await readProgram(db.pool);
    const balance = await withMemberLocks(db, [id], (c) =>
      applyPoints(
        c,
        { memberId: id, delta: body.delta, kind: 'adjust', reason: body.reason, source: 'staff', at, expiresAt: null, key: null },
        program.allowNegativePoints,
      ),
    ).catch((e) => {
      if (e instanceof InsufficientPoints)
        throw new HttpError(409, { error: `Not enough points: ${e.message}`, issues: [{ field: 'delta', message: e.message }] });
      throw e;
    });
    await auditRequest(ctx, db.pool, 'points.adjust', 'member', id, { delta: body.delta, reason: body.reason });
    if (balance !== null) await raiseEvent(deps, id, 'points_changed', { delta: body.delta, balance, reason: body.reason }, at);
    return { balance: balance ?? 0 };
  });

  // A gift is a lot like an earning (it expires by the programme's rule) but no earning: never capped, spendable at once.
  mountRoute(router, memberAdminRoutes.giftPoints, async ({ params, body, ctx }) => {
    const id = params.id!;
    await active(id);
    const at = clock.now();
    const program = await readProgram(db.pool);
    const key = body.idempotencyKey ? `gift:${id}:${body.idempotencyKey}` : null;
    const op = { memberId: id, delta: body.points, kind: 'gift' as const, reason: body.reason, source: 'staff', at, expiresAt: pointsExpiry(program, at), key };
    const balance = await withMemberLocks(db, [id], (c) => applyPoints(c, op));
    if (balance === null) return { balance: (await getMember(db, id))!.pointsBalance, duplicate: true };
    await auditRequest(ctx, db.pool, 'points.gift', 'member', id, { points: body.points, reason: body.reason });
    await raiseEvent(deps, id, 'points_changed', { delta: body.points, balance, reason: body.reason }, at);
    return { balance, duplicate: false };
  });
}
