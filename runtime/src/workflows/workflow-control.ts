import type { MigrateBody, MigrateResult, WorkflowStatus } from '@memberflow/shared/api/workflows';
import type { Clock } from '@memberflow/shared/clock';
import type { PersistedJourney } from '@memberflow/shared/journey-machine';
import { emptyMember } from '@memberflow/shared/member-facts';
import { moduleOfGroup } from '@memberflow/shared/node-module';
import { nodeModule } from '@memberflow/shared/node-registry';
import type pg from 'pg';
import type { NotePart } from '@memberflow/shared/runner/runner-writes';
import { HttpError, notFound } from '../api/http-error.ts';
import type { Database } from '../db/database.ts';
import { withTransaction } from '../db/transaction.ts';
import type { VersionCache } from '../engine/version-cache.ts';
import { getWorkflow } from './workflow-store.ts';
import { forgetLiveWorkflows } from '../engine/live-workflows-cache.ts';

const BATCH = 500;

const allowed: Record<'pause' | 'resume' | 'stop', WorkflowStatus[]> = {
  pause: ['active'],
  resume: ['paused'],
  stop: ['active', 'paused'],
};
const target = { pause: 'paused', resume: 'active', stop: 'stopped' } as const;

/**
 * Pause: no new entries and waiting members hold (their wake-ups fire after resume).
 * Resume: back to active. Stop: no entries, and every member still in it exits.
 */
