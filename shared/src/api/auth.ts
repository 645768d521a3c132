import '../zod-messages.ts';
import { z } from 'zod';

/** People: admin (everything, users, API keys), marketer (edit, publish, pause), analyst (read only). */
export const Role = z.enum(['admin', 'marketer', 'analyst']);
export type Role = z.infer<typeof Role>;

/** Systems: an ingest key may only send events and member data; a full key may do what a marketer may, plus ingest. */
export const ApiKeyScope = z.enum(['ingest', 'full']);
export type ApiKeyScope = z.infer<typeof ApiKeyScope>;

/**
 * What an endpoint needs. `read` = every GET; `edit` = change workflows, segments, loyalty set-up;
 * `ingest` = events, member upserts and the till-side operations (redeem, stored value, points);
 * `admin` = users, API keys and erasing members.
 */
export const Permission = z.enum(['read', 'edit', 'ingest', 'admin']);
export type Permission = z.infer<typeof Permission>;

export const rolePermissions = {
  admin: ['read', 'edit', 'ingest', 'admin'],
  marketer: ['read', 'edit'],
  analyst: ['read'],
} as const satisfies Record<Role, readonly Permission[]>;

export const scopePermissions = {
  ingest: ['ingest'],
  full: ['read', 'edit', 'ingest'],
} as const satisfies Record<ApiKeyScope, readonly Permission[]>;

export function roleCan(role: Role, permission: Permission): boolean {
  return (rolePermissions[role] as readonly Permission[]).includes(permission);
}

export const PASSWORD_MIN = 12;
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

export const CSRF_HEADER = 'x-csrf-token';

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
