import { fileURLToPath } from 'node:url';
import { workflowTemplates } from '@memberflow/shared/templates/catalog';
import type { WorkflowDetail } from '@memberflow/shared/api/workflows';
import type { Database } from '../db/database.ts';
import { createWorkflow, publishWorkflow, saveDraft } from '../workflows/workflow-store.ts';
import { readFile } from 'node:fs/promises';
import { importCdnow } from '../members/member-import.ts';
import type { RuntimeConfig } from '../config.ts';
import { replayDemoHistory } from './live-history.ts';
import { seedDemoLoyalty } from './demo-loyalty.ts';
import { logger } from '../logging/root-logger.ts';

const LIVE_TEMPLATES = ['second-purchase-nudge'];

/**
 * The living demo holds out this share of entering members (no actions), so its dashboard shows
 * treated against holdout and the lift on the real history. Only there: the as-recorded seed
 * (e2e servers) keeps every member treated, and the recipes marketers start from keep 0.
 */
export const DEMO_HOLDOUT_PERCENT = 10;

const samplePath = fileURLToPath(new URL('../../seed-data/CDNOW_sample.txt', import.meta.url));

/**
 * Idempotent demo data: the coupon templates and tier ladder the recipes name, the template
 * workflows (the second-purchase nudge published) and 2,357 members with their real CDNOW
 * purchase history. By default the history is stored as it
 * happened (1997-98), as already-processed events, so it is history, not new triggers. With
 * `liveHistory` (what `npm start` does) it is moved to end yesterday and run through the live
 * workflows first (the nudge with a holdout group), so journeys, coupons, lift, cohorts and churn
 * warnings are those of a running shop.
 */
export async function seedDemo(db: Database, opts: { liveHistory?: { config: RuntimeConfig; now: number } } = {}): Promise<{ workflows: number; members: number }> {
  // First: the recipes name these coupon templates and tiers, and publishing checks they exist.
  await seedDemoLoyalty(db);
  let workflows = 0;
  for (const t of workflowTemplates) {
    const { rows } = await db.pool.query('SELECT 1 FROM workflow WHERE template_key = $1', [t.key]);
    if (rows.length) continue;
    const wf = await createWorkflow(db, { name: t.name, description: t.description, templateKey: t.key });
    // One recipe runs live in the demo; the others wait as drafts to be reviewed and published.
    if (LIVE_TEMPLATES.includes(t.key)) await publishLive(db, wf, opts.liveHistory ? DEMO_HOLDOUT_PERCENT : 0);
    workflows++;
  }

  const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM member');
  if (rows[0]!.n > 0) return { workflows, members: 0 };
  const text = await readFile(samplePath, 'utf8');
  if (opts.liveHistory) {
    const lived = await replayDemoHistory(opts.liveHistory.config, db, text, opts.liveHistory.now);
    return { workflows, members: lived.members };
  }
  const imported = await importCdnow(db, text);
  return { workflows, members: imported.members };
}

/** Publishes a demo recipe, holding out `holdoutPercent` of its entering members when above 0. */
async function publishLive(db: Database, wf: WorkflowDetail, holdoutPercent: number): Promise<void> {
  if (holdoutPercent > 0) await saveDraft(db, wf.id, { definition: { ...wf.draft, settings: { ...wf.draft.settings, holdoutPercent } } });
  await publishWorkflow(db, wf.id);
}

// `npm start` runs this file directly against the configured database.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { loadConfig } = await import('../config.ts');
  const { openDatabase } = await import('../db/database.ts');
  const config = loadConfig();
  const db = openDatabase(config.databaseUrl, config.databaseSchema, 2);
  // MEMBERFLOW_DEMO_HISTORY=as-recorded keeps the 1997-98 dates and runs no workflow over them.
  const live = process.env.MEMBERFLOW_DEMO_HISTORY !== 'as-recorded';
  const r = await seedDemo(db, live ? { liveHistory: { config, now: Date.now() } } : {});
  logger('seed').info({ workflows: r.workflows, members: r.members }, 'demo data added');
  await db.close();
  // A one-shot script: the living demo's runtime leaves queue connections that would keep it alive.
  process.exit(0);
}
