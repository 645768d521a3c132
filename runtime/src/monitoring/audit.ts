import type pg from 'pg';
import { actorLabel, type Principal } from '../auth/principal.ts';

/** The signed-in person's email or `api-key:<name>`, as set by the access-control middleware. */
export function actorOf(ctx: { state: { principal?: Principal } }): string {
  return ctx.state.principal ? actorLabel(ctx.state.principal) : 'anonymous';
}

export async function audit(c: pg.ClientBase | pg.Pool, actor: string, action: string, targetType: string, targetId: string, details: Record<string, unknown> = {}): Promise<void> {
  await c.query('INSERT INTO audit_log (actor, action, target_type, target_id, details) VALUES ($1, $2, $3, $4, $5)', [actor, action, targetType, targetId, JSON.stringify(details)]);
}

/** Audits a change made by this request's caller; the request is then not audited again generically. */
export async function auditRequest(
  ctx: { state: { principal?: Principal; audited?: boolean } },
  c: pg.ClientBase | pg.Pool,
  action: string,
  targetType: string,
  targetId: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  ctx.state.audited = true;
  await audit(c, actorOf(ctx), action, targetType, targetId, details);
}
