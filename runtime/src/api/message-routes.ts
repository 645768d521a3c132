import type Router from '@koa/router';
import { messageRoutes, type PreviewMemberAnswer, type SmsSignatureAnswer } from '@memberflow/shared/api/message-routes';
import { tooManyRequests } from '../auth/access-control.ts';
import { RateLimiter } from '../auth/rate-limit.ts';
import { sendTestMessage, TestSendRefused } from '../channels/test-send.ts';
import { rulesChanged } from '../loyalty/rules-changed.ts';
import { getMember } from '../members/member-store.ts';
import { actorOf, auditRequest } from '../monitoring/audit.ts';
import { readSmsSignature, writeSmsSignature } from '../settings/sms-signature-store.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError, notFound } from './http-error.ts';
import { mountRoute } from './mount-route.ts';

/** Test sends per person per minute: enough to try a wording, too few to blast anyone. */
export const TEST_SENDS_PER_MINUTE = 5;

/** The message step's routes: the SMS signature setting, a real member for the preview, and test sends. */
export function messageApi(router: Router, deps: AppDeps): void {
  const { db } = deps.engine;
  const limiter = new RateLimiter(deps.limiterRedis ?? deps.redis, deps.config.queuePrefix, () => Date.now());
  const signature = async (): Promise<SmsSignatureAnswer> => {
    const s = await readSmsSignature(db.pool);
    return { signature: s?.signature ?? '', updatedAt: s?.updatedAt ?? null, updatedBy: s?.updatedBy ?? null };
  };
  mountRoute(router, messageRoutes.smsSignature, signature);
  mountRoute(router, messageRoutes.saveSmsSignature, async ({ body, ctx }) => {
    await writeSmsSignature(db.pool, body, actorOf(ctx));
    await auditRequest(ctx, db.pool, 'settings.sms_signature', 'setting', 'sms_signature', body);
    await rulesChanged(deps.redis, deps.config.queuePrefix, db.schema);
    return signature();
  });
  mountRoute(router, messageRoutes.previewMember, async ({ params }): Promise<PreviewMemberAnswer> => {
    const m = await getMember(db, params.id!);
    if (!m || m.deletedAt) throw notFound(`Member ${params.id}`);
    const { deletedAt: _d, createdAt: _c, updatedAt: _u, consents: _consents, ...member } = m;
    return { member: member as PreviewMemberAnswer['member'] };
  });
  mountRoute(router, messageRoutes.testSend, async ({ body, ctx }) => {
    const wait = await limiter.hit('test-send', actorOf(ctx), TEST_SENDS_PER_MINUTE);
    if (wait) throw tooManyRequests(wait, 'for test sends');
    try {
      const sent = await sendTestMessage(deps.config, body, (await readSmsSignature(db.pool))?.signature ?? null);
      // The address and channel are kept, the text is not: a test may carry a real member's data.
      await auditRequest(ctx, db.pool, 'message.test_send', 'message', body.channel, {
        channel: body.channel,
        to: body.to,
        provider: sent.provider,
      });
      return sent;
    } catch (e) {
      if (e instanceof TestSendRefused)
        throw new HttpError(400, { error: `Not sent: ${e.message}`, issues: [{ field: e.field, message: e.message }] });
      throw e;
    }
  });
}
