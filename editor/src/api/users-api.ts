import type { CreateUserBody, UpdateUserBody, UserSummary } from '@memberflow/shared/api/auth';
import { userRoutes } from '@memberflow/shared/api/auth-routes';
import { callRoute } from './call-route.ts';

export async function listUsers(signal?: AbortSignal): Promise<UserSummary[]> {
  return (await callRoute(userRoutes.list, { signal })).users;
}

export function createUser(body: CreateUserBody): Promise<UserSummary> {
  return callRoute(userRoutes.create, { body });
}

/** 409 when the change would leave no enabled admin. */
export function updateUser(id: string, body: UpdateUserBody): Promise<UserSummary> {
  return callRoute(userRoutes.update, { params: { id }, body });
}
