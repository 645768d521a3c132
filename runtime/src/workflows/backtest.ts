import { MS_PER_DAY } from '@memberflow/shared/duration';
import { HttpError } from '../api/http-error.ts';
import type { RuntimeConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { runReplay } from '../replay/replay.ts';
import { getWorkflow } from './workflow-store.ts';

const MAX_EVENTS = 500_000;

/**
 * Runs a workflow's saved draft over the last N days of stored events with the real engine in
 * a throwaway schema, and reports per-node counts: "what would this have done?" before
 * publishing. N counts back from the latest stored event, so imported history works too.
 */
export async function backtestWorkflow(config: RuntimeConfig, db: Database, id: string, days: number) {
  const wf = await getWorkflow(db, id);
  if (wf.violations.length) throw new HttpError(422, { error: `Fix the draft first: ${wf.violations[0]!.message}`, violations: wf.violations });
  const latest = (await db.pool.query<{ at: Date | null }>(`SELECT max(occurred_at) AS at FROM event WHERE type NOT LIKE 'mf.%'`)).rows[0]!.at;
  if (!latest) throw new HttpError(409, { error: 'There are no stored events to backtest on yet' });
  const to = latest.getTime() + 1;
  const from = to - days * MS_PER_DAY;
  const { rows } = await db.pool.query<{ member_id: string; type: string; occurred_at: Date; properties: Record<string, unknown> }>(
    `SELECT member_id, type, occurred_at, properties FROM event
     WHERE type NOT LIKE 'mf.%' AND occurred_at >= to_timestamp($1::float8 / 1000) AND occurred_at < to_timestamp($2::float8 / 1000)
     ORDER BY occurred_at, seq LIMIT $3`,
    [from, to, MAX_EVENTS + 1],
  );
  if (rows.length > MAX_EVENTS) throw new HttpError(413, { error: `More than ${MAX_EVENTS} events in ${days} days: choose fewer days`, issues: [{ field: 'days', message: 'too many events in this period' }] });
  if (rows.length === 0) throw new HttpError(409, { error: `No stored events in the last ${days} days of history` });
  const ids = [...new Set(rows.map((r) => r.member_id))];
  const members = (
    await db.pool.query(`SELECT id, name, phone, email, birthday, time_zone, tier, tags, consents, attributes FROM member WHERE id = ANY($1) AND deleted_at IS NULL`, [ids])
  ).rows;
  const report = await runReplay({
    config,
    events: rows.map((r) => ({ memberId: r.member_id, type: r.type, at: r.occurred_at.getTime(), properties: r.properties ?? {} })),
    definition: wf.draft,
    name: wf.name,
    from,
    to,
    members,
  });
  const { effects, ...rest } = report;
  const byKind: Record<string, number> = {};
  for (const e of effects) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
  return { ...rest, effects: effects.length, effectsByKind: byKind };
}
