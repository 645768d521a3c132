import type { ChangePasswordBody, LoginBody, SessionInfo } from '@memberflow/shared/api/auth';
import { authRoutes } from '@memberflow/shared/api/auth-routes';
import { callRoute } from './call-route.ts';

/** 401 when nobody is signed in on this browser. */
export function getSession(signal?: AbortSignal): Promise<SessionInfo> {
  return callRoute(authRoutes.me, { signal });
}

/** 401 wrong email or password, 429 locked or too many attempts (with retryAfterSeconds). */
export function login(body: LoginBody): Promise<SessionInfo> {
  return callRoute(authRoutes.login, { body });
}

export async function logout(): Promise<void> {
  await callRoute(authRoutes.logout);
}

export async function changePassword(body: ChangePasswordBody): Promise<void> {
  await callRoute(authRoutes.changePassword, { body });
}
