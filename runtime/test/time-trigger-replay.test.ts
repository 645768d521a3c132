import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { workflowTemplates } from '@memberflow/shared/templates/catalog';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { dropSchema } from '../src/db/apply-migrations.ts';
import { openDatabase } from '../src/db/database.ts';
import { runReplay, type ReplayReport } from '../src/replay/replay.ts';
import { cdnowToEvents, type ReplayEvent } from '../src/replay/replay-events.ts';

/*
 * The CDNOW sample replayed through the two time-triggered recipes, against what the data
 * implies, computed here from the file with no engine code (no runner, nodes, time zones or
 * CDNOW parser of the engine).
 *
 * How the engine decides the boundaries (shared/src/runner/run-member.ts), as computed below:
 * - A member's timeline merges stored events, wake-ups and trigger moments by time; at a tie
 *   events come first: a purchase at the very moment of an inactivity fire or of a wait's end
 *   wins (no fire; the journey converts before the wait's next step).
 * - A replay's clock stands at its `to` (runReplay's default: the last event's time + 1 day);
 *   moments and wake-ups at or before it happen, later ones do not.
 * - In a replay a new member's trigger moments count from their first event (`dueFrom`).
 * - CDNOW rows carry a day, no time: every purchase is at midnight UTC of its day, and the
 *   rows of one customer-day are one shopping trip (one purchase).
 */

const DAY = 86_400_000;
const sampleFile = fileURLToPath(new URL('../seed-data/CDNOW_sample.txt', import.meta.url));
const recipe = (key: string) => workflowTemplates.find((t) => t.key === key)!.definition;

/** Each customer's shopping days (midnight UTC), ascending: both CDNOW layouts, parsed here. */
function shoppingDays(text: string): Map<string, number[]> {
  const days = new Map<string, Set<number>>();
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4 || !/^\d+$/.test(f[0]!)) continue;
    const date = f.length >= 5 ? f[2]! : f[1]!;
    const at = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)));
    const id = `cdnow-${f[0]}`;
    days.set(id, (days.get(id) ?? new Set()).add(at));
  }
  return new Map([...days].map(([id, s]) => [id, [...s].sort((a, b) => a - b)]));
}

/** A deterministic subset: the 1st, (n+1)th, ... customer in id order. */
const everyNth = (days: Map<string, number[]>, n: number) => new Map([...days].sort(([a], [b]) => a.localeCompare(b)).filter((_, i) => i % n === 0));

/** The replay's end: the last purchase day + 1 day. */
const replayEnd = (days: Map<string, number[]>) => Math.max(...[...days.values()].map((d) => d.at(-1)!)) + DAY;

interface Expected {
  /** member@ISO of each trigger fire. */
  fires: string[];
  coupons: string[];
  tasks: string[];
  /** Per node: how many times a journey entered it. */
  nodes: Record<string, number>;
  /** Journeys as they stand at the end (one per member and version: a new entry reuses it). */
  journeys: Record<string, number>;
}

const key = (member: string, at: number) => `${member}@${new Date(at).toISOString()}`;

/**
 * Churn win-back: every shopping day restarts a 90-day watch; with no purchase by then (a
 * purchase on day 90 itself wins) the member enters at last + 90 days: care message then,
 * 7 days later a coupon (and the offer), 14 days after that the "lost" tag and a staff task.
 * A purchase during the journey is its goal: the member exits converted, and a new watch
 * starts. Nothing after the replay's end.
 */
