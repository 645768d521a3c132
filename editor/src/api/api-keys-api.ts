import type { ApiKeySummary, CreateApiKeyBody, CreatedApiKey } from '@memberflow/shared/api/auth';
import { requestJson } from './http.ts';

const base = '/api/v1/api-keys';

export async function listApiKeys(signal?: AbortSignal): Promise<ApiKeySummary[]> {
  return (await requestJson<{ keys: ApiKeySummary[] }>('GET', base, undefined, signal)).keys;
}

/** The answer is the only time the key itself is seen. */
export function createApiKey(body: CreateApiKeyBody): Promise<CreatedApiKey> {
  return requestJson('POST', base, body);
}

export function revokeApiKey(id: string): Promise<ApiKeySummary> {
  return requestJson('DELETE', `${base}/${encodeURIComponent(id)}`);
}
