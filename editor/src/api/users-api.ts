import type { CreateUserBody, UpdateUserBody, UserSummary } from '@memberflow/shared/api/auth';
import { requestJson } from './http.ts';

const base = '/api/v1/users';

export async function listUsers(signal?: AbortSignal): Promise<UserSummary[]> {
  return (await requestJson<{ users: UserSummary[] }>('GET', base, undefined, signal)).users;
}

export function createUser(body: CreateUserBody): Promise<UserSummary> {
  return requestJson('POST', base, body);
}

/** 409 when the change would leave no enabled admin. */
export function updateUser(id: string, body: UpdateUserBody): Promise<UserSummary> {
  return requestJson('PATCH', `${base}/${encodeURIComponent(id)}`, body);
}
