import type { NodeKind } from '@memberflow/shared/node-kind';

export interface PaletteEntry {
  kind: NodeKind;
  title: string;
  description: string;
}

/** Every word of the query must appear in the kind's title, description or id ("coupon", "wait birthday"). */
export function filterPalette<T extends PaletteEntry>(entries: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((e) => {
    const hay = `${e.title} ${e.description} ${e.kind.replaceAll('_', ' ')}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
