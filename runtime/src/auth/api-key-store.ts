import type { ApiKeyScope, ApiKeySummary, CreateApiKeyBody, CreatedApiKey } from '@memberflow/shared/api/auth';
import type { Clock } from '@memberflow/shared/clock';
import type { Database } from '../db/database.ts';
import { notFound } from '../api/http-error.ts';
import type { Principal } from './principal.ts';
import { randomToken, sha256 } from './secret-token.ts';

interface KeyRow {
  id: string;
  name: string;
  scope: string;
  prefix: string;
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const toSummary = (k: KeyRow): ApiKeySummary => ({
  id: k.id,
  name: k.name,
  scope: k.scope as ApiKeyScope,
  prefix: k.prefix,
  createdBy: k.createdBy,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

/** `mf_<scope>_<secret>`: the scope is readable in logs and secret scanners can match the shape. */
export async function createApiKey(db: Database, clock: Clock, body: CreateApiKeyBody, createdBy: string): Promise<CreatedApiKey> {
  const key = `mf_${body.scope}_${randomToken()}`;
  const row = await db.prisma.apiKey.create({
    data: { name: body.name, scope: body.scope, prefix: key.slice(0, key.indexOf('_', 3) + 7), keyHash: sha256(key), createdBy, createdAt: new Date(clock.now()) },
  });
  return { ...toSummary(row), key };
}

export async function listApiKeys(db: Database): Promise<ApiKeySummary[]> {
  return (await db.prisma.apiKey.findMany({ orderBy: { createdAt: 'desc' } })).map(toSummary);
}

export async function revokeApiKey(db: Database, clock: Clock, id: string): Promise<ApiKeySummary> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('API key');
  const k = await db.prisma.apiKey.findUnique({ where: { id } });
  if (!k) throw notFound('API key');
  if (k.revokedAt) return toSummary(k);
  return toSummary(await db.prisma.apiKey.update({ where: { id }, data: { revokedAt: new Date(clock.now()) } }));
}

const USED_EVERY_MS = 60_000;

export async function findApiKey(db: Database, clock: Clock, key: string): Promise<Extract<Principal, { kind: 'key' }> | null> {
  const k = await db.prisma.apiKey.findUnique({ where: { keyHash: sha256(key) } });
  if (!k || k.revokedAt) return null;
  const now = clock.now();
  // "Last used" to the minute is enough; it spares a write on every ingest call.
  if (!k.lastUsedAt || now - k.lastUsedAt.getTime() > USED_EVERY_MS) await db.prisma.apiKey.update({ where: { id: k.id }, data: { lastUsedAt: new Date(now) } });
  return { kind: 'key', id: k.id, name: k.name, scope: k.scope as ApiKeyScope };
}
