import { readFile } from 'node:fs/promises';
import { IngestEvent } from '@memberflow/shared/member-event';
import { parseCdnow } from '../seed/cdnow.ts';

export interface ReplayEvent {
  type: string;
  memberId: string;
  at: number;
  properties: Record<string, unknown>;
}

/**
 * CDNOW rows are purchase lines; several on one customer-day are one shopping trip, so they
 * become one purchase (amount and items summed). Order: by day, then first appearance.
 */
export function cdnowToEvents(text: string): ReplayEvent[] {
  const byTrip = new Map<string, ReplayEvent>();
  for (const p of parseCdnow(text)) {
    const key = `${p.memberId}@${p.at}`;
    const e = byTrip.get(key);
    if (e) {
      e.properties.amount = Math.round(((e.properties.amount as number) + p.amount) * 100) / 100;
      e.properties.items = (e.properties.items as number) + p.cds;
    } else {
      byTrip.set(key, {
        type: 'purchase',
        memberId: p.memberId,
        at: p.at,
        properties: { amount: p.amount, items: p.cds, orderId: key },
      });
    }
  }
  return [...byTrip.values()].sort((a, b) => a.at - b.at);
}

/** JSON lines of API events ({type, memberId, timestamp, properties}); a bad line names its number. */
export function jsonLinesToEvents(text: string): ReplayEvent[] {
  const out: ReplayEvent[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new Error(`line ${i + 1}: not JSON`);
    }
    const r = IngestEvent.safeParse(raw);
    if (!r.success) throw new Error(`line ${i + 1}: ${r.error.issues[0]!.path.join('.')} ${r.error.issues[0]!.message}`);
    if (!r.data.timestamp) throw new Error(`line ${i + 1}: timestamp is required in a replay`);
    out.push({ type: r.data.type, memberId: r.data.memberId, at: Date.parse(r.data.timestamp), properties: r.data.properties });
  });
  return out.sort((a, b) => a.at - b.at);
}

/** CDNOW's whitespace columns or JSON lines, told apart by the first non-blank character. */
export async function readReplayEvents(path: string): Promise<ReplayEvent[]> {
  const text = await readFile(path, 'utf8');
  return text.trimStart().startsWith('{') ? jsonLinesToEvents(text) : cdnowToEvents(text);
}
