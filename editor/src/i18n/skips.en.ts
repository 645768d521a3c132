import type { SkipKey } from '@memberflow/shared/skip-parts';

/** Why an effect was skipped, from the parts the runner stores; the same words as its English `skipped`. */
export const skipsEn: Record<`skip.${SkipKey}`, string> = {
  'skip.optedOut.sms': 'member opted out of sms',
  'skip.optedOut.email': 'member opted out of email',
  'skip.optedOut.wechat': 'member opted out of wechat',
  'skip.optedOut.push': 'member opted out of push',
  'skip.optedOut.webhook': 'member opted out of webhook',
  'skip.noPhone': 'member has no phone number',
  'skip.noEmail': 'member has no email address',
  'skip.frequencyCap.one': 'frequency cap: {count} marketing message per {days} days already sent',
  'skip.frequencyCap.other': 'frequency cap: {count} marketing messages per {days} days already sent',
  'skip.quietHours': 'quiet hours {start}-{end} (member time)',
  'skip.missingValues': 'no value for {names} (give a fallback with | default: "…")',
  'skip.couponArchived': '{template} is archived: it issues no more coupons',
  'skip.couponOncePerMember': 'once per member: already holds a {template} coupon',
  'skip.couponOutOfStock': '{template} is out of stock',
  'skip.pointsCeiling': 'the balance is at the {max} points a member can hold',
  'skip.skippedByAdmin': 'skipped by an admin after failing',
};
