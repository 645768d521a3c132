import type Router from '@koa/router';
import type { MemberCoupon, MemberTrace, StoredEvent } from '@memberflow/shared/api/member-records';
import { memberRoutes } from '@memberflow/shared/api/member-routes';
import { MemberInput } from '@memberflow/shared/api/members';
import { EVENT_COLUMNS } from '../monitoring/quarantined-events.ts';
import { ERASED_MEMBER_MESSAGE, ErasedMembers, eraseMember, getMember, searchMembers, upsertMembers } from '../members/member-store.ts';
import { describePrincipal, permissionsOf, type Principal } from '../auth/principal.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError, notFound, parseBody } from './http-error.ts';
import { memberLedgerRoutes } from './member-ledger-routes.ts';
import { mountRoute } from './mount-route.ts';
import { timeTriggerStandings } from '../engine/trigger-dues.ts';

export function membersRoutes(router: Router, deps: AppDeps): void {
  const { db, clock } = deps.engine;
  const { pool } = db;
  const must = async (id: string) => {
    const m = await getMember(db, id);
    if (!m) throw notFound('Member');
    return m;
  };

  mountRoute(router, memberRoutes.search, ({ query }) => searchMembers(db, query));
  // Erasure is final: an erased id is a 409, unless an admin says `?recreate=1` on PUT (a new person with that id).
  const upsert = async (members: MemberInput[], recreate: boolean, field: (i: number) => string) => {
    try {
      await upsertMembers(db, members, { recreate });
    } catch (e) {
      if (!(e instanceof ErasedMembers)) throw e;
      const issues = e.indexes.map((i) => ({ field: field(i), message: ERASED_MEMBER_MESSAGE }));
      throw new HttpError(409, { error: `Member erased: ${issues[0]!.field} ${issues[0]!.message}; nothing was stored`, issues });
    }
  };
  mountRoute(router, memberRoutes.upsertBatch, async ({ body: { members } }) => {
    await upsert(members, false, (i) => `members.${i}.id`);
    return { upserted: members.length };
  });
  mountRoute(router, memberRoutes.upsert, async ({ body, query: { recreate }, params, ctx }) => {
    // The body is checked by the contract; the id from the path by the same rules as a batch's ids.
    const m = parseBody(MemberInput, { ...body, id: params.id }, 'member');
    if (recreate && !permissionsOf(ctx.state.principal as Principal).includes('admin'))
      throw new HttpError(403, {
        error: `Not allowed: ${describePrincipal(ctx.state.principal as Principal)} may not recreate an erased member (needs admin permission)`,
        issues: [{ field: 'recreate', message: 'needs admin permission' }],
      });
    await upsert([m], recreate, () => 'id');
    return must(m.id);
  });
  mountRoute(router, memberRoutes.get, async ({ params }) => await must(params.id!));
  // Erase personal data (right to be forgotten); anonymous ledger totals stay.
  mountRoute(router, memberRoutes.erase, async ({ params }) => {
    if (!(await eraseMember(db, params.id!, clock.now()))) throw notFound('Member');
    return { erased: true };
  });
  // Every journey of a member with its steps: the start of "why did this happen?".
  mountRoute(router, memberRoutes.journeys, async ({ params }) => {
    const id = params.id!;
    const journeys = await pool.query(
      `SELECT j.id, j.workflow_id AS "workflowId", w.name AS "workflowName", v.version, j.status,
              j.current_node AS "currentNode", j.wake_at AS "wakeAt", j.entry_count AS "entryCount",
              j.entered_at AS "enteredAt", j.ended_at AS "endedAt", j.last_error AS "lastError"
       FROM journey j JOIN workflow w ON w.id = j.workflow_id JOIN workflow_version v ON v.id = j.version_id
       WHERE j.member_id = $1 ORDER BY j.entered_at`,
      [id],
    );
    const steps = await pool.query(
      `SELECT journey_id AS "journeyId", at, from_node AS "fromNode", to_node AS "toNode", cause, path, reason, reason_parts AS "reasonParts"
       FROM journey_step WHERE member_id = $1 ORDER BY id`,
      [id],
    );
    // Workflows whose trigger matched but whose entry rule kept the member out: the latest time and why.
    const refusals = await pool.query(
      `SELECT r.workflow_id AS "workflowId", w.name AS "workflowName", r.at, r.cause, r.reason FROM entry_refusal r JOIN workflow w ON w.id = r.workflow_id
       WHERE r.member_id = $1 ORDER BY r.at DESC`,
      [id],
    );
    // Live time- and segment-triggered workflows the member is not in: when they would enter, and why not yet.
    const standings = await timeTriggerStandings(deps.engine, id);
    return {
      journeys: journeys.rows.map((j) => ({ ...j, steps: steps.rows.filter((s) => s.journeyId === j.id) })),
      refusals: refusals.rows,
      standings,
    } as MemberTrace;
  });
  // The member's recent events, newest first (the engine's own mf.* events included: they explain entries),
  // each with its status: processed, pending, or failed (set aside, with attempts and error).
  mountRoute(router, memberRoutes.events, async ({ params, query }) => {
    const { rows } = await pool.query(
      `SELECT ${EVENT_COLUMNS} FROM event
       WHERE member_id = $1 AND ($2::text IS NULL OR type = $2) ORDER BY occurred_at DESC, seq DESC LIMIT $3`,
      [params.id, query.type ?? null, query.limit],
    );
    return { events: rows as StoredEvent[] };
  });
  mountRoute(router, memberRoutes.coupons, async ({ params }) => {
    const { rows } = await pool.query(
      `SELECT code, template, status, issued_at AS "issuedAt", expires_at AS "expiresAt", redeemed_at AS "redeemedAt" FROM coupon WHERE member_id = $1 ORDER BY issued_at`,
      [params.id],
    );
    return { coupons: rows as MemberCoupon[] };
  });
  memberLedgerRoutes(router, deps, must);
}
