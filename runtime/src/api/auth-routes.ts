import type Router from '@koa/router';
import { authRoutes as routes } from '@memberflow/shared/api/auth-routes';
import { LoginBody } from '@memberflow/shared/api/auth';
import { SESSION_COOKIE, tooManyRequests } from '../auth/access-control.ts';
import { clientAddress } from '../auth/client-address.ts';
import { hashPassword, verifyPassword } from '../auth/password-hash.ts';
import { principalOf } from '../auth/principal.ts';
import { endSession, signIn } from '../auth/session-store.ts';
import { audit } from '../monitoring/audit.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError, parseBody } from './http-error.ts';
import type { AuthServices } from './auth-services.ts';
import { mountRoute } from './mount-route.ts';

export function authRoutes(router: Router, deps: AppDeps, auth: AuthServices): void {
  const { db, clock } = deps.engine;
  mountRoute(
    router,
    routes.login,
    async ({ body, ctx }) => {
      const { token, info } = await signIn(db, clock, auth.policy, auth.failures, body.email, body.password, clientAddress(ctx.ip));
      ctx.cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: ctx.cookies.secure, path: '/', maxAge: auth.policy.maxMs, overwrite: true });
      return info;
    },
    {
      // Every attempt counts against the address, malformed ones too: the limit comes before the body is read.
      readBody: async (raw, ctx) => {
        const wait = await auth.limiter.hit('login', clientAddress(ctx.ip), auth.loginPerIp);
        if (wait) throw tooManyRequests(wait, 'to sign in from this address');
        return parseBody(LoginBody, raw);
      },
    },
  );
  mountRoute(router, routes.me, async ({ ctx }) => {
    const p = principalOf(ctx);
    if (p.kind !== 'user') throw new HttpError(403, { error: 'API keys have no session' });
    return { user: p.user, csrfToken: p.csrfToken };
  });
  mountRoute(router, routes.logout, async ({ ctx }) => {
    const p = principalOf(ctx);
    if (p.kind === 'user') await endSession(db, p.sessionHash);
    ctx.cookies.set(SESSION_COOKIE, null, { httpOnly: true, sameSite: 'strict', path: '/', overwrite: true });
  });
  mountRoute(router, routes.changePassword, async ({ body, ctx }) => {
    const p = principalOf(ctx);
    if (p.kind !== 'user') throw new HttpError(403, { error: 'API keys have no password' });
    const user = await db.prisma.appUser.findUniqueOrThrow({ where: { id: p.user.id } });
    // A stolen session must not become a way to guess the password: a few tries, then it ends.
    const guessing = async () => {
      // The session ends, so the guesser is out; the count starts afresh for the owner's next sign-in.
      await endSession(db, p.sessionHash);
      await auth.failures.clear('password-change', user.id);
      await audit(db.pool, p.user.email, 'user.password_guessing', 'user', user.id, { ip: ctx.ip });
      return new HttpError(401, { error: 'Too many wrong current passwords: you have been signed out' });
    };
    if (await auth.failures.reserve('password-change', user.id)) throw await guessing();
    if (!(await verifyPassword(body.currentPassword, user.passwordHash))) {
      if (await auth.failures.fail('password-change', user.id)) throw await guessing();
      throw new HttpError(400, { error: 'Invalid request body: currentPassword is wrong', issues: [{ field: 'currentPassword', message: 'is wrong' }] });
    }
    await auth.failures.clear('password-change', user.id);
    const passwordHash = await hashPassword(body.newPassword);
    // Other browsers signed in as this user are signed out; this one stays.
    await db.prisma.$transaction([
      db.prisma.appUser.update({ where: { id: user.id }, data: { passwordHash } }),
      db.prisma.userSession.deleteMany({ where: { userId: user.id, tokenHash: { not: p.sessionHash } } }),
    ]);
    await audit(db.pool, p.user.email, 'user.password_changed', 'user', user.id);
  });
}
