import { CSRF_HEADER } from '@memberflow/shared/access';
import type { Clock } from '@memberflow/shared/clock';
import type Koa from 'koa';
import type { Database } from '../db/database.ts';
import { HttpError } from '../api/http-error.ts';
import { findApiKey } from './api-key-store.ts';
import { audit } from '../monitoring/audit.ts';
import { clientAddress } from './client-address.ts';
import { actorLabel, describePrincipal, permissionsOf, type Principal } from './principal.ts';
import type { RateLimiter } from './rate-limit.ts';
import { accessFor, isEditorFile } from './route-access.ts';
import { sameSecret } from './secret-token.ts';
import { findSession, type SessionPolicy } from './session-store.ts';

export const SESSION_COOKIE = 'mf_session';

export interface AccessControlDeps {
  db: Database;
  clock: Clock;
  policy: SessionPolicy;
  limiter: RateLimiter;
  limits: { perIp: number; perKey: number };
}

export const tooManyRequests = (retryAfterSeconds: number, what: string): HttpError =>
  new HttpError(429, { error: `Too many requests ${what}; try again in ${retryAfterSeconds} s`, retryAfterSeconds });

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `Authorization: Bearer mf_…` or `X-API-Key: mf_…`. */
function presentedKey(ctx: Koa.Context): string | null {
  const auth = ctx.get('authorization');
  const m = /^Bearer\s+(\S+)$/i.exec(auth);
  if (m) return m[1]!;
  return ctx.get('x-api-key') || null;
}

/**
 * Who is calling, and may they? Runs before body parsing, so strangers cannot make the server
 * parse large bodies. Every request except the editor's static files must match a rule in
 * route-access.ts; unlisted routes are refused.
 */
export function accessControl(deps: AccessControlDeps): Koa.Middleware {
  return async (ctx, next) => {
    if (ctx.method === 'OPTIONS' || isEditorFile(ctx.method, ctx.path)) return next();
    // Liveness answers from memory: it must not wait for Redis (the rate limiter) or restart a healthy process.
    if (ctx.method === 'GET' && ctx.path === '/healthz') return next();
    const ipWait = await deps.limiter.hit('ip', clientAddress(ctx.ip), deps.limits.perIp);
    if (ipWait) throw tooManyRequests(ipWait, 'from this address');

    const rule = accessFor(ctx.method, ctx.path);
    if (!rule) throw new HttpError(404, { error: `No API route ${ctx.method} ${ctx.path}` });
    if (rule.access === 'public') return next();

    const principal = await identify(ctx, deps);
    if (rule.access === 'session') {
      if (principal.kind !== 'user') throw new HttpError(403, { error: `${rule.route} is for signed-in people, not API keys` });
    } else if (!permissionsOf(principal).includes(rule.access)) {
      throw new HttpError(403, { error: `Not allowed: ${describePrincipal(principal)} may not ${rule.route} (needs ${rule.access} permission)` });
    }
    if (principal.kind === 'user' && !SAFE_METHODS.has(ctx.method)) checkCsrf(ctx, principal);
    ctx.state.principal = principal;
    await next();
    // Every successful change is in the audit log: routes with their own entry (publish, users, …)
    // mark the request; the rest get a generic one. Systems' ingest is not audited (its volume is the
    // event log itself), but a person doing the same by hand is.
    const audited = !SAFE_METHODS.has(ctx.method) && ctx.status < 400 && !ctx.state.audited && !unaudited.has(rule.route);
    if (audited && (rule.access !== 'ingest' || principal.kind === 'user')) {
      await audit(deps.db.pool, actorLabel(principal), `${ctx.method} ${rule.route.split(' ')[1]}`, 'request', safePath(ctx.path));
    }
  };
}

/** Changes whose history lives elsewhere: drafts autosave every few seconds (publishing is audited); backtests and recounts change nothing of note. */
const unaudited = new Set<string>(['PUT /api/v1/workflows/:id/draft', 'POST /api/v1/workflows/:id/backtest', 'POST /api/v1/segments/:key/count', 'POST /api/v1/auth/password']);

function safePath(path: string): string {
  try {
    return decodeURIComponent(path).slice(0, 300);
  } catch {
    return path.slice(0, 300);
  }
}

async function identify(ctx: Koa.Context, deps: AccessControlDeps): Promise<Principal> {
  const key = presentedKey(ctx);
  if (key) {
    const p = await findApiKey(deps.db, deps.clock, key);
    if (!p) throw new HttpError(401, { error: 'API key unknown or revoked' });
    const wait = await deps.limiter.hit('key', p.id, deps.limits.perKey);
    if (wait) throw tooManyRequests(wait, 'with this API key');
    return p;
  }
  const token = ctx.cookies.get(SESSION_COOKIE);
  const session = token ? await findSession(deps.db, deps.clock, deps.policy, token) : null;
  if (!session) throw new HttpError(401, { error: token ? 'Your session has ended; sign in again' : 'Sign in first, or send an API key (Authorization: Bearer mf_…)' });
  return session;
}

/**
 * Cookies ride along on cross-site requests; the token in a header cannot, because other
 * sites cannot read it. The Origin check is a second, independent guard.
 */
function checkCsrf(ctx: Koa.Context, p: Extract<Principal, { kind: 'user' }>): void {
  const origin = ctx.get('origin');
  if (origin && origin !== 'null') {
    let host = '';
    try {
      host = new URL(origin).host;
    } catch {
      // An unparsable Origin is treated as foreign.
    }
    if (host !== ctx.host) throw new HttpError(403, { error: `Cross-site request refused (Origin ${origin.slice(0, 100)})` });
  } else if (origin === 'null') throw new HttpError(403, { error: 'Cross-site request refused (Origin null)' });
  const sent = ctx.get(CSRF_HEADER);
  if (!sent || !sameSecret(sent, p.csrfToken)) throw new HttpError(403, { error: `Missing or wrong CSRF token: send the token from /api/v1/auth/me in ${CSRF_HEADER}` });
}
