import type { JourneyStatus } from '@memberflow/shared/api/workflows';
import { MS_PER_DAY } from '@memberflow/shared/duration';
import type { PersistedJourney } from '@memberflow/shared/journey-machine';
import type { InboxEvent, JourneyState } from '@memberflow/shared/runner/journey-state';
import type { MemberInput, PendingEvent } from '@memberflow/shared/runner/runner-input';
import type { TriggerDue } from '@memberflow/shared/runner/runner-writes';
import type pg from 'pg';
import { loadLaneContext } from './member-facts-loader.ts';

/** What the lane reads before deciding whether there is work at all. */
export interface LaneHead {
  events: PendingEvent[];
  journeys: JourneyState[];
  dues: Map<string, TriggerDue>;
}

interface JourneyRow {
  id: string;
  workflow_id: string;
  workflow_name: string;
  held: boolean;
  version_id: string;
  member_id: string;
  status: JourneyStatus;
  current_node: string;
  snapshot: PersistedJourney;
  wake_at: Date | null;
  entry_count: number;
  entered_at: Date;
  ended_at: Date | null;
  last_error: string | null;
  inbox: InboxEvent[];
}

/** The member's pending events (up to `limit`), journeys and stored trigger moments. */
export async function loadLaneHead(c: pg.ClientBase, memberId: string, limit: number): Promise<LaneHead> {
  // Events set aside (failed_at) wait for an admin's retry; the lane goes on without them.
  const events = await c.query<{ seq: string; type: string; occurred_at: Date; received_at: Date; properties: Record<string, unknown> }>(
    `SELECT seq, type, occurred_at, received_at, properties FROM event
     WHERE member_id = $1 AND processed_at IS NULL AND failed_at IS NULL ORDER BY seq LIMIT $2`,
    [memberId, limit],
  );
  const journeys = await c.query<JourneyRow>(
    `SELECT j.id, j.workflow_id, w.name AS workflow_name, w.status = 'paused' AS held, j.version_id, j.member_id, j.status, j.current_node, j.snapshot,
            j.wake_at, j.entry_count, j.entered_at, j.ended_at, j.last_error, j.inbox
     FROM journey j JOIN workflow w ON w.id = j.workflow_id WHERE j.member_id = $1`,
    [memberId],
  );
  const dues = await c.query<{ workflow_id: string; occurrence_at: Date | null; due_at: Date | null }>('SELECT workflow_id, occurrence_at, due_at FROM trigger_due WHERE member_id = $1', [memberId]);
  return {
    events: events.rows.map((e) => ({ seq: Number(e.seq), type: e.type, occurredAt: e.occurred_at.getTime(), receivedAt: e.received_at.getTime(), properties: e.properties ?? {} })),
    journeys: journeys.rows.map(journeyFromRow),
    dues: new Map(dues.rows.map((d) => [d.workflow_id, { workflowId: d.workflow_id, occurrenceAt: d.occurrence_at?.getTime() ?? null, dueAt: d.due_at?.getTime() ?? null }])),
  };
}

/** Whether the pass has anything to do at `now`: events, due wake-ups, a resumed journey's inbox, a due trigger moment. */
export function hasWork(head: LaneHead, now: number): boolean {
  if (head.events.length) return true;
  if (head.journeys.some((j) => !j.held && ((j.status === 'waiting' && j.wakeAt !== null && j.wakeAt <= now) || j.inbox.length > 0))) return true;
  return [...head.dues.values()].some((d) => d.dueAt !== null && d.dueAt <= now);
}

