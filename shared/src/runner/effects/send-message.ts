import { messageAddress, messageVerdict } from '../../contact-policy.ts';
import { SendMessageConfig } from '../../nodes/send-message.ts';
import { renderTemplate } from '../../template.ts';
import { effectBase, type NodeExecutor } from './node-executor.ts';

/**
 * Renders the message and applies the contact policy. Through the local `log` provider a
 * message is done at once (the effect row is the log); through webhook or SMTP it is pending
 * until the dispatcher sends it after commit; quiet hours hold it until they end.
 */
export const sendMessageExecutor: NodeExecutor = {
  execute: (ctx) => {
    const c = SendMessageConfig.parse(ctx.action.config);
    const vars = ctx.templateVars();
    const provider = ctx.contact.provider(c.channel).kind;
    const v = messageVerdict(c, ctx.member, ctx.at, ctx.contact);
    const skipped = !v.send && 'skipped' in v ? v.skipped : undefined;
    const notBefore = !v.send && 'notBefore' in v ? v.notBefore : undefined;
    if (c.marketing && skipped === undefined) ctx.contact.recentMarketing.push(ctx.at);
    ctx.writes.effects.push({
      ...effectBase(ctx, 'send_message'),
      payload: {
        channel: c.channel,
        provider,
        to: messageAddress(c.channel, ctx.member),
        subject: renderTemplate(c.subject, vars),
        body: renderTemplate(c.body, vars),
        marketing: c.marketing,
        ...(skipped ? { skipped } : {}),
      },
      status: skipped ? 'skipped' : notBefore ? 'held' : provider === 'log' ? 'done' : 'pending',
      ...(notBefore ? { notBefore } : {}),
    });
  },
};
