import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cdnowToEvents } from '../src/replay/replay-events.ts';
import type { Infra } from './infra-fixture.ts';

export const SAMPLE_RAW = readFileSync(fileURLToPath(new URL('../seed-data/CDNOW_sample.txt', import.meta.url)), 'utf8');
/** The day after the sample's last purchase (1998-06-30). */
export const SAMPLE_NOW = Date.UTC(1998, 6, 1);

/**
 * Loads the sample as the runtime would hold it: one applied purchase event per customer-day,
 * member totals to match, the clock at SAMPLE_NOW. Names and tags only when a test reads them.
 */
export async function loadCdnowSample(infra: Infra, opts: { names?: boolean; tags?: (i: number) => string[] } = {}): Promise<void> {
  const events = cdnowToEvents(SAMPLE_RAW);
  const members = new Map<string, { orders: number; spent: number; first: number; last: number }>();
  for (const e of events) {
    const m = members.get(e.memberId) ?? { orders: 0, spent: 0, first: e.at, last: e.at };
    m.orders++;
    m.spent = Math.round((m.spent + (e.properties.amount as number)) * 100) / 100;
    m.first = Math.min(m.first, e.at);
    m.last = Math.max(m.last, e.at);
    members.set(e.memberId, m);
  }
  await infra.sql(
    `INSERT INTO member (id, name, order_count, total_spent, first_purchase_at, last_purchase_at, tags)
     SELECT r.id, CASE WHEN $2 THEN 'Customer ' || r.id END, r.orders, r.spent, to_timestamp(r.first / 1000), to_timestamp(r.last / 1000), r.tags
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, orders int, spent numeric, first float8, last float8, tags text[])`,
    [JSON.stringify([...members].map(([id, m], i) => ({ id, ...m, tags: opts.tags?.(i) ?? [] }))), opts.names ?? false],
  );
  await infra.sql(
    `INSERT INTO event (member_id, type, occurred_at, properties, processed_at)
     SELECT r.member_id, 'purchase', to_timestamp(r.at / 1000), r.properties, now()
     FROM jsonb_to_recordset($1::jsonb) AS r(member_id text, at float8, properties jsonb)`,
    [JSON.stringify(events.map((e) => ({ member_id: e.memberId, at: e.at, properties: e.properties })))],
  );
  infra.clock.set(SAMPLE_NOW);
}
