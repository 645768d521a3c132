import type { LoyaltyProgramSettings } from '@memberflow/shared/loyalty-program';
import type pg from 'pg';
import { readCouponTemplates, type CouponTemplateRow } from './coupons.ts';
import { readProgram, readTiers, type TierRow } from './program-store.ts';
import { loadStoredRfm, type StoredRfm } from '../rfm/rfm-store.ts';
import { readContactPolicy, type StoredContactPolicy } from '../settings/contact-policy-store.ts';
import { readSmsSignature } from '../settings/sms-signature-store.ts';

const TTL_MS = 5000;
interface Rules {
  at: number;
  program: LoyaltyProgramSettings;
  tiers: TierRow[];
  couponTemplates: Map<string, CouponTemplateRow>;
  /** The last RFM recompute's boundaries, for scoring a member as they buy. */
  rfm: StoredRfm | null;
  /** The contact policy marketers saved; null while the environment's cap applies. */
  contactPolicy: StoredContactPolicy | null;
  /** Appended to every SMS (e.g. 【品牌】); empty when none is saved. */
  smsSignature: string;
}
const cache = new Map<string, Rules>();

/**
 * Programme rules, tiers and the contact policy change rarely and every lane needs them: kept per
 * schema for a few seconds, and dropped at once when any process changes them (rules-changed.ts).
 */
export async function loyaltyRules(c: pg.ClientBase, schema: string): Promise<Rules> {
  const hit = cache.get(schema);
  if (hit && Date.now() - hit.at < TTL_MS) return hit;
  const fresh = {
    at: Date.now(),
    program: await readProgram(c),
    tiers: await readTiers(c),
    couponTemplates: await readCouponTemplates(c),
    rfm: await loadStoredRfm(c),
    contactPolicy: await readContactPolicy(c),
    smsSignature: (await readSmsSignature(c))?.signature ?? '',
  };
  cache.set(schema, fresh);
  return fresh;
}

export function forgetLoyaltyRules(schema: string): void {
  cache.delete(schema);
}
