import { randomBytes } from 'node:crypto';

// Unambiguous characters only: codes get read out over the phone and typed at tills.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A coupon code that cannot be guessed: the template key and 8 random characters. */
export function couponCode(template: string): string {
  const bytes = randomBytes(8);
  let suffix = '';
  for (const b of bytes) suffix += ALPHABET[b % ALPHABET.length];
  return `${template}-${suffix}`;
}
