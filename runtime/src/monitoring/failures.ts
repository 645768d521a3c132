import type { Queue } from 'bullmq';
import { skip } from '@memberflow/shared/skip-parts';
import { stuckEffectMs } from '../config.ts';
import type { Database } from '../db/database.ts';
import { STUCK_EFFECT_SQL } from './stuck-effects.ts';
import type { EffectJob } from '../engine/effect-dispatcher.ts';
import { enqueueLanes, type LaneJob } from '../engine/step-queue.ts';
import { withMemberLocks } from '../members/member-lock.ts';

/** What a delivery given up by an admin says, in English and as parts for the member page. */
const ADMIN_SKIP = JSON.stringify(skip('skipped by an admin after failing', 'skippedByAdmin'));

/** Failed journeys and deliveries, and deliveries still pending past STUCK_EFFECT_MINUTES (the sweep keeps retrying those). */
export async function listFailures(db: Database, workflowId: string, stuckAfterMs = stuckEffectMs()) {
  const journeys = await db.pool.query(
    `SELECT id, member_id AS "memberId", current_node AS "node", last_error AS error, updated_at AS "failedAt" FROM journey
     WHERE workflow_id = $1 AND status = 'failed' ORDER BY updated_at DESC LIMIT 500`,
    [workflowId],
  );
  const effects = await db.pool.query(
    `SELECT idempotency_key AS key, member_id AS "memberId", node_id AS "node", kind, error, attempts, at FROM effect
     WHERE workflow_id = $1 AND status = 'failed' ORDER BY at DESC LIMIT 500`,
    [workflowId],
  );
  const stuck = await db.pool.query(
    `SELECT idempotency_key AS key, member_id AS "memberId", node_id AS "node", kind, error, attempts, at FROM effect
     WHERE workflow_id = $2 AND ${STUCK_EFFECT_SQL} ORDER BY at LIMIT 500`,
    [stuckAfterMs, workflowId],
  );
  return { journeys: journeys.rows, effects: effects.rows, stuck: stuck.rows };
}

export type FailureAction = 'retry' | 'skip' | 'exit';

/**
 * Retry: a failed journey resumes from its last good snapshot (its wake-up, if any, fires
 * again); a failed delivery is sent again. Skip: a failed delivery is given up, recorded.
 * Exit: a failed journey ends. `all` applies to every failure of the workflow.
 */
export async function actOnFailures(
  db: Database,
  queues: { steps: Queue<LaneJob>; effects: Queue<EffectJob> },
  workflowId: string,
  action: FailureAction,
  target: { journeyIds?: string[]; effectKeys?: string[]; all?: boolean },
): Promise<{ journeys: number; effects: number }> {
  const journeys = (
    await db.pool.query<{ id: string; member_id: string }>(
      `SELECT id, member_id FROM journey WHERE workflow_id = $1 AND status = 'failed' AND ($2 OR id = ANY($3::uuid[]))`,
      [workflowId, target.all ?? false, target.journeyIds ?? []],
    )
  ).rows;
  const effects = (
    await db.pool.query<{ idempotency_key: string }>(
      `SELECT idempotency_key FROM effect WHERE workflow_id = $1 AND status = 'failed' AND ($2 OR idempotency_key = ANY($3::text[]))`,
      [workflowId, target.all ?? false, target.effectKeys ?? []],
    )
  ).rows.map((r) => r.idempotency_key);
  if (action !== 'skip' && journeys.length) {
    await withMemberLocks(db, journeys.map((j) => j.member_id), async (c) => {
      await c.query(
        action === 'retry'
          ? `UPDATE journey SET status = CASE WHEN wake_at IS NULL THEN 'active' ELSE 'waiting' END, last_error = NULL WHERE id = ANY($1::uuid[]) AND status = 'failed'`
          : `UPDATE journey SET status = 'exited', ended_at = now(), wake_at = NULL WHERE id = ANY($1::uuid[]) AND status = 'failed'`,
        [journeys.map((j) => j.id)],
      );
    });
    if (action === 'retry') await enqueueLanes(queues.steps, journeys.map((j) => ({ memberId: j.member_id, jobId: `retry-${j.id}-${Date.now()}` })));
  }
  if (action !== 'exit' && effects.length) {
    await (action === 'retry'
      ? db.pool.query(`UPDATE effect SET status = 'pending', attempts = 0 WHERE idempotency_key = ANY($1::text[]) AND status = 'failed'`, [effects])
      : db.pool.query(`UPDATE effect SET status = 'skipped', payload = payload || $2::jsonb WHERE idempotency_key = ANY($1::text[]) AND status = 'failed'`, [effects, ADMIN_SKIP]));
    if (action === 'retry') {
      // A retried delivery needs a fresh job id: the failed job may still be kept under the old one.
      await queues.effects.addBulk(effects.map((key) => ({ name: 'effect', data: { key }, opts: { jobId: `fx-retry-${Date.now()}-${Math.random().toString(36).slice(2)}` } })));
    }
  }
  return { journeys: action === 'skip' ? 0 : journeys.length, effects: action === 'exit' ? 0 : effects.length };
}
