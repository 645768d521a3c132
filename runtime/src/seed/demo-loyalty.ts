import { CouponTemplateInput, TierInput } from '@memberflow/shared/api/loyalty';
import type { Database } from '../db/database.ts';
import { insertTiers } from '../loyalty/program-store.ts';

const template = (t: Partial<CouponTemplateInput> & Pick<CouponTemplateInput, 'key' | 'name' | 'kind'>) => CouponTemplateInput.parse(t);

/** The coupon templates the shipped recipes issue (shared/src/templates): they must exist to publish them. */
export const demoCouponTemplates: readonly CouponTemplateInput[] = [
  template({ key: 'NEWMEMBER15', name: 'New member: 15 off', kind: 'amount_off', value: 15, minSpend: 50, validityDays: 14, oncePerMember: true }),
  template({ key: 'COMEBACK10', name: 'Come back: 10 off', kind: 'amount_off', value: 10, minSpend: 30, validityDays: 30 }),
  template({ key: 'WINBACK20', name: 'Win-back: 20% off', kind: 'percent_off', value: 20, validityDays: 14 }),
  template({ key: 'BIRTHDAY', name: 'Birthday: 20 off', kind: 'amount_off', value: 20, minSpend: 50, validityDays: 30 }),
  template({ key: 'MEMBERDAY', name: 'Member day: 10% off', kind: 'percent_off', value: 10, validityDays: 1 }),
  template({ key: 'FIRSTORDER', name: 'First order: free shipping', kind: 'free_shipping', validityDays: 30, oncePerMember: true }),
  template({ key: 'GOLDWELCOME', name: 'Welcome to gold: 50 off', kind: 'amount_off', value: 50, minSpend: 200, validityDays: 60, oncePerMember: true }),
  template({ key: 'CARD_WINBACK', name: 'Card win-back: 30 off a renewal', kind: 'amount_off', value: 30, validityDays: 30, oncePerMember: false }),
];

/**
 * The demo's tier ladder (the tier-upgrade recipe moves members to gold). Gold by spend lies
 * above the recipe's 1,000, so the recipe's early upgrade is the recipe's doing, not the ladder's.
 */
export const demoTiers: readonly TierInput[] = [
  TierInput.parse({ key: 'silver', name: 'Silver', rank: 1, threshold: 500, benefits: 'Birthday gift' }),
  TierInput.parse({ key: 'gold', name: 'Gold', rank: 2, threshold: 3000, pointsMultiplier: 1.5, benefits: 'Free delivery, 1.5x points' }),
];

/** Saved segments the recipes name: none today (the VIP recipe uses its own condition). */
export const demoSegments: readonly { key: string }[] = [];

/** Adds what is missing and keeps what the shop has changed: a template of the same key stays as it is; a ladder is seeded only when there is none. */
export async function seedDemoLoyalty(db: Database): Promise<void> {
  for (const t of demoCouponTemplates) {
    await db.pool.query(
      `INSERT INTO coupon_template (key, name, kind, value, min_spend, validity_days, valid_from, valid_to, once_per_member, stock_limit)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (key) DO NOTHING`,
      [t.key, t.name, t.kind, t.value, t.minSpend, t.validityDays, t.validFrom, t.validTo, t.oncePerMember, t.stockLimit],
    );
  }
  const { rows } = await db.pool.query('SELECT 1 FROM tier LIMIT 1');
  if (rows.length) return;
  await insertTiers(db.pool, demoTiers);
}