function expectedChurn(days: Map<string, number[]>, end: number): Expected {
  const out: Expected = { fires: [], coupons: [], tasks: [], nodes: {}, journeys: {} };
  const enter = (node: string) => (out.nodes[node] = (out.nodes[node] ?? 0) + 1);
  const status = new Map<string, string>();
  for (const [member, ds] of days) {
    for (let i = 0; i < ds.length; i++) {
      const fire = ds[i]! + 90 * DAY;
      const next = ds[i + 1];
      if ((next !== undefined && next <= fire) || fire > end) continue;
      out.fires.push(key(member, fire));
      status.set(member, 'waiting');
      ['trigger', 'care', 'wait_1'].forEach(enter);
      // The journey's next purchase (after the fire) ends it, if it comes no later than a step.
      const goal = next ?? Infinity;
      const coupon = fire + 7 * DAY;
      if (goal <= coupon || coupon > end) {
        if (goal <= end) status.set(member, 'converted');
        continue;
      }
      out.coupons.push(key(member, coupon));
      ['coupon', 'offer', 'wait_2'].forEach(enter);
      const lost = coupon + 14 * DAY;
      if (goal <= lost || lost > end) {
        if (goal <= end) status.set(member, 'converted');
        continue;
      }
      out.tasks.push(key(member, lost));
      status.set(member, 'completed');
      ['tag_lost', 'call', 'end'].forEach(enter);
    }
  }
  for (const k of ['fires', 'coupons', 'tasks'] as const) out[k].sort();
  for (const s of status.values()) out.journeys[s] = (out.journeys[s] ?? 0) + 1;
  return out;
}

/** Every 20th of a month at 10:00 UTC, from `from` (exclusive) to `end` (inclusive). */
function memberDays(from: number, end: number): number[] {
  const out: number[] = [];
  const d = new Date(from);
  for (let y = d.getUTCFullYear(), m = d.getUTCMonth(); ; m === 11 ? (y++, (m = 0)) : m++) {
    const at = Date.UTC(y, m, 20, 10);
    if (at > end) return out;
    if (at > from) out.push(at);
  }
}

/**
 * Member day: each member's moments are every 20th at 10:00 (UTC: CDNOW members have no zone)
 * from their first purchase, the first thing the replay knows of them, to the end; with one
 * order at least by then (always, after the first purchase) they enter and get a coupon.
 */
function expectedMemberDay(days: Map<string, number[]>, end: number): Expected {
  const out: Expected = { fires: [], coupons: [], tasks: [], nodes: {}, journeys: { completed: days.size } };
  for (const [member, ds] of days) {
    for (const at of memberDays(ds[0]!, end)) {
      out.fires.push(key(member, at));
      out.coupons.push(key(member, at));
    }
  }
  out.fires.sort();
  out.coupons.sort();
  out.nodes = { trigger: out.fires.length, coupon: out.fires.length, offer: out.fires.length, end: out.fires.length };
  return out;
}

/** The replay with its schema kept, so the fires it recorded can be read; dropped after. */
async function replayWithFires(events: ReplayEvent[], definition: unknown): Promise<{ report: ReplayReport; fires: string[]; duplicateFires: number }> {
  const config = loadConfig();
  const report = await runReplay({ config, events, definition, keep: true });
  const db = openDatabase(config.databaseUrl, report.schema!, 2);
  try {
    const rows = (await db.pool.query<{ member_id: string; period_key: string; fire_at: Date }>('SELECT member_id, period_key, fire_at FROM trigger_fire')).rows;
    // period_key is the occurrence; in a replay a fire happens at its moment.
    const late = rows.filter((r) => r.fire_at.toISOString() !== r.period_key);
    expect(late).toEqual([]);
    const fires = rows.map((r) => `${r.member_id}@${r.period_key}`).sort();
    return { report, fires, duplicateFires: fires.length - new Set(fires).size };
  } finally {
    await dropSchema(db.pool, report.schema!).finally(() => db.close());
  }
}

const effectKeys = (r: ReplayReport, kind: string) => r.effects!.filter((e) => e.kind === kind).map((e) => `${e.memberId}@${e.at}`).sort();
const duplicates = (xs: string[]) => xs.filter((x, i) => xs[i - 1] === x);

