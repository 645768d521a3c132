import type { ImportJobStatus } from '@memberflow/shared/api/member-admin';
import { withCsrfHeader } from '../../auth/csrf-token.ts';
import { ApiRequestError, requestJson } from '../../api/http.ts';

/** POST /api/v1/imports/members with the file as text/csv: the import runs in the background. */
export async function startMemberImport(csv: string): Promise<{ jobId: string }> {
  const headers = withCsrfHeader('POST', { 'content-type': 'text/csv; charset=utf-8', accept: 'application/json' });
  const res = await fetch('/api/v1/imports/members', { method: 'POST', headers, body: csv });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiRequestError(res.status, body as ConstructorParameters<typeof ApiRequestError>[1]);
  return body as { jobId: string };
}

export function importStatus(id: string, signal?: AbortSignal): Promise<ImportJobStatus> {
  return requestJson('GET', `/api/v1/imports/${encodeURIComponent(id)}`, undefined, signal);
}
