import { SmsSignatureSettings } from '@memberflow/shared/api/message-routes';
import type pg from 'pg';

// Its own app_setting key beside the contact policy's, so either page saves without touching the other.
const KEY = 'sms_signature';

export interface StoredSmsSignature {
  signature: string;
  updatedAt: string;
  updatedBy: string;
}

/** The saved signature, or null while none is (or a stored value no longer parses). */
export async function readSmsSignature(c: pg.ClientBase | pg.Pool): Promise<StoredSmsSignature | null> {
  const { rows } = await c.query<{ value: unknown; updated_at: Date; updated_by: string }>(
    'SELECT value, updated_at, updated_by FROM app_setting WHERE key = $1',
    [KEY],
  );
  const row = rows[0];
  const parsed = row ? SmsSignatureSettings.safeParse(row.value) : null;
  return row && parsed?.success
    ? { signature: parsed.data.signature, updatedAt: row.updated_at.toISOString(), updatedBy: row.updated_by }
    : null;
}

export async function writeSmsSignature(c: pg.ClientBase | pg.Pool, value: SmsSignatureSettings, actor: string): Promise<void> {
  await c.query(
    `INSERT INTO app_setting (key, value, updated_at, updated_by) VALUES ($1, $2, now(), $3)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = EXCLUDED.updated_by`,
    [KEY, JSON.stringify(value), actor],
  );
}
