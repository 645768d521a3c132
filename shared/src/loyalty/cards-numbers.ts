import type { CardNumbering } from './cards.ts';

/** The Luhn check digit for a string of digits (the one payment cards use: a mistyped digit fails it). */
export function luhnCheckDigit(body: string): number {
  let sum = 0;
  // From the right, every second digit (starting with the one next to the check digit) doubles.
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (d < 0 || d > 9) throw new Error(`not a digit in ${body}`);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the number is all digits and its last digit is the Luhn check digit of the rest. */
export function isLuhnValid(n: string): boolean {
  if (!/^[0-9]{2,}$/.test(n)) return false;
  return luhnCheckDigit(n.slice(0, -1)) === Number(n.at(-1));
}

/**
 * A card number: the prefix, `digits` digits drawn by `random` (0 <= r < 1), and the check
 * digit. Pure: the caller passes the randomness (crypto in the runtime, a seed in tests).
 */
export function cardNumber(p: CardNumbering, random: () => number): string {
  let body = p.prefix;
  for (let i = 0; i < p.digits; i++) body += String(Math.floor(random() * 10) % 10);
  return body + String(luhnCheckDigit(body));
}

/** Whether a number fits a kind's pattern: prefix, digit count and check digit. */
export function fitsNumbering(p: CardNumbering, n: string): boolean {
  return n.length === p.prefix.length + p.digits + 1 && n.startsWith(p.prefix) && isLuhnValid(n);
}
