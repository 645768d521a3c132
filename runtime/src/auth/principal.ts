import { type ApiKeyScope, type Permission, type SessionUser } from '@memberflow/shared/api/auth';
import { rolePermissions, scopePermissions } from '@memberflow/shared/access';

/** Who is calling: a signed-in person (cookie session) or a system (API key). */
export type Principal =
  | { kind: 'user'; user: SessionUser; sessionHash: string; csrfToken: string }
  | { kind: 'key'; id: string; name: string; scope: ApiKeyScope };

export function permissionsOf(p: Principal): readonly Permission[] {
  return p.kind === 'user' ? rolePermissions[p.user.role] : scopePermissions[p.scope];
}

/** The name written to the audit log. */
export function actorLabel(p: Principal): string {
  return p.kind === 'user' ? p.user.email : `api-key:${p.name}`;
}

export function describePrincipal(p: Principal): string {
  return p.kind === 'user' ? `your role (${p.user.role})` : `this API key (scope ${p.scope})`;
}


/** Set by the access-control middleware on every route that is not public. */
export function principalOf(ctx: { state: { principal?: Principal } }): Principal {
  const p = ctx.state.principal;
  if (!p) throw new Error('principalOf: route reached without the access-control middleware');
  return p;
}
