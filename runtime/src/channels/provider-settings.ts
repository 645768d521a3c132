/**
 * Credentials and endpoints of the providers with their own API, read from the environment only
 * for the providers a CHANNEL_* setting names (a missing variable is named at start, not at the
 * first send). Endpoints are overridable so tests point them at local servers.
 */
export interface AliyunSmsSettings {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templateCode: string;
  /** The template's variable that receives the message text (its content is approved as ${content}). */
  templateParam: string;
  endpoint: string;
  regionId: string;
  /** The secret in the receipt URL (Aliyun does not sign its HTTP pushes). */
  reportToken: string | null;
}

export interface TencentSmsSettings {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  templateId: string;
  region: string;
  endpoint: string;
  /** The secret in the callback URL (Tencent does not sign its status callbacks). */
  callbackToken: string | null;
}

export interface WechatOaSettings {
  appId: string;
  appSecret: string;
  apiBase: string;
  /** The Token set under 服务器配置: WeChat signs event pushes with it. */
  eventToken: string | null;
}

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  from: string | null;
  messagingServiceSid: string | null;
  apiBase: string;
  /** Where Twilio reaches us (https://mf.example.com): status callbacks are sent there and signatures checked against it. */
  publicUrl: string | null;
}

export interface ProviderSettings {
  aliyunSms: AliyunSmsSettings | null;
  tencentSms: TencentSmsSettings | null;
  wechatOa: WechatOaSettings | null;
  twilio: TwilioSettings | null;
}

export const noProviders: ProviderSettings = { aliyunSms: null, tencentSms: null, wechatOa: null, twilio: null };

type Env = NodeJS.ProcessEnv;

function need(env: Env, name: string, why: string): string {
  const v = env[name]?.trim();
  if (!v) throw new Error(`${why} needs ${name}`);
  return v;
}

const optional = (env: Env, name: string) => env[name]?.trim() || null;

function url(env: Env, name: string, fallback: string): string {
  const v = env[name]?.trim() || fallback;
  if (!/^https?:\/\/[^/\s]+/.test(v)) throw new Error(`${name} must be an http(s) URL, got "${v}"`);
  return v.replace(/\/+$/, '');
}

function aliyun(env: Env, why: string): AliyunSmsSettings {
  return {
    accessKeyId: need(env, 'ALIYUN_ACCESS_KEY_ID', why),
    accessKeySecret: need(env, 'ALIYUN_ACCESS_KEY_SECRET', why),
    signName: need(env, 'ALIYUN_SMS_SIGN_NAME', why),
    templateCode: need(env, 'ALIYUN_SMS_TEMPLATE_CODE', why),
    templateParam: optional(env, 'ALIYUN_SMS_TEMPLATE_PARAM') ?? 'content',
    endpoint: url(env, 'ALIYUN_SMS_ENDPOINT', 'https://dysmsapi.aliyuncs.com'),
    regionId: optional(env, 'ALIYUN_REGION_ID') ?? 'cn-hangzhou',
    reportToken: optional(env, 'ALIYUN_SMS_REPORT_TOKEN'),
  };
}

function tencent(env: Env, why: string): TencentSmsSettings {
  const sdkAppId = need(env, 'TENCENT_SMS_SDK_APP_ID', why);
  if (!/^\d+$/.test(sdkAppId)) throw new Error(`TENCENT_SMS_SDK_APP_ID must be the SMS application's numeric SdkAppId, got "${sdkAppId}"`);
  return {
    secretId: need(env, 'TENCENT_SECRET_ID', why),
    secretKey: need(env, 'TENCENT_SECRET_KEY', why),
    sdkAppId,
    signName: need(env, 'TENCENT_SMS_SIGN_NAME', why),
    templateId: need(env, 'TENCENT_SMS_TEMPLATE_ID', why),
    region: optional(env, 'TENCENT_SMS_REGION') ?? 'ap-guangzhou',
    endpoint: url(env, 'TENCENT_SMS_ENDPOINT', 'https://sms.tencentcloudapi.com'),
    callbackToken: optional(env, 'TENCENT_SMS_CALLBACK_TOKEN'),
  };
}

function wechat(env: Env, why: string): WechatOaSettings {
  return {
    appId: need(env, 'WECHAT_APP_ID', why),
    appSecret: need(env, 'WECHAT_APP_SECRET', why),
    apiBase: url(env, 'WECHAT_API_BASE', 'https://api.weixin.qq.com'),
    eventToken: optional(env, 'WECHAT_EVENT_TOKEN'),
  };
}

function twilio(env: Env, why: string): TwilioSettings {
  const accountSid = need(env, 'TWILIO_ACCOUNT_SID', why);
  if (!/^AC[0-9a-fA-F]{32}$/.test(accountSid)) throw new Error(`TWILIO_ACCOUNT_SID must be AC followed by 32 hex digits, got "${accountSid.slice(0, 40)}"`);
  const from = optional(env, 'TWILIO_FROM');
  const messagingServiceSid = optional(env, 'TWILIO_MESSAGING_SERVICE_SID');
  if (!from && !messagingServiceSid) throw new Error(`${why} needs TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID`);
  if (messagingServiceSid && !/^MG[0-9a-fA-F]{32}$/.test(messagingServiceSid))
    throw new Error(`TWILIO_MESSAGING_SERVICE_SID must be MG followed by 32 hex digits, got "${messagingServiceSid.slice(0, 40)}"`);
  const publicUrl = optional(env, 'MEMBERFLOW_PUBLIC_URL');
  return {
    accountSid,
    authToken: need(env, 'TWILIO_AUTH_TOKEN', why),
    from,
    messagingServiceSid,
    apiBase: url(env, 'TWILIO_API_BASE', 'https://api.twilio.com'),
    publicUrl: publicUrl ? url(env, 'MEMBERFLOW_PUBLIC_URL', publicUrl) : null,
  };
}

/** Settings of each provider named by a channel (`uses`: provider kind → the CHANNEL_* variable naming it). */
export function loadProviderSettings(env: Env, uses: Map<string, string>): ProviderSettings {
  const why = (kind: string) => `${uses.get(kind)}=${kind}`;
  return {
    aliyunSms: uses.has('aliyun-sms') ? aliyun(env, why('aliyun-sms')) : null,
    tencentSms: uses.has('tencent-sms') ? tencent(env, why('tencent-sms')) : null,
    wechatOa: uses.has('wechat-oa') ? wechat(env, why('wechat-oa')) : null,
    twilio: uses.has('twilio') ? twilio(env, why('twilio')) : null,
  };
}
