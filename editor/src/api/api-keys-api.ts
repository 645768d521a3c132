import type { ApiKeySummary, CreateApiKeyBody, CreatedApiKey } from '@memberflow/shared/api/auth';
import { userRoutes } from '@memberflow/shared/api/auth-routes';
import { callRoute } from './call-route.ts';

export async function listApiKeys(signal?: AbortSignal): Promise<ApiKeySummary[]> {
  return (await callRoute(userRoutes.apiKeys, { signal })).keys;
}

/** The answer is the only time the key itself is seen. */
export function createApiKey(body: CreateApiKeyBody): Promise<CreatedApiKey> {
  return callRoute(userRoutes.createApiKey, { body });
}

export function revokeApiKey(id: string): Promise<ApiKeySummary> {
  return callRoute(userRoutes.revokeApiKey, { params: { id } });
}
