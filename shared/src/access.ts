// Roles and what they may do, without zod: the editor needs this at startup, before any form.

export const ROLES = ['admin', 'marketer', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

export const API_KEY_SCOPES = ['ingest', 'full'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * What an endpoint needs. `read` = every GET; `edit` = change workflows, segments, loyalty set-up;
 * `ingest` = events, member upserts and the till-side operations (redeem, stored value, points);
 * `admin` = users, API keys and erasing members.
 */
export const PERMISSIONS = ['read', 'edit', 'ingest', 'admin'] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** People: admin (everything, users, API keys), marketer (edit, publish, pause), analyst (read only). */
export const rolePermissions = {
  admin: ['read', 'edit', 'ingest', 'admin'],
  marketer: ['read', 'edit'],
  analyst: ['read'],
} as const satisfies Record<Role, readonly Permission[]>;

/** Systems: an ingest key may only send events and member data; a full key may do what a marketer may, plus ingest. */
export const scopePermissions = {
  ingest: ['ingest'],
  full: ['read', 'edit', 'ingest'],
} as const satisfies Record<ApiKeyScope, readonly Permission[]>;

export function roleCan(role: Role, permission: Permission): boolean {
  return (rolePermissions[role] as readonly Permission[]).includes(permission);
}

export const CSRF_HEADER = 'x-csrf-token';
export const PASSWORD_MIN = 12;
