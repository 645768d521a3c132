import type { TriggerStanding } from '@memberflow/shared/api/members';
import type { EntryChoice, EntryEstimate } from '@memberflow/shared/api/workflows';
import type { WorkflowDefinition } from '@memberflow/shared/definition';
import { compileJourney } from '@memberflow/shared/journey-machine';
import type { MemberFacts } from '@memberflow/shared/member-facts';
import { isKindOf } from '@memberflow/shared/node-kind';
import { moduleOfGroup } from '@memberflow/shared/node-module';
import { pinnedModule } from '@memberflow/shared/pinned-module';
import { TRIGGER_EVENT } from '@memberflow/shared/runner/internal-events';
import { triggerStanding, type StandingReasonParts, type TriggerView } from '@memberflow/shared/runner/time-triggers';
import { purchaseWindowDays } from '@memberflow/shared/segment-condition';
import type pg from 'pg';
import { withTransaction } from '../db/transaction.ts';
import { loadMemberFactsBatch } from '../segments/member-facts-batch.ts';
import { segmentCondition } from '../segments/segment-store.ts';
import type { EngineDeps } from './member-lane.ts';
import { loadLaneContexts, loadMemberFacts } from './member-facts-loader.ts';
import { triggerRuntimeOf, type TriggerRuntime } from './trigger-kinds.ts';

const BATCH = 1000;

export type { EntryChoice, EntryEstimate };

/** The trigger of a definition as the runner reads it (segment triggers with their saved segment's condition). */
async function viewOf(c: pg.Pool | pg.ClientBase, definition: unknown, versions: 'pinned' | 'latest' = 'pinned'): Promise<TriggerView> {
  const compiled = compileJourney(definition, undefined, { versions });
  const module = moduleOfGroup(pinnedModule(compiled, compiled.trigger.id), 'trigger');
  const config = module.config.parse(compiled.trigger.config);
  if (module.fires !== 'segment') return { kind: compiled.trigger.kind, module, config };
  const s = module.segment(config);
  return { kind: compiled.trigger.kind, module, config, segmentCondition: (s.segmentKey ? await segmentCondition(c, s.segmentKey) : null) ?? s.condition };
}

const modeOf = (t: TriggerView): EntryEstimate['mode'] => t.module.fires;

function runtimeOf(t: TriggerView): TriggerRuntime {
  if (!isKindOf('trigger', t.kind)) throw new Error(`Node kind "${t.kind}" is not a trigger`);
  return triggerRuntimeOf(t.kind);
}

/** Every member (not erased), a batch at a time, as conditions and time triggers read them. */
async function eachMemberBatch(c: pg.Pool | pg.ClientBase, t: TriggerView, now: number, fn: (batch: MemberFacts[]) => Promise<void> | void): Promise<void> {
  const audience = t.module.fires === 'time' ? t.module.audience(t.config) : null;
  const days = Math.max(purchaseWindowDays(t.segmentCondition ?? audience ?? { type: 'group', combinator: 'and', rules: [] }), 0);
  for (let after = ''; ; ) {
    const batch = await loadMemberFactsBatch(c, after, BATCH, days, now, runtimeOf(t).expiringPoints);
    await fn(batch);
    if (batch.length < BATCH) return;
    after = batch.at(-1)!.id;
  }
}

/** Dates in a reason differ per member; grouped without them. */
const reasonGroup = (r: string) => r.replace(/\d{4}-\d{2}-\d{2}( \d{2}:\d{2} UTC)?/g, '…');
/** The group's parts: its dates (values named `…At`) null, as the grouped English hides them. */
const partsGroup = (p: StandingReasonParts): StandingReasonParts => ({
  key: p.key,
  vars: Object.fromEntries(Object.entries(p.vars).map(([k, v]) => [k, k.endsWith('At') ? null : v])),
});

/** Who would enter a definition, from the runner's standing rules over current members, in the member trace's words. */
export async function estimateEntries(engine: EngineDeps, definition: WorkflowDefinition): Promise<EntryEstimate> {
  // A draft (no pinned versions) is estimated as it would run once published: with the latest versions.
  const pinned = definition.nodes.some((n) => n.typeVersion !== undefined);
  const t = await viewOf(engine.db.pool, definition, pinned ? 'pinned' : 'latest');
  const now = engine.clock.now();
  const out: EntryEstimate = { trigger: t.kind, mode: modeOf(t), members: 0, qualifyingNow: 0, upcoming: 0, reasons: [] };
  const reasons = new Map<string, { count: number; parts: StandingReasonParts }>();
  await eachMemberBatch(engine.db.pool, t, now, (batch) => {
    for (const m of batch) {
      const s = triggerStanding(t, m, now);
      out.members++;
      if (s.qualifiedSince !== null) out.qualifyingNow++;
      else if (s.next !== null) out.upcoming++;
      const g = reasonGroup(s.reason);
      const seen = reasons.get(g);
      if (seen) seen.count++;
      else reasons.set(g, { count: 1, parts: partsGroup(s.reasonParts) });
    }
  });
  out.reasons = [...reasons].sort((a, b) => b[1].count - a[1].count).slice(0, 8).map(([reason, g]) => ({ reason, ...g }));
  return out;
}

/**
 * After publish or resume. Time triggers: stores each member's next moment; with `qualified_now`,
 * members who already qualify are due now (their moment kept, so the fire records its lateness);
 * schedules and segments enter their audience now through a trigger event. Returns how many enter now.
 */
