import { MS_PER_DAY } from '@memberflow/shared/duration';
import { DateTriggerConfig } from '@memberflow/shared/nodes/date-trigger';
import { InactivityTriggerConfig } from '@memberflow/shared/nodes/inactivity-trigger';
import { PointsExpiringTriggerConfig } from '@memberflow/shared/nodes/points-expiring-trigger';
import { nextScheduled, ScheduleTriggerConfig } from '@memberflow/shared/nodes/schedule-trigger';
import { zonedParts, zonedTime } from '@memberflow/shared/time-zone';
import type { Queue } from 'bullmq';
import { TRIGGER_EVENT } from './internal-events.ts';
import type { EngineDeps } from './member-lane.ts';
import { enqueueLanes, type LaneJob } from './step-queue.ts';

/** A scheduler that was down catches up this far back; older periods are not fired late. */
const LOOKBACK_MS = 2 * MS_PER_DAY;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Fires time triggers (schedules, member dates, inactivity) for members whose moment has
 * come. Each firing is a trigger_fire row keyed by workflow, member and period, inserted
 * with ON CONFLICT DO NOTHING: any number of processes may run this, each member enters
 * once per period. A firing becomes an internal event, so the lane applies entry rules,
 * audiences and everything else exactly as for any other trigger.
 */
export class TriggerScheduler {
  /** Periods already fired in full by this process (schedules and dates): skipped next time. */
  private readonly done = new Set<string>();

  constructor(
    private readonly deps: EngineDeps,
    private readonly queue: Queue<LaneJob>,
  ) {}

  async run(): Promise<number> {
    const { db, clock, versions } = this.deps;
    const now = clock.now();
    const { rows } = await db.pool.query<{ id: string; live_version_id: string }>(`SELECT id, live_version_id FROM workflow WHERE status = 'active' AND live_version_id IS NOT NULL`);
    let fired = 0;
    for (const w of rows) {
      const client = await db.pool.connect();
      const compiled = await versions.get(client, w.live_version_id).finally(() => client.release());
      const t = compiled.trigger;
      if (t.kind === 'inactivity_trigger') fired += await this.inactivity(w.id, InactivityTriggerConfig.parse(t.config).days, now);
      else if (t.kind === 'schedule_trigger') fired += await this.schedule(w.id, ScheduleTriggerConfig.parse(t.config), now);
      else if (t.kind === 'date_trigger') fired += await this.dates(w.id, DateTriggerConfig.parse(t.config), now);
      else if (t.kind === 'points_expiring_trigger') fired += await this.pointsExpiring(w.id, PointsExpiringTriggerConfig.parse(t.config), now);
      // Segment entry is seen by the lane, as members change.
    }
    return fired;
  }

  private async inactivity(workflowId: string, days: number, now: number): Promise<number> {
    const since = now - days * MS_PER_DAY;
    // One firing per spell: the spell is named by the purchase it followed.
    return this.fire(
      workflowId,
      `m.last_purchase_at <= to_timestamp($2::float8 / 1000) AND m.last_purchase_at > to_timestamp($3::float8 / 1000)`,
      [since, since - LOOKBACK_MS],
      `'inactive-since-' || (extract(epoch FROM m.last_purchase_at) * 1000)::bigint`,
      `m.last_purchase_at + make_interval(days => ${days})`,
    );
  }

  private async zones(): Promise<string[]> {
    return (await this.deps.db.pool.query<{ time_zone: string }>('SELECT DISTINCT time_zone FROM member')).rows.map((r) => r.time_zone);
  }

  private async schedule(workflowId: string, c: ScheduleTriggerConfig, now: number): Promise<number> {
    let fired = 0;
    for (const tz of await this.zones()) {
      let last: number | null = null;
      for (let t = nextScheduled(c, now - LOOKBACK_MS, tz); t !== null && t <= now; t = nextScheduled(c, t, tz)) last = t;
      if (last === null) continue;
      const key = `${workflowId}|${tz}|${last}`;
      if (this.done.has(key)) continue;
      fired += await this.fire(workflowId, 'm.time_zone = $2', [tz], `'run-${new Date(last).toISOString()}'`, `to_timestamp(${last} / 1000.0)`);
      this.done.add(key);
    }
    return fired;
  }

