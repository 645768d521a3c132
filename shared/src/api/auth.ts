import '../zod-messages.ts';
import { z } from 'zod';
import { API_KEY_SCOPES, PASSWORD_MIN, PERMISSIONS, ROLES } from '../access.ts';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
export const ApiKeyScope = z.enum(API_KEY_SCOPES);
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;
export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;
const password = z.string().min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`).max(256, 'must be at most 256 characters');
const email = z.string().trim().toLowerCase().max(254).email('must be an email address');

/** POST /api/v1/auth/login */
export const LoginBody = z.object({ email, password: z.string().min(1, 'is required').max(256) });
export type LoginBody = z.infer<typeof LoginBody>;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** GET /api/v1/auth/me and the answer to a login: the CSRF token goes back in X-CSRF-Token on every change. */
export interface SessionInfo {
  user: SessionUser;
  csrfToken: string;
}

/** POST /api/v1/auth/password */
export const ChangePasswordBody = z.object({ currentPassword: z.string().min(1, 'is required').max(256), newPassword: password });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

/** POST /api/v1/users */
export const CreateUserBody = z.object({
  email,
  name: z.string().trim().min(1, 'is required').max(120),
  role: Role,
  password,
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

/** PATCH /api/v1/users/:id: change the role, (re)enable, or set a new password. */
export const UpdateUserBody = z
  .object({
    name: z.string().trim().min(1, 'is required').max(120).optional(),
    role: Role.optional(),
    disabled: z.boolean().optional(),
    password: password.optional(),
  })
  .strict();
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export interface UserSummary extends SessionUser {
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
  lastLoginAt: string | null;
}

/** POST /api/v1/api-keys */
export const CreateApiKeyBody = z.object({
  name: z.string().trim().min(1, 'give the key a name').max(120),
  scope: ApiKeyScope,
});
export type CreateApiKeyBody = z.infer<typeof CreateApiKeyBody>;

export interface ApiKeySummary {
  id: string;
  name: string;
  scope: ApiKeyScope;
  /** The first characters of the key, to tell keys apart; the rest is never stored. */
  prefix: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Only the answer to creating a key carries the key itself: it is shown once. */
export interface CreatedApiKey extends ApiKeySummary {
  key: string;
}