export async function admitOnGoingLive(engine: EngineDeps, workflowId: string, choice: EntryChoice): Promise<{ enteringNow: number }> {
  const { rows } = await engine.db.pool.query<{ definition: unknown }>(
    `SELECT v.definition FROM workflow w JOIN workflow_version v ON v.id = w.live_version_id WHERE w.id = $1`,
    [workflowId],
  );
  if (!rows[0]) return { enteringNow: 0 };
  const t = await viewOf(engine.db.pool, rows[0].definition);
  const now = engine.clock.now();
  if (modeOf(t) === 'event') {
    await engine.db.pool.query('DELETE FROM trigger_due WHERE workflow_id = $1', [workflowId]);
    return { enteringNow: 0 };
  }
  // Entering through an event (schedules, segments) or by being due now (time triggers).
  const viaEvent = runtimeOf(t).qualifiedNow === 'trigger_event';
  let enteringNow = 0;
  await eachMemberBatch(engine.db.pool, t, now, async (batch) => {
    const dues: { member_id: string; occurrence_at: number | null; due_at: number | null }[] = [];
    const enter: string[] = [];
    for (const m of batch) {
      const s = triggerStanding(t, m, now);
      const now_ = choice === 'qualified_now' && s.qualifiedSince !== null;
      if (now_) enteringNow++;
      if (now_ && viaEvent) enter.push(m.id);
      if (modeOf(t) !== 'time') continue;
      if (now_ && !viaEvent) dues.push({ member_id: m.id, occurrence_at: s.qualifiedSince, due_at: now });
      else dues.push({ member_id: m.id, occurrence_at: s.next, due_at: s.next });
    }
    await withTransaction(engine.db.pool, async (c) => {
      await writeDues(c, workflowId, dues);
      if (enter.length) await c.query(`INSERT INTO event (member_id, type, occurred_at, received_at, properties) SELECT unnest($1::text[]), $2, to_timestamp($3::float8 / 1000), to_timestamp($3::float8 / 1000), jsonb_build_object('workflowId', $4::text)`, [enter, TRIGGER_EVENT, now, workflowId]);
    });
  });
  return { enteringNow };
}

async function writeDues(c: pg.ClientBase, workflowId: string, dues: { member_id: string; occurrence_at: number | null; due_at: number | null }[]): Promise<void> {
  if (!dues.length) return;
  await c.query(
    `INSERT INTO trigger_due (workflow_id, member_id, occurrence_at, due_at)
     SELECT $1, r.member_id, to_timestamp(r.occurrence_at / 1000), to_timestamp(r.due_at / 1000)
     FROM jsonb_to_recordset($2::jsonb) AS r(member_id text, occurrence_at float8, due_at float8)
     ON CONFLICT (workflow_id, member_id) DO UPDATE SET occurrence_at = EXCLUDED.occurrence_at, due_at = EXCLUDED.due_at`,
    [workflowId, JSON.stringify(dues)],
  );
}

/** For the member trace: each live time- or segment-triggered workflow the member is not in now, and why. */
export async function timeTriggerStandings(engine: EngineDeps, memberId: string): Promise<TriggerStanding[]> {
  const { rows } = await engine.db.pool.query<{ id: string; name: string; definition: unknown }>(
    `SELECT w.id, w.name, v.definition FROM workflow w JOIN workflow_version v ON v.id = w.live_version_id
     WHERE w.status = 'active' AND NOT EXISTS (SELECT 1 FROM journey j WHERE j.workflow_id = w.id AND j.member_id = $1 AND j.status IN ('active', 'waiting'))
     ORDER BY w.created_at`,
    [memberId],
  );
  const now = engine.clock.now();
  const out: TriggerStanding[] = [];
  if (!rows.length) return out;
  const c = await engine.db.pool.connect();
  const member = await loadMemberFacts(c, memberId, now).finally(() => c.release());
  for (const r of rows) {
    const t = await viewOf(engine.db.pool, r.definition);
    if (modeOf(t) === 'event') continue;
    const s = triggerStanding(t, member, now);
    out.push({ workflowId: r.id, workflowName: r.name, reason: s.reason, reasonParts: s.reasonParts, next: s.next === null ? null : new Date(s.next).toISOString() });
  }
  return out;
}

/**
 * Members who have no stored moment for a live time-triggered workflow (created after it went
 * live, e.g. by an import, and never in a lane since) get one, as "from now on". Run periodically.
 */
export async function fillMissingDues(engine: EngineDeps): Promise<number> {
  const { rows } = await engine.db.pool.query<{ id: string; definition: unknown }>(
    `SELECT w.id, v.definition FROM workflow w JOIN workflow_version v ON v.id = w.live_version_id WHERE w.status = 'active'`,
  );
  const now = engine.clock.now();
  let filled = 0;
  for (const r of rows) {
    const t = await viewOf(engine.db.pool, r.definition);
    if (modeOf(t) !== 'time') continue;
    const missing = await engine.db.pool.query<{ id: string }>(
      `SELECT m.id FROM member m WHERE m.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM trigger_due d WHERE d.workflow_id = $1 AND d.member_id = m.id) ORDER BY m.id LIMIT 5000`,
      [r.id],
    );
    if (!missing.rows.length) continue;
    // The members' facts as the lane reads them, in one statement for all of them.
    const c = await engine.db.pool.connect();
    const facts = await loadLaneContexts(c, missing.rows.map((m) => m.id), now, now).finally(() => c.release());
    const dues = missing.rows.map(({ id }) => {
      const s = triggerStanding(t, facts.get(id)!.member, now);
      return { member_id: id, occurrence_at: s.next, due_at: s.next };
    });
    await withTransaction(engine.db.pool, (c) => writeDues(c, r.id, dues));
    filled += dues.length;
  }
  return filled;
}
