import type Router from '@koa/router';
import {
  receiptRoutes,
  TencentSmsStatuses,
  TwilioStatusForm,
  WechatSignedQuery,
  AliyunSmsReports,
} from '@memberflow/shared/api/receipt-routes';
import type { ParameterizedContext } from 'koa';
import { recordReceipts, type Receipt } from '../channels/delivery-receipts.ts';
import { tokenMatches, twilioSigned, wechatSigned } from '../channels/receipt-auth.ts';
import { logger } from '../logging/root-logger.ts';
import type { AppDeps } from './app-deps.ts';
import { HttpError, parseBody } from './http-error.ts';
import { mountRoute } from './mount-route.ts';
import { readRawText, wechatXmlFields } from './raw-callback-body.ts';

const notConfigured = (what: string, variable: string) =>
  new HttpError(404, { error: `${what} receipts are not configured here: set ${variable} and use it in the receipt URL` });
const refused = (why: string) => new HttpError(403, { error: `Refused: ${why}` });

/** Twilio's statuses that settle a message; queued, sending, sent and others change nothing. */
const TWILIO_FINAL: Record<string, boolean> = { delivered: true, undelivered: false, failed: false };

export function receiptsRoutes(router: Router, deps: AppDeps): void {
  const { providers } = deps.config;
  const record = (receipts: Receipt[]) => recordReceipts(deps.engine, deps.queue, receipts);

  // Aliyun answers {"code": <number>} to a push it may stop sending; anything else is pushed again.
  mountRoute(
    router,
    receiptRoutes.aliyunSmsReports,
    async ({ body }) => {
      await record(body.map((r) => ({ provider: 'aliyun-sms', messageId: r.biz_id, delivered: r.success, code: r.err_code })));
      return { code: 0, msg: '接收成功' };
    },
    {
      readBody: (raw, ctx) =>
        checkToken(ctx, providers.aliyunSms?.reportToken ?? null, 'Aliyun SMS', 'ALIYUN_SMS_REPORT_TOKEN', () =>
          parseBody(AliyunSmsReports, raw, 'status reports'),
        ),
    },
  );

  mountRoute(
    router,
    receiptRoutes.tencentSmsCallbacks,
    async ({ body }) => {
      await record(
        body.map((r) => ({
          provider: 'tencent-sms',
          messageId: r.sid,
          delivered: r.report_status === 'SUCCESS',
          code: r.errmsg,
        })),
      );
      return { result: 0, errmsg: 'OK' };
    },
    {
      readBody: (raw, ctx) =>
        checkToken(ctx, providers.tencentSms?.callbackToken ?? null, 'Tencent SMS', 'TENCENT_SMS_CALLBACK_TOKEN', () =>
          parseBody(TencentSmsStatuses, raw, 'status callbacks'),
        ),
    },
  );

  // WeChat checks the server URL once with a GET: the echostr back proves we hold the token.
  mountRoute(router, receiptRoutes.wechatOaHandshake, async ({ query }) => {
    if (!wechatSigned(wechatToken(deps), query)) throw refused('the signature does not match WECHAT_EVENT_TOKEN');
    return query.echostr;
  });

  mountRoute(
    router,
    receiptRoutes.wechatOaEvents,
    async ({ body }) => {
      const f = wechatXmlFields(body);
      if (f.MsgType !== 'event' || f.Event !== 'TEMPLATESENDJOBFINISH') return 'success';
      if (!f.MsgID || !f.Status) {
        logger('receipts').warn(
          { provider: 'wechat-oa' },
          'TEMPLATESENDJOBFINISH without MsgID or Status (encrypted mode is not read: use plaintext or compatible mode)',
        );
        return 'success';
      }
      const failed = /^failed:\s*(.*)$/.exec(f.Status);
      await record([
        {
          provider: 'wechat-oa',
          messageId: f.MsgID,
          delivered: f.Status === 'success',
          code: failed ? failed[1]!.trim() : f.Status,
        },
      ]);
      // WeChat wants "success" (or nothing) back, else it pushes the event again.
      return 'success';
    },
    {
      readBody: async (_raw, ctx) => {
        const q = parseBody(WechatSignedQuery, ctx.query, 'query');
        if (!wechatSigned(wechatToken(deps), q)) throw refused('the signature does not match WECHAT_EVENT_TOKEN');
        return readRawText(ctx);
      },
    },
  );

  mountRoute(
    router,
    receiptRoutes.twilioStatus,
    async ({ body }) => {
      const delivered = TWILIO_FINAL[body.MessageStatus];
      if (delivered !== undefined)
        await record([{ provider: 'twilio', messageId: body.MessageSid, delivered, code: body.ErrorCode ?? body.MessageStatus }]);
      return '';
    },
    { readBody: (_raw, ctx) => twilioForm(deps, ctx) },
  );
}

function wechatToken(deps: AppDeps): string | null {
  const s = deps.config.providers.wechatOa;
  if (!s?.eventToken) throw notConfigured('WeChat', 'WECHAT_EVENT_TOKEN');
  return s.eventToken;
}

/** The URL token is checked before the body is read, so a stranger's post costs no parsing. */
function checkToken<T>(ctx: ParameterizedContext, configured: string | null, what: string, variable: string, parse: () => T): T {
  if (configured === null) throw notConfigured(what, variable);
  if (!tokenMatches(configured, String(ctx.params.token ?? ''))) throw refused(`the token in the URL is not ${variable}`);
  return parse();
}

/** Twilio signs the URL it called (MEMBERFLOW_PUBLIC_URL + path + query) and every form field. */
async function twilioForm(deps: AppDeps, ctx: ParameterizedContext) {
  const s = deps.config.providers.twilio;
  if (!s?.publicUrl) throw notConfigured('Twilio', 'MEMBERFLOW_PUBLIC_URL (with CHANNEL_SMS=twilio)');
  const fields = [...new URLSearchParams(await readRawText(ctx))];
  if (!twilioSigned(s.authToken, `${s.publicUrl}${ctx.originalUrl}`, fields, ctx.get('x-twilio-signature')))
    throw refused('X-Twilio-Signature does not match TWILIO_AUTH_TOKEN and MEMBERFLOW_PUBLIC_URL');
  return parseBody(TwilioStatusForm, Object.fromEntries(fields), 'status callback');
}
