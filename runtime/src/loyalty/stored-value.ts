import { rechargeBonus, type LoyaltyProgramSettings } from '@memberflow/shared/loyalty-program';
import type pg from 'pg';
import { HttpError } from '../api/http-error.ts';

export class InsufficientBalance extends Error {}

/** member.stored_value is numeric(14, 2). */
export const MAX_STORED_VALUE = 999_999_999_999.99;

async function entry(c: pg.ClientBase, memberId: string, kind: string, amount: number, reason: string, at: number, key: string | null): Promise<number> {
  const r = await c.query<{ stored_value: string }>('UPDATE member SET stored_value = stored_value + $2, updated_at = now() WHERE id = $1 RETURNING stored_value', [memberId, amount]);
  if (!r.rows[0]) throw new Error(`member ${memberId} does not exist`);
  const after = Number(r.rows[0].stored_value);
  await c.query(
    `INSERT INTO stored_value_entry (member_id, kind, amount, balance_after, reason, at, idempotency_key) VALUES ($1, $2, $3, $4, $5, to_timestamp($6::float8 / 1000), $7)`,
    [memberId, kind, amount, after, reason, at, key],
  );
  return after;
}

/** A recharge and its bonus (programme rules), in the caller's transaction. Null when the key was seen. */
export async function recharge(c: pg.ClientBase, p: LoyaltyProgramSettings, memberId: string, amount: number, at: number, key: string | null): Promise<{ bonus: number; balance: number } | null> {
  if (key && (await c.query('SELECT 1 FROM stored_value_entry WHERE idempotency_key = $1', [key])).rowCount) return null;
  const bonus = rechargeBonus(p, amount);
  const bal = (await c.query<{ stored_value: string }>('SELECT stored_value FROM member WHERE id = $1 FOR UPDATE', [memberId])).rows[0];
  if (bal && Number(bal.stored_value) + amount + bonus > MAX_STORED_VALUE) {
    const message = `the balance would exceed ${MAX_STORED_VALUE.toLocaleString('en-US')}, the most a member can hold`;
    throw new HttpError(409, { error: `Cannot recharge: ${message}`, issues: [{ field: 'amount', message }] });
  }
  let balance = await entry(c, memberId, 'recharge', amount, 'recharge', at, key);
  if (bonus > 0) balance = await entry(c, memberId, 'bonus', bonus, `bonus for recharging ${amount}`, at, key ? `${key}:bonus` : null);
  return { bonus, balance };
}

export async function spendStoredValue(c: pg.ClientBase, memberId: string, amount: number, reason: string, at: number, key: string | null): Promise<number | null> {
  if (key && (await c.query('SELECT 1 FROM stored_value_entry WHERE idempotency_key = $1', [key])).rowCount) return null;
  const bal = (await c.query<{ stored_value: string }>('SELECT stored_value FROM member WHERE id = $1 FOR UPDATE', [memberId])).rows[0];
  if (!bal) throw new Error(`member ${memberId} does not exist`);
  if (Number(bal.stored_value) < amount) throw new InsufficientBalance(`balance ${bal.stored_value} is less than ${amount}`);
  return entry(c, memberId, 'spend', -amount, reason, at, key);
}
