import type { Channel } from './nodes/send-message.ts';

/**
 * Why an effect was skipped, as a message key and its values. Stored beside the English
 * `skipped` sentence (which the API and replay reports keep reading) so the editor can say
 * it in the user's language.
 */
export const SKIP_KEYS = [
  'optedOut.sms',
  'optedOut.email',
  'optedOut.wechat',
  'optedOut.push',
  'optedOut.webhook',
  'noPhone',
  'noEmail',
  'frequencyCap.one',
  'frequencyCap.other',
  'quietHours',
  'missingValues',
  'couponArchived',
  'couponOncePerMember',
  'couponOutOfStock',
  'pointsCeiling',
  'skippedByAdmin',
] as const satisfies readonly string[];

export type SkipKey = (typeof SKIP_KEYS)[number];

export interface SkipParts {
  key: SkipKey;
  vars: Record<string, string | number>;
}

/** The English sentence and its parts, spread into an effect payload together. */
export interface Skip {
  skipped: string;
  skippedParts: SkipParts;
}

export const skip = (skipped: string, key: SkipKey, vars: SkipParts['vars'] = {}): Skip => ({ skipped, skippedParts: { key, vars } });

export const optedOutKey = (channel: Channel): SkipKey => `optedOut.${channel}`;

/** Old rows have no parts (or parts from a newer runtime); only a known key is trusted. */
export function isSkipParts(v: unknown): v is SkipParts {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Partial<SkipParts>;
  return typeof p.key === 'string' && (SKIP_KEYS as readonly string[]).includes(p.key) && typeof p.vars === 'object' && p.vars !== null;
}
