import { readFile } from 'node:fs/promises';

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
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4 || !/^\d+$/.test(f[0]!)) continue;
    const [id, date, cds, value] = f.length >= 5 ? [f[0], f[2], f[3], f[4]] : [f[0], f[1], f[2], f[3]];
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(date!);
    if (!m) throw new Error(`CDNOW row has a bad date: "${line.trim()}"`);
    out.push({
      memberId: `cdnow-${id}`,
      at: Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])),
      cds: Number(cds),
      amount: Number(value),
    });
  }
  return out;
}

export async function readCdnow(path: string): Promise<CdnowPurchase[]> {
  return parseCdnow(await readFile(path, 'utf8'));
}