describe('time-trigger replays of the CDNOW sample against the data', () => {
  it('churn win-back: fires, coupons and staff tasks are exactly those the purchase history implies', async () => {
    const text = await readFile(sampleFile, 'utf8');
    // Every 2nd customer (by id), to keep the test well under two minutes on a busy machine (the whole sample agrees too).
    const days = everyNth(shoppingDays(text), 2);
    const end = replayEnd(days);
    const want = expectedChurn(days, end);
    const events = cdnowToEvents(text).filter((e) => days.has(e.memberId));
    const { report, fires, duplicateFires } = await replayWithFires(events, recipe('churn-winback'));
    expect(report.period.to).toBe(new Date(end).toISOString());
    expect(report.members).toBe(1179);
    expect(want.fires.length).toBeGreaterThan(1000);
    expect(duplicateFires).toBe(0);
    expect(fires).toEqual(want.fires);
    const coupons = effectKeys(report, 'issue_coupon');
    const tasks = effectKeys(report, 'create_task');
    expect(duplicates(coupons)).toEqual([]);
    expect(coupons).toEqual(want.coupons);
    expect(tasks).toEqual(want.tasks);
    expect(effectKeys(report, 'update_tags')).toEqual(want.tasks);
    // Every fire is one entry; entered nodes follow from the same computation.
    for (const [node, n] of Object.entries(want.nodes)) expect([node, report.nodes[node]?.entered]).toEqual([node, n]);
    expect(report.timeTrigger).toMatchObject({ kind: 'inactivity_trigger', fires: want.fires.length });
    expect(report.journeys).toEqual(want.journeys);
  }, 120_000);

  it('member day: one coupon per member per 20th (10:00 UTC) from their first purchase to the end, no duplicates', async () => {
    const text = await readFile(sampleFile, 'utf8');
    // Every 5th customer (by id), to keep the test's time down: the whole sample is ~40,000 entries.
    const days = everyNth(shoppingDays(text), 5);
    const end = replayEnd(days);
    const want = expectedMemberDay(days, end);
    const events = cdnowToEvents(text).filter((e) => days.has(e.memberId));
    const { report, fires, duplicateFires } = await replayWithFires(events, recipe('member-day'));
    expect(report.members).toBe(472);
    expect(want.fires.length).toBeGreaterThan(7000);
    expect(duplicateFires).toBe(0);
    expect(fires).toEqual(want.fires);
    const coupons = effectKeys(report, 'issue_coupon');
    expect(duplicates(coupons)).toEqual([]);
    expect(coupons).toEqual(want.coupons);
    for (const [node, n] of Object.entries(want.nodes)) expect([node, report.nodes[node]?.entered]).toEqual([node, n]);
    expect(report.journeys).toEqual(want.journeys);
  }, 120_000);

  it('the independent computation on a hand-made history (boundaries: a purchase on day 90 or at a step wins; nothing after the end)', () => {
    const d = (s: string) => Date.parse(`${s}T00:00:00Z`);
    const days = new Map([
      ['a', [d('1997-01-01'), d('1997-04-01')]], // day 90 exactly: the purchase wins, no fire at 04-01
      ['b', [d('1997-01-01'), d('1997-04-08')]], // fires 04-01, converts at the coupon's moment (04-08)
      ['c', [d('1997-01-01')]], // fires 04-01, coupon 04-08, task 04-22
    ]);
    const want = expectedChurn(days, d('1997-04-20'));
    expect(want.fires).toEqual(['b@1997-04-01T00:00:00.000Z', 'c@1997-04-01T00:00:00.000Z']);
    expect(want.coupons).toEqual(['c@1997-04-08T00:00:00.000Z']);
    expect(want.tasks).toEqual([]); // 04-22 is after the end
    expect(memberDays(d('1997-01-20'), d('1997-03-20') + 10 * 3_600_000).map((t) => new Date(t).toISOString())).toEqual([
      '1997-01-20T10:00:00.000Z',
      '1997-02-20T10:00:00.000Z',
      '1997-03-20T10:00:00.000Z',
    ]);
  });
});