/** The rest of the member's input: facts, coupons held, recent marketing, points earned, the latest coupon per journey entry. */
export async function loadMemberInput(c: pg.ClientBase, memberId: string, head: LaneHead, now: number, capDays: number, pointsTiers: boolean): Promise<MemberInput> {
  const { member, heldTemplates, recentMarketing } = await loadLaneContext(c, memberId, now, now - (capDays + 1) * MS_PER_DAY);
  const pointsEarned = pointsTiers ? await loadPointsEarned(c, memberId, now) : { lifetime: 0, recent: [] };
  const latestCoupons = head.journeys.length ? await loadLatestCoupons(c, memberId) : new Map();
  return { member, journeys: head.journeys, events: head.events, dues: head.dues, heldTemplates, recentMarketing, pointsEarned, latestCoupons };
}

/** Points earned, for tiers on a points basis: the lifetime sum and the last two years' lots. */
export async function loadPointsEarned(c: pg.ClientBase, memberId: string, now: number): Promise<MemberInput['pointsEarned']> {
  const { rows } = await c.query<{ lifetime: string; recent: { at: number; delta: number }[] }>(
    `SELECT coalesce(sum(delta), 0) AS lifetime,
            coalesce(json_agg(json_build_object('at', extract(epoch FROM at) * 1000, 'delta', delta)) FILTER (WHERE at > to_timestamp($2::float8 / 1000)), '[]') AS recent
     FROM points_entry WHERE member_id = $1 AND kind IN ('earn', 'adjust') AND delta > 0`,
    [memberId, now - 2 * 366 * MS_PER_DAY],
  );
  const r = rows[0]!;
  return { lifetime: Number(r.lifetime), recent: r.recent.map((p) => ({ at: Number(p.at), delta: Number(p.delta) })) };
}

/** The latest coupon of each journey entry, so a message after a wake-up can still say {{coupon.code}}. */
async function loadLatestCoupons(c: pg.ClientBase, memberId: string): Promise<Map<string, Record<string, unknown>>> {
  const { rows } = await c.query<{ idempotency_key: string; payload: Record<string, unknown> }>(
    `SELECT DISTINCT ON (journey_id, split_part(idempotency_key, ':', 2)) idempotency_key, payload FROM effect
     WHERE member_id = $1 AND kind = 'issue_coupon' ORDER BY journey_id, split_part(idempotency_key, ':', 2), at DESC, created_at DESC`,
    [memberId],
  );
  const out = new Map<string, Record<string, unknown>>();
  for (const r of rows) {
    const [journeyId, entry] = r.idempotency_key.split(':');
    out.set(`${journeyId}:${entry}`, r.payload);
  }
  return out;
}

function journeyFromRow(r: JourneyRow): JourneyState {
  return {
    id: r.id,
    workflowId: r.workflow_id,
    workflowName: r.workflow_name,
    held: r.held,
    versionId: r.version_id,
    memberId: r.member_id,
    status: r.status,
    currentNode: r.current_node,
    snapshot: r.snapshot,
    wakeAt: r.wake_at ? r.wake_at.getTime() : null,
    entryCount: r.entry_count,
    enteredAt: r.entered_at.getTime(),
    endedAt: r.ended_at ? r.ended_at.getTime() : null,
    lastError: r.last_error,
    inbox: r.inbox ?? [],
    dirty: false,
  };
}

/**
 * Erasure is final: an erased member's events are settled without effect (they start nothing and
 * send nothing) and their trigger moments are dropped. True when the member is erased.
 */
export async function settleIfErased(c: pg.ClientBase, memberId: string, head: LaneHead): Promise<boolean> {
  const { rows } = await c.query<{ erased: boolean }>('SELECT deleted_at IS NOT NULL AS erased FROM member WHERE id = $1', [memberId]);
  if (!rows[0]?.erased) return false;
  if (head.events.length) await c.query('UPDATE event SET processed_at = now() WHERE seq = ANY($1::bigint[])', [head.events.map((e) => e.seq)]);
  await c.query('DELETE FROM trigger_due WHERE member_id = $1', [memberId]);
  await c.query(`UPDATE journey SET status = 'exited', wake_at = NULL, inbox = '[]', ended_at = now(), updated_at = now() WHERE member_id = $1 AND status IN ('active', 'waiting')`, [memberId]);
  return true;
}
