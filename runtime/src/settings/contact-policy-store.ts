import { ContactPolicySettings } from '@memberflow/shared/api/settings-routes';
import type pg from 'pg';

const KEY = 'contact_policy';

export interface StoredContactPolicy {
  policy: ContactPolicySettings;
  updatedAt: string;
  updatedBy: string;
}

/** The policy marketers saved, or null while the environment's values apply (or a stored value no longer parses). */
export async function readContactPolicy(c: pg.ClientBase | pg.Pool): Promise<StoredContactPolicy | null> {
  const { rows } = await c.query<{ value: unknown; updated_at: Date; updated_by: string }>(
    'SELECT value, updated_at, updated_by FROM app_setting WHERE key = $1',
    [KEY],
  );
  const row = rows[0];
  if (!row) return null;
  const parsed = ContactPolicySettings.safeParse(row.value);
  return parsed.success ? { policy: parsed.data, updatedAt: row.updated_at.toISOString(), updatedBy: row.updated_by } : null;
}

export async function writeContactPolicy(
  c: pg.ClientBase | pg.Pool,
  policy: ContactPolicySettings,
  actor: string,
): Promise<void> {
  await c.query(
    `INSERT INTO app_setting (key, value, updated_at, updated_by) VALUES ($1, $2, now(), $3)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = EXCLUDED.updated_by`,
    [KEY, JSON.stringify(policy), actor],
  );
}
