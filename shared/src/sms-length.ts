// GSM 03.38: the basic set costs one unit, the extension set two (escape + char). Any
// other character (Chinese, emoji) switches the whole message to UCS-2.
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');

export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SmsLength {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
  /** Units per segment at this length: 160/70 for one segment, 153/67 once split (the rest is the concatenation header). */
  perSegment: number;
}

/** The most segments an SMS may take; longer messages are a validation problem. */
export const SMS_MAX_SEGMENTS = 10;

export function smsLength(text: string): SmsLength {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (GSM_BASIC.has(ch)) septets += 1;
    else if (GSM_EXTENDED.has(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  const encoding: SmsEncoding = gsm ? 'gsm7' : 'ucs2';
  const units = gsm ? septets : text.length;
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  const segments = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / multi);
  return { encoding, units, segments, perSegment: segments > 1 ? multi : single };
}

/** The SMS as it goes out: the body, then the brand signature (e.g. 【品牌】) when one is set. */
export function withSmsSignature(body: string, signature: string | null | undefined): string {
  const s = signature?.trim();
  return s ? `${body}${s}` : body;
}
