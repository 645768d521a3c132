import { importRoutes } from '@memberflow/shared/api/import-routes';
import type { ImportJobStatus } from '@memberflow/shared/api/member-admin';
import type { ResponseOf } from '@memberflow/shared/api/route-contract';
import { withCsrfHeader } from '../../auth/csrf-token.ts';
import { callRoute } from '../../api/call-route.ts';
import { ApiRequestError } from '../../api/http.ts';

/** The import contract with the file as text/csv (callRoute sends JSON): the import runs in the background. */
export async function startMemberImport(csv: string): Promise<ResponseOf<typeof importRoutes.members>> {
  const { method, path } = importRoutes.members;
  const headers = withCsrfHeader(method, { 'content-type': 'text/csv; charset=utf-8', accept: 'application/json' });
  const res = await fetch(path, { method, headers, body: csv });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiRequestError(res.status, body as ConstructorParameters<typeof ApiRequestError>[1]);
  return body as ResponseOf<typeof importRoutes.members>;
}

export function importStatus(id: string, signal?: AbortSignal): Promise<ImportJobStatus> {
  return callRoute(importRoutes.status, { params: { id }, signal });
}
