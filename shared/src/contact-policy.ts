import type { WorkflowSettings } from './definition.ts';
import { MS_PER_DAY } from './duration.ts';
import type { MemberFacts } from './member-facts.ts';
import type { SendMessageConfig } from './nodes/send-message.ts';
import { optedOutKey, skip, type Skip } from './skip-parts.ts';
import { inQuietHours, quietHoursEnd } from './time-zone.ts';

export interface MessagePolicy {
  settings: WorkflowSettings;
  /** Cross-workflow cap on marketing messages per member; count 0 turns it off. */
  cap: { count: number; days: number };
  /** Decision times of the member's recent marketing messages, across workflows. */
  recentMarketing: readonly number[];
  /** The contact policy's default quiet hours, for a workflow without its own. */
  defaultQuietHours?: WorkflowSettings['quietHours'];
}

export type MessageVerdict = { send: true } | ({ send: false } & Skip) | { send: false; notBefore: number };

export function messageAddress(channel: SendMessageConfig['channel'], m: MemberFacts): string | null {
  // WeChat reaches a member by their openid on the official account; the member id when they joined through it.
  const openid = m.attributes.wechat_openid;
  if (channel === 'wechat' && typeof openid === 'string' && openid) return openid;
  return (channel === 'email' ? m.email : channel === 'sms' ? m.phone : m.id) ?? null;
}

/**
 * Whether a message may go out now: consent, an address, the frequency cap, quiet hours.
 * The runtime and the simulator both decide with this, so a simulation says what will happen.
 */
export function messageVerdict(c: Pick<SendMessageConfig, 'channel' | 'marketing'>, member: MemberFacts, at: number, p: MessagePolicy): MessageVerdict {
  if (member.consents[c.channel] === false) return { send: false, ...skip(`member opted out of ${c.channel}`, optedOutKey(c.channel)) };
  if (!messageAddress(c.channel, member) && (c.channel === 'sms' || c.channel === 'email')) {
    return { send: false, ...skip(`member has no ${c.channel === 'sms' ? 'phone number' : 'email address'}`, c.channel === 'sms' ? 'noPhone' : 'noEmail') };
  }
  if (!c.marketing) return { send: true };
  if (p.settings.frequencyCap && p.cap.count > 0) {
    const since = at - p.cap.days * MS_PER_DAY;
    if (p.recentMarketing.filter((t) => t > since && t <= at).length >= p.cap.count) {
      const english = `frequency cap: ${p.cap.count} marketing message${p.cap.count === 1 ? '' : 's'} per ${p.cap.days} days already sent`;
      return { send: false, ...skip(english, p.cap.count === 1 ? 'frequencyCap.one' : 'frequencyCap.other', { count: p.cap.count, days: p.cap.days }) };
    }
  }
  const q = p.settings.quietHours ?? p.defaultQuietHours ?? null;
  if (q && inQuietHours(at, member.timeZone, q.start, q.end)) {
    return q.mode === 'skip'
      ? { send: false, ...skip(`quiet hours ${q.start}-${q.end} (member time)`, 'quietHours', { start: q.start, end: q.end }) }
      : { send: false, notBefore: quietHoursEnd(at, member.timeZone, q.end) };
  }
  return { send: true };
}
