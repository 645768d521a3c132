import { MemberInput } from '@memberflow/shared/api/members';
import { HttpError } from '../api/http-error.ts';
import type { Database } from '../db/database.ts';
import { cdnowToEvents } from '../replay/replay-events.ts';
import { parseCsv } from './csv.ts';
import { withMemberLocks } from './member-lock.ts';
import { ERASED_MEMBER_MESSAGE, erasedAmong, upsertMemberRows } from './member-store.ts';

const BATCH = 500;

export interface ImportError {
  row: number;
  field: string;
  message: string;
}

async function startJob(db: Database, kind: string, total: number): Promise<string> {
  return (await db.pool.query<{ id: string }>('INSERT INTO import_job (id, kind, total) VALUES (gen_random_uuid(), $1, $2) RETURNING id', [kind, total])).rows[0]!.id;
}

async function progress(db: Database, id: string, processed: number, errors: ImportError[], done: boolean, failure?: string): Promise<void> {
  await db.pool.query(
    `UPDATE import_job SET processed = $2, failed = $3, errors = $4, status = $5, finished_at = CASE WHEN $6 THEN now() END WHERE id = $1`,
    [id, processed, errors.length, JSON.stringify(failure ? [...errors, { row: 0, field: '(file)', message: failure }] : errors.slice(0, 1000)), failure ? 'failed' : done ? 'done' : 'running', done || Boolean(failure)],
  );
}

/** A CSV column -> where it goes: id,name,phone,email,birthday,timeZone,locale,joinedAt,tags (";"-separated), consent_<channel>, attr_<name>. */
function rowToInput(header: string[], cells: string[]): unknown {
  const out: Record<string, unknown> = {};
  const consents: Record<string, boolean> = {};
  const attributes: Record<string, unknown> = {};
  header.forEach((h, i) => {
    const v = (cells[i] ?? '').trim();
    if (v === '') return;
    if (h === 'tags') out.tags = v.split(';').map((t) => t.trim()).filter(Boolean);
    else if (h.startsWith('consent_')) consents[h.slice(8)] = !/^(false|no|0|n)$/i.test(v);
    else if (h.startsWith('attr_')) attributes[h.slice(5)] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
    else out[h] = v;
  });
  if (Object.keys(consents).length) out.consents = consents;
  if (Object.keys(attributes).length) out.attributes = attributes;
  return out;
}

/**
 * Imports members from CSV in the background: valid rows are upserted in batches, each bad
 * row is reported with its line number and field, and progress is readable while it runs.
 */
export async function importMembersCsv(db: Database, text: string): Promise<{ jobId: string; done: Promise<void> }> {
  const rows = parseCsv(text);
  const header = (rows.shift() ?? []).map((h) => h.trim());
  const jobId = await startJob(db, 'members_csv', rows.length);
  const done = (async () => {
    const errors: ImportError[] = [];
    if (!header.includes('id')) return progress(db, jobId, 0, errors, true, 'the header has no "id" column');
    let processed = 0;
    for (let i = 0; i < rows.length; i += BATCH) {
      const valid: MemberInput[] = [];
      const validRows: number[] = [];
      rows.slice(i, i + BATCH).forEach((cells, k) => {
        const r = MemberInput.safeParse(rowToInput(header, cells));
        // Line numbers as a spreadsheet shows them: the header is line 1.
        if (r.success) {
          valid.push(r.data);
          validRows.push(i + k + 2);
        }
        else for (const issue of r.error.issues) errors.push({ row: i + k + 2, field: issue.path.join('.') || '(row)', message: issue.message });
      });
      await withMemberLocks(db, valid.map((m) => m.id), async (c) => {
        // Erasure is final: an erased id is reported, not revived (an admin recreates it through the API).
        const erased = await erasedAmong(c, valid.map((m) => m.id));
        for (const [k, m] of valid.entries()) if (erased.has(m.id)) errors.push({ row: validRows[k]!, field: 'id', message: ERASED_MEMBER_MESSAGE });
        await upsertMemberRows(c, valid.filter((m) => !erased.has(m.id)));
      });
      processed += Math.min(BATCH, rows.length - i);
      await progress(db, jobId, processed, errors, processed >= rows.length);
    }
    if (rows.length === 0) await progress(db, jobId, 0, errors, true);
  })().catch((e) => progress(db, jobId, 0, [], true, (e as Error).message));
  return { jobId, done };
}

/**
 * Imports CDNOW purchase history: members with their order totals, and the purchases as
 * already-applied events (history for metrics, RFM and backtests, not new triggers).
 */
export async function importCdnow(db: Database, text: string): Promise<{ jobId: string; members: number; purchases: number }> {
  let events: ReturnType<typeof cdnowToEvents>;
  try {
    events = cdnowToEvents(text);
  } catch (e) {
    const message = (e as Error).message;
    throw new HttpError(400, { error: `Invalid CDNOW file: ${message}`, issues: [{ field: '(file)', message }] });
  }
  const members = new Map<string, { orders: number; spent: number; first: number; last: number }>();
  for (const e of events) {
    const m = members.get(e.memberId) ?? { orders: 0, spent: 0, first: e.at, last: e.at };
    m.orders++;
    m.spent += Number(e.properties.amount);
    m.first = Math.min(m.first, e.at);
    m.last = Math.max(m.last, e.at);
    members.set(e.memberId, m);
  }
  // member.total_spent is numeric(14, 2).
  const over = [...members].find(([, m]) => m.spent > 999_999_999_999);
  if (over) {
    const message = `${over[0]} would have spent more than 999,999,999,999 in total`;
    throw new HttpError(400, { error: `Invalid CDNOW file: ${message}`, issues: [{ field: '(file)', message }] });
  }
  const jobId = await startJob(db, 'cdnow', events.length);
  await db.pool.query(
    `INSERT INTO member (id, name, order_count, total_spent, first_purchase_at, last_purchase_at, joined_at)
     SELECT r.id, r.name, r.orders, r.spent, to_timestamp(r.first / 1000), to_timestamp(r.last / 1000), to_timestamp(r.first / 1000)
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, name text, orders int, spent numeric, first float8, last float8)
     ON CONFLICT (id) DO UPDATE SET order_count = EXCLUDED.order_count, total_spent = EXCLUDED.total_spent,
       first_purchase_at = EXCLUDED.first_purchase_at, last_purchase_at = EXCLUDED.last_purchase_at`,
    [JSON.stringify([...members].map(([id, m]) => ({ id, name: `Customer ${id.replace(/^cdnow-/, '')}`, orders: m.orders, spent: Math.round(m.spent * 100) / 100, first: m.first, last: m.last })))],
  );
  for (let i = 0; i < events.length; i += 5000) {
    await db.pool.query(
      `INSERT INTO event (member_id, type, occurred_at, properties, processed_at, idempotency_key)
       SELECT r.member_id, 'purchase', to_timestamp(r.at / 1000), r.properties, now(), 'cdnow:' || r.key
       FROM jsonb_to_recordset($1::jsonb) AS r(member_id text, at float8, properties jsonb, key text)
       ON CONFLICT (idempotency_key) DO NOTHING`,
      [JSON.stringify(events.slice(i, i + 5000).map((e) => ({ member_id: e.memberId, at: e.at, properties: e.properties, key: e.properties.orderId })))],
    );
  }
  await progress(db, jobId, events.length, [], true);
  return { jobId, members: members.size, purchases: events.length };
}
