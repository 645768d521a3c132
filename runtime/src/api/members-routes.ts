import type Router from '@koa/router';
import { PointsChange, Recharge, Spend } from '@memberflow/shared/api/loyalty';
import { MemberBatch, MemberEventsQuery, MemberInput, MemberSearch } from '@memberflow/shared/api/members';
import { InsufficientPoints, applyPoints, expiringLots } from '../loyalty/points-ledger.ts';
import { readProgram } from '../loyalty/program-store.ts';
import { InsufficientBalance, recharge, spendStoredValue } from '../loyalty/stored-value.ts';
import { withMemberLocks } from '../members/member-lock.ts';
import { EVENT_COLUMNS } from '../monitoring/quarantined-events.ts';
import { ERASED_MEMBER_MESSAGE, ErasedMembers, eraseMember, getMember, searchMembers, upsertMembers } from '../members/member-store.ts';
import { describePrincipal, permissionsOf, type Principal } from '../auth/principal.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError, notFound, parseBody } from './http-error.ts';
import { raiseEvent } from './raise-event.ts';
import { timeTriggerStandings } from '../engine/trigger-dues.ts';

/** `?recreate=1` (or true); absent is false; anything else is a 400 naming the parameter. */
function parseRecreate(v: string | string[] | undefined): boolean {
  if (v === undefined || v === '0' || v === 'false') return false;
  if (v === '1' || v === 'true') return true;
  throw new HttpError(400, { error: 'Invalid query: recreate must be 1 or 0', issues: [{ field: 'recreate', message: 'must be 1 or 0' }] });
}

