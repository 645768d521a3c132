import type { ChannelProvider, OutgoingMessage } from './channel-provider.ts';
import { providerRequest, unexpectedAnswer, type ProviderAnswer } from './provider-http.ts';
import type { WechatOaSettings } from './provider-settings.ts';
import { SendDeferred, SendRefused } from './send-outcome.ts';

/*
 * WeChat Official Account template messages (模板消息): an access_token from
 * grant_type=client_credential, then POST /cgi-bin/message/template/send. Not an SDK: two plain
 * requests, which the tests check as sent.
 */

/** The token is used until a minute before WeChat says it expires. */
const EARLY_MS = 60_000;
/** access_token invalid, expired, or not the latest: fetch a new one and send again once. */
const STALE_TOKEN = new Set([40001, 42001, 40014]);
// -1 system busy, 45011 minute quota. Everything else is about this message (openid, template,
// the member refused or unfollowed) or about our account, and does not pass by retrying.
const RETRY = new Set([-1, 45011]);
const CREDENTIALS = new Set([40001, 40002, 40013, 40125, 40164, 40243, 41001, 41002, 41004, 42001, 40014, 48001, 50001, 50002]);

interface Cached {
  token: string;
  until: number;
}

function failure(a: ProviderAnswer, staleIsCredential: boolean): Error {
  const code = Number(a.json?.errcode);
  if (!Number.isFinite(code)) return unexpectedAnswer('wechat-oa', a);
  const detail = typeof a.json?.errmsg === 'string' ? a.json.errmsg : '';
  if (RETRY.has(code)) return new SendDeferred('wechat-oa', String(code), detail);
  const credentials = CREDENTIALS.has(code) && (staleIsCredential || !STALE_TOKEN.has(code));
  return new SendRefused('wechat-oa', String(code), detail, credentials);
}

function templateBody(m: OutgoingMessage): string {
  const w = m.wechat;
  if (!w?.templateId) throw new SendRefused('wechat-oa', 'no_template', 'a template message needs a template id (the step has none)');
  if (!m.to) throw new SendRefused('wechat-oa', '40003', 'the member has no openid');
  const data = Object.fromEntries(w.keywords.map((k) => [k.key, { value: k.value }]));
  return JSON.stringify({ touser: m.to, template_id: w.templateId, data });
}

export function wechatOaProvider(s: WechatOaSettings, now: () => number = Date.now): ChannelProvider {
  let cached: Cached | null = null;
  let fetching: Promise<Cached> | null = null;

  const fetchToken = async (): Promise<Cached> => {
    const q = new URLSearchParams({ grant_type: 'client_credential', appid: s.appId, secret: s.appSecret });
    const a = await providerRequest('wechat-oa', `${s.apiBase}/cgi-bin/token?${q}`, { method: 'GET' });
    const token = a.json?.access_token;
    const expiresIn = Number(a.json?.expires_in);
    if (typeof token !== 'string' || !Number.isFinite(expiresIn)) throw failure(a, true);
    return { token, until: now() + expiresIn * 1000 - EARLY_MS };
  };

  /** One fetch at a time: messages sent together share the new token. */
  const token = async (): Promise<string> => {
    if (cached && cached.until > now()) return cached.token;
    fetching ??= fetchToken().finally(() => (fetching = null));
    cached = await fetching;
    return cached.token;
  };

  const post = async (body: string) =>
    providerRequest('wechat-oa', `${s.apiBase}/cgi-bin/message/template/send?access_token=${encodeURIComponent(await token())}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body,
    });

  return {
    async send(m) {
      const body = templateBody(m);
      let a = await post(body);
      if (STALE_TOKEN.has(Number(a.json?.errcode))) {
        cached = null;
        a = await post(body);
        if (STALE_TOKEN.has(Number(a.json?.errcode))) throw failure(a, true);
      }
      // msgid is a 64-bit integer: read from the text, JSON.parse would round it.
      const msgid = /"msgid"\s*:\s*"?(\d+)/.exec(a.text)?.[1];
      if (Number(a.json?.errcode) === 0 && msgid) return { provider: 'wechat-oa', messageId: msgid };
      throw failure(a, false);
    },
  };
}
