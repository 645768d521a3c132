import { messageAddress, messageVerdict } from '../../contact-policy.ts';
import { StoredSendMessage } from '../../nodes/send-message.ts';
import { queuedBy } from '../../send-rate-limit.ts';
import { withSmsSignature } from '../../sms-length.ts';
import { skip, type Skip } from '../../skip-parts.ts';
import { renderTemplateDetailed } from '../../template.ts';
import { effectBase, type ExecContext, type NodeExecutor } from './node-executor.ts';

/** The message as this member reads it: formatted in their locale and zone; the variables that had no value. */
export function renderMessage(
  c: StoredSendMessage,
  ctx: Pick<ExecContext, 'member' | 'templateVars'>,
  smsSignature?: string | null,
) {
  const vars = ctx.templateVars();
  const opts = { locale: ctx.member.locale ?? null, timeZone: ctx.member.timeZone };
  const subject = renderTemplateDetailed(c.subject, vars, opts);
  const body = renderTemplateDetailed(c.body, vars, opts);
  const keywords = (c.channel === 'wechat' ? (c.wechat?.keywords ?? []) : []).map((k) => ({
    key: k.key,
    ...renderTemplateDetailed(k.value, vars, opts),
  }));
  const missing = [
    ...new Set([...(c.channel === 'email' ? subject.missing : []), ...body.missing, ...keywords.flatMap((k) => k.missing)]),
  ];
  return {
    subject: subject.text,
    body: c.channel === 'sms' ? withSmsSignature(body.text, smsSignature) : body.text,
    ...(c.channel === 'wechat' && c.wechat
      ? { wechat: { templateId: c.wechat.templateId, keywords: keywords.map((k) => ({ key: k.key, value: k.text })) } }
      : {}),
    missing,
  };
}

/** Why a message with holes is not sent: which variables, and the way out. */
export function missingValueReason(missing: readonly string[]): string {
  return `no value for ${missingNames(missing)} (give a fallback with | default: "…")`;
}

const missingNames = (missing: readonly string[]) => missing.map((m) => `{{${m}}}`).join(', ');

/** The skip of a message with holes, with its parts for the editor's languages. */
export const missingValueSkip = (missing: readonly string[]): Skip => skip(missingValueReason(missing), 'missingValues', { names: missingNames(missing) });

/**
 * Renders the message and applies the contact policy. A variable without a value (and no
 * `default:`) skips the message rather than sending it with a hole. Through the local `log`
 * provider a message is done at once (the effect row is the log); through webhook or SMTP it
 * is pending until the dispatcher sends it after commit; quiet hours hold it until they end, and
 * a step with a rate limit queues it (held, with the limit) for the sweeper to release in turn.
 */
export const sendMessageExecutor: NodeExecutor = {
  execute: (ctx) => {
    const c = StoredSendMessage.parse(ctx.action.config);
    const provider = ctx.contact.provider(c.channel).kind;
    const { missing, ...message } = renderMessage(c, ctx, ctx.contact.smsSignature);
    const v = messageVerdict(c, ctx.member, ctx.at, ctx.contact);
    const why = !v.send && 'skipped' in v ? { skipped: v.skipped, skippedParts: v.skippedParts } : missing.length ? missingValueSkip(missing) : undefined;
    const skipped = why?.skipped;
    const quietUntil = skipped === undefined && !v.send && 'notBefore' in v ? v.notBefore : undefined;
    // A rate-limited step queues every message it sends; the release lets them out within the limit.
    const limited = skipped === undefined && c.rateLimit !== null;
    const notBefore = quietUntil ?? (limited ? ctx.at : undefined);
    if (c.marketing && skipped === undefined) ctx.contact.recentMarketing.push(ctx.at);
    ctx.writes.effects.push({
      ...effectBase(ctx, 'send_message'),
      payload: {
        channel: c.channel,
        provider,
        to: messageAddress(c.channel, ctx.member),
        ...message,
        marketing: c.marketing,
        ...(why ?? {}),
        ...(limited && c.rateLimit ? { rateLimit: queuedBy(c.rateLimit) } : {}),
      },
      status: skipped ? 'skipped' : notBefore !== undefined ? 'held' : provider === 'log' ? 'done' : 'pending',
      ...(notBefore !== undefined ? { notBefore } : {}),
    });
  },
};