export function membersRoutes(router: Router, deps: AppDeps): void {
  const { db, clock } = deps.engine;
  const { pool } = db;
  const must = async (id: string) => {
    const m = await getMember(db, id);
    if (!m) throw notFound('Member');
    return m;
  };
  // Points and stored value for an erased id would give the old person's ledger to whoever holds it now.
  const mustBeActive = async (id: string) => {
    const m = await must(id);
    if (m.deletedAt !== null) throw new HttpError(409, { error: `Member erased: ${ERASED_MEMBER_MESSAGE}`, issues: [{ field: 'id', message: ERASED_MEMBER_MESSAGE }] });
    return m;
  };

  router.get('/api/v1/members', async (ctx) => {
    ctx.body = await searchMembers(db, parseBody(MemberSearch, ctx.query, 'query'));
  });
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
  router.post('/api/v1/members', async (ctx) => {
    const { members } = parseBody(MemberBatch, ctx.request.body, 'member batch');
    await upsert(members, false, (i) => `members.${i}.id`);
    ctx.body = { upserted: members.length };
  });
  router.put('/api/v1/members/:id', async (ctx) => {
    const m = parseBody(MemberInput, { ...(ctx.request.body as object), id: ctx.params.id }, 'member');
    const recreate = parseRecreate(ctx.query.recreate);
    if (recreate && !permissionsOf(ctx.state.principal as Principal).includes('admin'))
      throw new HttpError(403, {
        error: `Not allowed: ${describePrincipal(ctx.state.principal as Principal)} may not recreate an erased member (needs admin permission)`,
        issues: [{ field: 'recreate', message: 'needs admin permission' }],
      });
    await upsert([m], recreate, () => 'id');
    ctx.body = await getMember(db, m.id);
  });
  router.get('/api/v1/members/:id', async (ctx) => {
    ctx.body = await must(ctx.params.id!);
  });
  // Erase personal data (right to be forgotten); anonymous ledger totals stay.
  router.delete('/api/v1/members/:id', async (ctx) => {
    if (!(await eraseMember(db, ctx.params.id!, clock.now()))) throw notFound('Member');
    ctx.body = { erased: true };
  });
  // Every journey of a member with its steps: the start of "why did this happen?".
  router.get('/api/v1/members/:id/journeys', async (ctx) => {
    const journeys = await pool.query(
      `SELECT j.id, j.workflow_id AS "workflowId", w.name AS "workflowName", v.version, j.status,
              j.current_node AS "currentNode", j.wake_at AS "wakeAt", j.entry_count AS "entryCount",
              j.entered_at AS "enteredAt", j.ended_at AS "endedAt", j.last_error AS "lastError"
       FROM journey j JOIN workflow w ON w.id = j.workflow_id JOIN workflow_version v ON v.id = j.version_id
       WHERE j.member_id = $1 ORDER BY j.entered_at`,
      [ctx.params.id],
    );
    const steps = await pool.query(
      `SELECT journey_id AS "journeyId", at, from_node AS "fromNode", to_node AS "toNode", cause, path, reason, reason_parts AS "reasonParts"
       FROM journey_step WHERE member_id = $1 ORDER BY id`,
      [ctx.params.id],
    );
    // Workflows whose trigger matched but whose entry rule kept the member out: the latest time and why.
    const refusals = await pool.query(
      `SELECT r.workflow_id AS "workflowId", w.name AS "workflowName", r.at, r.cause, r.reason FROM entry_refusal r JOIN workflow w ON w.id = r.workflow_id
       WHERE r.member_id = $1 ORDER BY r.at DESC`,
      [ctx.params.id],
    );
    // Live time- and segment-triggered workflows the member is not in: when they would enter, and why not yet.
    const standings = await timeTriggerStandings(deps.engine, ctx.params.id!);
    ctx.body = { journeys: journeys.rows.map((j) => ({ ...j, steps: steps.rows.filter((s) => s.journeyId === j.id) })), refusals: refusals.rows, standings };
  });
  // The member's recent events, newest first (the engine's own mf.* events included: they explain entries),
  // each with its status: processed, pending, or failed (set aside, with attempts and error).
  router.get('/api/v1/members/:id/events', async (ctx) => {
    const q = parseBody(MemberEventsQuery, ctx.query, 'query');
    const { rows } = await pool.query(
      `SELECT ${EVENT_COLUMNS} FROM event
       WHERE member_id = $1 AND ($2::text IS NULL OR type = $2) ORDER BY occurred_at DESC, seq DESC LIMIT $3`,
      [ctx.params.id, q.type ?? null, q.limit],
    );
    ctx.body = { events: rows };
  });
  router.get('/api/v1/members/:id/coupons', async (ctx) => {
    const { rows } = await pool.query(
      `SELECT code, template, status, issued_at AS "issuedAt", expires_at AS "expiresAt", redeemed_at AS "redeemedAt" FROM coupon WHERE member_id = $1 ORDER BY issued_at`,
      [ctx.params.id],
    );
    ctx.body = { coupons: rows };
  });

  router.get('/api/v1/members/:id/points', async (ctx) => {
    const m = await must(ctx.params.id!);
    const c = await pool.connect();
    try {
      const ledger = await c.query(
        `SELECT kind, delta, remaining, reason, source, at, expires_at AS "expiresAt" FROM points_entry WHERE member_id = $1 ORDER BY at DESC, id DESC LIMIT 200`,
        [ctx.params.id],
      );
      ctx.body = { balance: m.pointsBalance, expiring: (await expiringLots(c, ctx.params.id!)).map((l) => ({ points: l.points, expiresAt: new Date(l.expiresAt).toISOString() })), ledger: ledger.rows };
    } finally {
      c.release();
    }
  });
  for (const mode of ['award', 'redeem'] as const) {
    router.post(`/api/v1/members/:id/points/${mode}`, async (ctx) => {
      const body = parseBody(PointsChange, ctx.request.body);
      await mustBeActive(ctx.params.id!);
      const at = clock.now();
      const program = await readProgram(pool);
      const balance = await withMemberLocks(db, [ctx.params.id!], (c) =>
        applyPoints(
          c,
          {
            memberId: ctx.params.id!,
            delta: mode === 'award' ? body.points : -body.points,
            kind: mode === 'award' ? 'adjust' : 'redeem',
            reason: body.reason,
            source: 'api',
            at,
            expiresAt: null,
            key: body.idempotencyKey ?? null,
          },
          program.allowNegativePoints,
        ).catch((e) => {
          if (e instanceof InsufficientPoints) throw new HttpError(409, { error: `Not enough points: ${e.message}`, issues: [{ field: 'points', message: e.message }] });
          throw e;
        }),
      );
      if (balance !== null) await raiseEvent(deps, ctx.params.id!, 'points_changed', { delta: mode === 'award' ? body.points : -body.points, balance, reason: body.reason }, at);
      ctx.body = { balance: balance ?? (await must(ctx.params.id!)).pointsBalance, duplicate: balance === null };
    });
  }

  router.get('/api/v1/members/:id/stored-value', async (ctx) => {
    const m = await must(ctx.params.id!);
    const { rows } = await pool.query(
      `SELECT kind, amount::float8 AS amount, balance_after::float8 AS "balanceAfter", reason, at FROM stored_value_entry WHERE member_id = $1 ORDER BY id DESC LIMIT 200`,
      [ctx.params.id],
    );
    ctx.body = { balance: m.storedValue, history: rows };
  });
  router.post('/api/v1/members/:id/stored-value/recharge', async (ctx) => {
    const body = parseBody(Recharge, ctx.request.body);
    await mustBeActive(ctx.params.id!);
    const at = clock.now();
    const program = await readProgram(pool);
    const r = await withMemberLocks(db, [ctx.params.id!], (c) => recharge(c, program, ctx.params.id!, body.amount, at, body.idempotencyKey ?? null));
    // Workflows (e.g. the recharge recipe) trigger on it like on any recharge event.
    if (r) await raiseEvent(deps, ctx.params.id!, 'recharge', { amount: body.amount, bonus: r.bonus, balance: r.balance }, at);
    ctx.body = r ? { ...r, duplicate: false } : { duplicate: true, balance: (await must(ctx.params.id!)).storedValue };
  });
  router.post('/api/v1/members/:id/stored-value/spend', async (ctx) => {
    const body = parseBody(Spend, ctx.request.body);
    await mustBeActive(ctx.params.id!);
    const balance = await withMemberLocks(db, [ctx.params.id!], (c) =>
      spendStoredValue(c, ctx.params.id!, body.amount, body.orderId ? `order ${body.orderId}` : 'spend', clock.now(), body.idempotencyKey ?? null).catch((e) => {
        if (e instanceof InsufficientBalance) throw new HttpError(409, { error: `Not enough stored value: ${e.message}`, issues: [{ field: 'amount', message: e.message }] });
        throw e;
      }),
    );
    ctx.body = { balance: balance ?? (await must(ctx.params.id!)).storedValue, duplicate: balance === null };
  });
}