export async function controlWorkflow(db: Database, clock: Clock, id: string, action: 'pause' | 'resume' | 'stop'): Promise<{ status: WorkflowStatus; exited: number }> {
  const wf = await getWorkflow(db, id);
  if (!allowed[action].includes(wf.status)) {
    throw new HttpError(409, { error: `Cannot ${action} a workflow that is ${wf.status}` });
  }
  await db.pool.query('UPDATE workflow SET status = $2, updated_at = now() WHERE id = $1', [id, target[action]]);
  forgetLiveWorkflows(db.schema);
  let exited = 0;
  // A stopped workflow has no coming moments; a paused one keeps them (swept again on resume).
  if (action === 'stop') await db.pool.query('DELETE FROM trigger_due WHERE workflow_id = $1', [id]);
  if (action === 'stop') {
    for (;;) {
      const n = await inMemberLocks(db, `SELECT id, member_id, current_node FROM journey WHERE workflow_id = $1 AND status IN ('active', 'waiting') ORDER BY member_id LIMIT ${BATCH}`, [id], async (c, rows) => {
        const at = clock.now();
        await c.query(`UPDATE journey SET status = 'exited', ended_at = to_timestamp($2::float8 / 1000), wake_at = NULL, updated_at = now() WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id), at]);
        await insertSteps(c, id, at, rows.map((r) => ({ ...r, to: r.current_node, reason: 'Workflow stopped by an admin: exited', parts: [{ key: 'adminStopped', vars: {} }] })));
      });
      exited += n;
      if (n < BATCH) break;
    }
  }
  return { status: target[action], exited };
}

/** Moves in-progress members of one version to another, keeping their remaining wait time. */
export async function migrateMembers(db: Database, clock: Clock, versions: VersionCache, id: string, body: MigrateBody): Promise<MigrateResult> {
  await getWorkflow(db, id);
  const v = await db.pool.query<{ id: string; version: number }>('SELECT id, version FROM workflow_version WHERE workflow_id = $1 AND version = ANY($2::int[])', [id, [body.fromVersion, body.toVersion]]);
  const from = v.rows.find((r) => r.version === body.fromVersion);
  const to = v.rows.find((r) => r.version === body.toVersion);
  if (!from || !to) throw notFound(`Version ${!from ? body.fromVersion : body.toVersion}`);
  if (from.id === to.id) throw new HttpError(400, { error: 'fromVersion and toVersion are the same', issues: [{ field: 'toVersion', message: 'must differ from fromVersion' }] });
  const c = await db.pool.connect();
  const toCompiled = await versions.get(c, to.id).finally(() => c.release());

  const sitting = await db.pool.query<{ current_node: string }>(`SELECT DISTINCT current_node FROM journey WHERE version_id = $1 AND status IN ('active', 'waiting')`, [from.id]);
  const issues: { field: string; message: string }[] = [];
  for (const { current_node } of sitting.rows) {
    if (!(current_node in body.mapping)) issues.push({ field: `mapping.${current_node}`, message: 'members are here: map this node to a wait in the new version' });
  }
  for (const [old, next] of Object.entries(body.mapping)) {
    const n = toCompiled.nodes.get(next);
    if (!n) issues.push({ field: `mapping.${old}`, message: `version ${body.toVersion} has no node "${next}"` });
    else if (nodeModule(n.kind).group !== 'wait') issues.push({ field: `mapping.${old}`, message: `"${next}" is not a wait; members can only be placed where they wait` });
  }
  if (issues.length) throw new HttpError(400, { error: `Invalid request body: ${issues[0]!.field} ${issues[0]!.message}`, issues });

  let migrated = 0;
  let skipped = 0;
  let after = '';
  for (;;) {
    const n = await inMemberLocks<MigrateRow>(
      db,
      `SELECT j.id, j.member_id, j.current_node, j.snapshot, j.wake_at, m.time_zone, m.birthday, m.joined_at, m.attributes,
              EXISTS (SELECT 1 FROM journey o WHERE o.version_id = $2 AND o.member_id = j.member_id) AS has_target
       FROM journey j LEFT JOIN member m ON m.id = j.member_id
       WHERE j.version_id = $1 AND j.status IN ('active', 'waiting') AND j.member_id > $3 ORDER BY j.member_id LIMIT ${BATCH}`,
      [from.id, to.id, after],
      async (tx, rows) => {
        const at = clock.now();
        const moved: (LockedRow & { to: string; reason: string; parts: NotePart[] })[] = [];
        for (const r of rows) {
          after = r.member_id;
          if (r.has_target) {
            skipped++;
            continue;
          }
          const node = toCompiled.nodes.get(body.mapping[r.current_node]!)!;
          const snap = r.snapshot;
          const visits = { ...snap.context.visits, [node.id]: (snap.context.visits[node.id] ?? 0) + 1 };
          const mod = nodeModule(node.kind);
          const member = { ...emptyMember(r.member_id, r.time_zone ?? 'UTC'), birthday: r.birthday, joinedAt: r.joined_at?.getTime() ?? null, attributes: r.attributes ?? {} };
          // Keep the time a member still had to wait; a member who was not waiting starts the new wait now.
          const wakeAt = r.wake_at ? r.wake_at.getTime() : moduleOfGroup(mod, 'wait').wakeAt(mod.config.parse(node.config), { at, member });
          await tx.query(
            `UPDATE journey SET version_id = $2, current_node = $3, snapshot = $4, wake_at = to_timestamp($5::float8 / 1000), status = 'waiting', updated_at = now() WHERE id = $1`,
            [r.id, to.id, node.id, JSON.stringify({ value: node.id, context: { ...snap.context, visits } }), wakeAt],
          );
          moved.push({
            ...r,
            to: node.id,
            reason: `Migrated by an admin from version ${body.fromVersion} ("${r.current_node}") to version ${body.toVersion} ("${node.id}")`,
            parts: [{ key: 'adminMigrated', vars: { from: body.fromVersion, to: body.toVersion, fromNode: r.current_node, toNode: node.id } }],
          });
        }
        await insertSteps(tx, id, at, moved);
        migrated += moved.length;
      },
    );
    if (n < BATCH) break;
  }
  return { migrated, skipped };
}

interface LockedRow {
  id: string;
  member_id: string;
  current_node: string;
}

interface MigrateRow extends LockedRow {
  snapshot: PersistedJourney;
  wake_at: Date | null;
  time_zone: string | null;
  birthday: string | null;
  joined_at: Date | null;
  attributes: Record<string, unknown> | null;
  has_target: boolean;
}

/** Runs `fn` on a batch of journeys with each member's lane lock held, so no step races the change. */
async function inMemberLocks<R extends LockedRow>(db: Database, select: string, params: unknown[], fn: (c: pg.PoolClient, rows: R[]) => Promise<void>): Promise<number> {
  return withTransaction(db.pool, async (c) => {
    const { rows } = await c.query<R>(select, params);
    // Sorted by member id in the query, so two admins' batches cannot deadlock.
    for (const m of [...new Set(rows.map((r) => r.member_id))]) await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [m]);
    await fn(c, rows);
    return rows.length;
  });
}

async function insertSteps(
  c: pg.ClientBase,
  workflowId: string,
  at: number,
  rows: { id: string; member_id: string; current_node: string; to: string; reason: string; parts: NotePart[] }[],
): Promise<void> {
  if (!rows.length) return;
  await c.query(
    `INSERT INTO journey_step (journey_id, workflow_id, member_id, at, from_node, to_node, cause, path, reason, reason_parts)
     SELECT r.journey_id, $1, r.member_id, to_timestamp($2::float8 / 1000), r.from_node, r.to_node, 'mf.admin', '{}', r.reason, r.reason_parts
     FROM jsonb_to_recordset($3::jsonb) AS r(journey_id uuid, member_id text, from_node text, to_node text, reason text, reason_parts jsonb)`,
    [
      workflowId,
      at,
      JSON.stringify(rows.map((r) => ({ journey_id: r.id, member_id: r.member_id, from_node: r.current_node, to_node: r.to, reason: r.reason, reason_parts: r.parts }))),
    ],
  );
}