  private async dates(workflowId: string, c: DateTriggerConfig, now: number): Promise<number> {
    let fired = 0;
    const [h, mi] = c.time.split(':').map(Number) as [number, number];
    for (const tz of await this.zones()) {
      // Each local day in the look-back whose firing moment has passed.
      for (let back = 2; back >= 0; back--) {
        const p = zonedParts(now - back * MS_PER_DAY, tz);
        const at = zonedTime(tz, p.year, p.month, p.day, h, mi);
        if (at > now || at < now - LOOKBACK_MS) continue;
        const key = `${workflowId}|${tz}|${p.year}-${p.month}-${p.day}`;
        if (this.done.has(key)) continue;
        // The member date that fires today: today minus the offset (3 days before -> 3 days after today).
        const d = new Date(Date.UTC(p.year, p.month - 1, p.day) - c.offsetDays * MS_PER_DAY);
        const mmdd = `${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
        const days = mmdd === '02-28' && !isLeap(d.getUTCFullYear()) ? ['02-28', '02-29'] : [mmdd];
        const column =
          c.attribute === 'birthday'
            ? 'substr(m.birthday, 6, 5)'
            : c.attribute === 'anniversary'
              ? `to_char(m.joined_at AT TIME ZONE m.time_zone, 'MM-DD')`
              : // The attribute name is the marketer's text: a parameter, never SQL text.
                `substr(m.attributes->>$4::text, 6, 5)`;
        const params = c.attribute.startsWith('attributes.') ? [tz, days, c.attribute.slice('attributes.'.length)] : [tz, days];
        fired += await this.fire(workflowId, `m.time_zone = $2 AND ${column} = ANY($3::text[])`, params, `'year-${d.getUTCFullYear()}'`, `to_timestamp(${at} / 1000.0)`);
        this.done.add(key);
      }
    }
    return fired;
  }

  /** N days before a lot of points expires; the period is that lot's expiry moment. */
  private async pointsExpiring(workflowId: string, c: PointsExpiringTriggerConfig, now: number): Promise<number> {
    return this.fireSelect(
      workflowId,
      `SELECT p.member_id, 'expiring-' || (extract(epoch FROM min(p.expires_at)) * 1000)::bigint,
              min(p.expires_at) - make_interval(days => $5::int)
       FROM points_entry p JOIN member m ON m.id = p.member_id AND m.deleted_at IS NULL
       WHERE p.remaining >= $2 AND p.expires_at > to_timestamp($3::float8 / 1000) AND p.expires_at <= to_timestamp($4::float8 / 1000)
       GROUP BY p.member_id`,
      [c.minPoints, now, now + c.withinDays * MS_PER_DAY, c.withinDays],
    );
  }

  private async fire(workflowId: string, where: string, params: unknown[], periodExpr: string, fireAtExpr: string): Promise<number> {
    return this.fireSelect(workflowId, `SELECT m.id, ${periodExpr}, ${fireAtExpr} FROM member m WHERE m.deleted_at IS NULL AND ${where}`, params);
  }

  /** `select` yields (member_id, period_key, fire_at); each new row becomes one trigger event. */
  private async fireSelect(workflowId: string, select: string, params: unknown[]): Promise<number> {
    const { rows } = await this.deps.db.pool.query<{ seq: number; member_id: string }>(
      `WITH fired AS (
         INSERT INTO trigger_fire (workflow_id, member_id, period_key, fire_at)
         SELECT $1, s.* FROM (${select}) AS s
         ON CONFLICT DO NOTHING
         RETURNING member_id, fire_at
       )
       INSERT INTO event (member_id, type, occurred_at, properties)
       SELECT member_id, '${TRIGGER_EVENT}', fire_at, jsonb_build_object('workflowId', $1::text) FROM fired
       RETURNING seq, member_id`,
      [workflowId, ...params],
    );
    for (let i = 0; i < rows.length; i += 1000) {
      await enqueueLanes(this.queue, rows.slice(i, i + 1000).map((r) => ({ memberId: r.member_id, jobId: `ev-${r.seq}` })));
    }
    return rows.length;
  }
}
