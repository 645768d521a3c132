import type { ChangePasswordBody, LoginBody, SessionInfo } from '@memberflow/shared/api/auth';
import { requestJson } from './http.ts';

const base = '/api/v1/auth';

/** 401 when nobody is signed in on this browser. */
export function getSession(signal?: AbortSignal): Promise<SessionInfo> {
  return requestJson('GET', `${base}/me`, undefined, signal);
}

/** 401 wrong email or password, 429 locked or too many attempts (with retryAfterSeconds). */
export function login(body: LoginBody): Promise<SessionInfo> {
  return requestJson('POST', `${base}/login`, body);
}

export async function logout(): Promise<void> {
  await requestJson('POST', `${base}/logout`);
}

export async function changePassword(body: ChangePasswordBody): Promise<void> {
  await requestJson('POST', `${base}/password`, body);
}
