import type { TierReview } from '@memberflow/shared/api/programme-routes';
import { qualifyingTier, rankOf } from '@memberflow/shared/runner/programme';
import type pg from 'pg';
import type { EngineDeps } from '../engine/member-lane.ts';
import { loadPointsEarned } from '../engine/lane-load.ts';
import { loadMemberFacts } from '../engine/member-facts-loader.ts';
import { withMemberLocks } from '../members/member-lock.ts';
import { readTiers } from './program-store.ts';

const KEY = 'tier_review';

/** Where a ladder re-rating stands: members are taken in id order, `after` the last one done. */
interface ReviewState extends TierReview {
  after: string;
}

type Raise = (memberId: string, type: string, props: Record<string, unknown>, at: number) => Promise<void>;

async function readState(c: pg.ClientBase | pg.Pool): Promise<ReviewState | null> {
  const { rows } = await c.query<{ value: ReviewState }>('SELECT value FROM app_setting WHERE key = $1', [KEY]);
  return rows[0]?.value ?? null;
}

async function writeState(c: pg.ClientBase | pg.Pool, s: ReviewState, actor: string): Promise<void> {
  await c.query(
    `INSERT INTO app_setting (key, value, updated_at, updated_by) VALUES ($1, $2, now(), $3)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = EXCLUDED.updated_by`,
    [KEY, JSON.stringify(s), actor],
  );
}

/** A new ladder applies to every member: start (or restart) re-rating them all, from the first id. */
export async function requestTierReview(pool: pg.Pool, actor: string): Promise<void> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM member WHERE deleted_at IS NULL');
  await writeState(pool, { pending: true, done: 0, total: rows[0]!.n, after: '' }, actor);
}

export async function tierReviewStatus(pool: pg.Pool): Promise<TierReview | null> {
  const s = await readState(pool);
  return s ? { pending: s.pending, done: s.done, total: s.total } : null;
}

/**
 * Re-rates the next `limit` members against the ladder as it is now, up or down, with the same
 * standing rule the runner applies on purchases; each move is raised as tier_changed for
 * workflows (like the periodic review's: a move can be due to the new ladder and to time alike). Runs in pages from the periodic upkeep, so a ladder change on a
 * large base neither blocks time triggers nor holds one long transaction. Returns members moved.
 */
export async function reviewTierBatch(deps: EngineDeps, raise: Raise, limit = 1000): Promise<number> {
  const state = await readState(deps.db.pool);
  if (!state?.pending) return 0;
  const now = deps.clock.now();
  const tiers = await readTiers(deps.db.pool);
  const { rows } = await deps.db.pool.query<{ id: string }>(
    'SELECT id FROM member WHERE deleted_at IS NULL AND id > $1 ORDER BY id LIMIT $2',
    [state.after, limit],
  );
  let moved = 0;
  for (const { id } of rows) {
    const change = await withMemberLocks(deps.db, [id], async (c) => {
      const member = await loadMemberFacts(c, id, now);
      const to = qualifyingTier(tiers, member, await loadPointsEarned(c, id, now), now)?.key ?? null;
      if (to === member.tier) return null;
      await c.query('UPDATE member SET tier = $2, updated_at = now() WHERE id = $1', [id, to]);
      return { from: member.tier, to, up: rankOf(tiers, to) > rankOf(tiers, member.tier) };
    });
    if (!change) continue;
    moved++;
    await raise(id, 'tier_changed', { from: change.from, tier: change.to, direction: change.up ? 'up' : 'down' }, now);
  }
  // A newer request (the ladder saved again meanwhile) restarted the count: leave it be.
  const latest = await readState(deps.db.pool);
  if (latest?.pending && latest.after === state.after && latest.done === state.done) {
    const done = state.done + rows.length;
    await writeState(deps.db.pool, { pending: rows.length === limit, done, total: Math.max(state.total, done), after: rows.at(-1)?.id ?? state.after }, 'system');
  }
  return moved;
}
