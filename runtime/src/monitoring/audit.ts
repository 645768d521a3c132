import type Koa from 'koa';
import type pg from 'pg';

/** Until people sign in (users and roles), the actor is what the caller says in X-Actor, or "api". */
export function actorOf(ctx: Koa.Context): string {
  const a = ctx.get('x-actor').trim();
  return a ? a.slice(0, 120) : 'api';
}

export async function audit(c: pg.ClientBase | pg.Pool, actor: string, action: string, targetType: string, targetId: string, details: Record<string, unknown> = {}): Promise<void> {
  await c.query('INSERT INTO audit_log (actor, action, target_type, target_id, details) VALUES ($1, $2, $3, $4, $5)', [actor, action, targetType, targetId, JSON.stringify(details)]);
}
