/** Branch ids become output handles that edges point at, so they are made once and never renamed. */
export function newBranchId(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 30) || 'branch';
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}_${n}`;
    if (id !== 'else' && !taken.has(id)) return id;
  }
}

/** The sum of the percentages, rounded the way the schema checks it. */
export function percentTotal(branches: readonly { percent?: unknown }[]): number {
  const sum = branches.reduce((s, b) => s + (typeof b.percent === 'number' && Number.isFinite(b.percent) ? b.percent : 0), 0);
  return Math.round(sum * 1000) / 1000;
}

/** Even shares in whole percents that add up to exactly 100; the first branches take the remainder. */
export function evenPercents(count: number): number[] {
  if (count <= 0) return [];
  const base = Math.floor(100 / count);
  const extra = 100 - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < extra ? 1 : 0));
}

export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

export const nextBranchLabel = (count: number) => String.fromCharCode(65 + Math.min(count, 25));
