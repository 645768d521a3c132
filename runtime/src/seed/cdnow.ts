import { readFile } from 'node:fs/promises';
import { MAX_PURCHASE_AMOUNT } from '@memberflow/shared/member-event';

/** One CDNOW purchase row as a member purchase. */
export interface CdnowPurchase {
  memberId: string;
  /** Midnight UTC of the purchase day: the data carries no time of day. */
  at: number;
  cds: number;
  amount: number;
}

/**
 * Parses both CDNOW layouts: master (`id date cds value`, one header line) and sample
 * (`id sample_id date cds value`, no header). Row order is kept.
 */
export function parseCdnow(text: string): CdnowPurchase[] {
  const out: CdnowPurchase[] = [];
  text.split('\n').forEach((line, i) => {
    const f = line.trim().split(/\s+/);
    if (f.length < 4 || !/^\d+$/.test(f[0]!)) return;
    const [id, date, cds, value] = f.length >= 5 ? [f[0], f[2], f[3], f[4]] : [f[0], f[1], f[2], f[3]];
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(date!);
    const at = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
    // A real calendar day (19970230 is not), in years a timestamp column can hold.
    if (!m || Number(m[1]) < 1000 || new Date(at).toISOString().slice(0, 10).replace(/-/g, '') !== date) {
      throw new Error(`line ${i + 1}: bad date "${date}" (use YYYYMMDD): "${line.trim().slice(0, 80)}"`);
    }
    const amount = Number(value);
    if (!(amount >= 0 && amount <= MAX_PURCHASE_AMOUNT)) throw new Error(`line ${i + 1}: bad amount "${value}" (a number from 0 to ${MAX_PURCHASE_AMOUNT})`);
    const items = Number(cds);
    if (!Number.isInteger(items) || items < 0 || items > 1_000_000) throw new Error(`line ${i + 1}: bad number of CDs "${cds}"`);
    out.push({ memberId: `cdnow-${id}`, at, cds: items, amount });
  });
  return out;
}

export async function readCdnow(path: string): Promise<CdnowPurchase[]> {
  return parseCdnow(await readFile(path, 'utf8'));
}
