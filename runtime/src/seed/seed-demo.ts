import { fileURLToPath } from 'node:url';
import { workflowTemplates } from '@memberflow/shared/templates/catalog';
import type { Database } from '../db/database.ts';
import { createWorkflow, publishWorkflow } from '../workflows/workflow-store.ts';
import { readCdnow } from './cdnow.ts';

const LIVE_TEMPLATES = ['second-purchase-nudge'];

const samplePath = fileURLToPath(new URL('../../seed-data/CDNOW_sample.txt', import.meta.url));

/**
 * Idempotent demo data: the template workflows (the second-purchase nudge published) and
 * 2,357 members with their real CDNOW purchase history, stored as already-processed
 * events so they are history, not new triggers.
 */
export async function seedDemo(db: Database): Promise<{ workflows: number; members: number }> {
  let workflows = 0;
  for (const t of workflowTemplates) {
    const { rows } = await db.pool.query('SELECT 1 FROM workflow WHERE template_key = $1', [t.key]);
    if (rows.length) continue;
    const wf = await createWorkflow(db, { name: t.name, description: t.description, templateKey: t.key });
    // One recipe runs live in the demo; the others wait as drafts to be reviewed and published.
    if (LIVE_TEMPLATES.includes(t.key)) await publishWorkflow(db, wf.id);
    workflows++;
  }

  const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM member');
  if (rows[0]!.n > 0) return { workflows, members: 0 };
  const purchases = await readCdnow(samplePath);
  const members = new Map<string, { orders: number; spent: number; first: number; last: number }>();
  for (const p of purchases) {
    const m = members.get(p.memberId) ?? { orders: 0, spent: 0, first: p.at, last: p.at };
    m.orders++;
    m.spent += p.amount;
    m.first = Math.min(m.first, p.at);
    m.last = Math.max(m.last, p.at);
    members.set(p.memberId, m);
  }
  await db.pool.query(
    `INSERT INTO member (id, name, order_count, total_spent, first_purchase_at, last_purchase_at)
     SELECT r.id, r.name, r.orders, r.spent, to_timestamp(r.first / 1000), to_timestamp(r.last / 1000)
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, name text, orders int, spent numeric, first float8, last float8)
     ON CONFLICT (id) DO NOTHING`,
    [JSON.stringify([...members].map(([id, m]) => ({ id, name: `Customer ${id.slice(6)}`, orders: m.orders, spent: Math.round(m.spent * 100) / 100, first: m.first, last: m.last })))],
  );
  await db.pool.query(
    `INSERT INTO event (member_id, type, occurred_at, properties, processed_at)
     SELECT r.member_id, 'purchase', to_timestamp(r.at / 1000), jsonb_build_object('amount', r.amount, 'items', r.cds), now()
     FROM jsonb_to_recordset($1::jsonb) AS r(member_id text, at float8, amount numeric, cds int)`,
    [JSON.stringify(purchases.map((p) => ({ member_id: p.memberId, at: p.at, amount: p.amount, cds: p.cds })))],
  );
  return { workflows, members: members.size };
}

// `npm start` runs this file directly against the configured database.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { loadConfig } = await import('../config.ts');
  const { openDatabase } = await import('../db/database.ts');
  const config = loadConfig();
  const db = openDatabase(config.databaseUrl, config.databaseSchema, 2);
  const r = await seedDemo(db);
  console.log(`[memberflow] demo data: ${r.workflows} workflow(s) and ${r.members} member(s) added`);
  await db.close();
}
