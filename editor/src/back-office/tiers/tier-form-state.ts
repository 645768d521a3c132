import { TierList } from '@memberflow/shared/api/loyalty';
import type { TierLadderRow } from '@memberflow/shared/api/programme-routes';
import { pathToField } from '@memberflow/shared/violations';

export interface TierRowState {
  key: string;
  name: string;
  basis: TierLadderRow['basis'];
  period: TierLadderRow['period'];
  threshold: string;
  pointsMultiplier: string;
  benefits: string;
}

export const tierRowOf = (t: TierLadderRow): TierRowState => ({
  key: t.key,
  name: t.name,
  basis: t.basis,
  period: t.period,
  threshold: String(t.threshold),
  pointsMultiplier: String(t.pointsMultiplier),
  benefits: t.benefits,
});

export const newTierRow = (): TierRowState => ({
  key: '',
  name: '',
  basis: 'spend',
  period: 'lifetime',
  threshold: '',
  pointsMultiplier: '1',
  benefits: '',
});

const num = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.trim()));

/** The ladder lowest first: a row's place is its rank. */
export function tiersBody(rows: TierRowState[]): { tiers: Record<string, unknown>[] } {
  return {
    tiers: rows.map((r, i) => ({
      key: r.key.trim(),
      name: r.name.trim(),
      rank: i + 1,
      basis: r.basis,
      period: r.period,
      threshold: num(r.threshold),
      pointsMultiplier: num(r.pointsMultiplier),
      benefits: r.benefits,
    })),
  };
}

/** Problems as { row (from 1), field, message }, from the schema the server parses with; a key used twice too. */
export function tierProblems(rows: TierRowState[]): { row: number; field: string; message: string }[] {
  const out: { row: number; field: string; message: string }[] = [];
  const r = TierList.safeParse(tiersBody(rows));
  if (!r.success) {
    for (const i of r.error.issues) {
      const [, row, ...field] = pathToField(i.path).split('.');
      out.push({ row: Number(row) + 1, field: field.join('.'), message: i.message });
    }
  }
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const k = row.key.trim();
    if (k && seen.has(k)) out.push({ row: i + 1, field: 'key', message: `"${k}" is used twice` });
    seen.add(k);
  });
  return out;
}
