import { NodeKind } from '@memberflow/shared/node-kind';
import { nodeModule } from '@memberflow/shared/node-registry';
import { describe, expect, it } from 'vitest';
import { filterPalette } from './palette-filter.ts';

const entries = NodeKind.options.map((kind) => ({
  kind,
  title: nodeModule(kind).title,
  description: nodeModule(kind).description,
}));

describe('palette search', () => {
  it('shows everything for an empty query and matches every word', () => {
    expect(filterPalette(entries, '  ')).toHaveLength(24);
    expect(filterPalette(entries, 'split').map((e) => e.kind)).toEqual(['multi_split', 'random_split']);
    expect(filterPalette(entries, 'WAIT birthday').map((e) => e.kind)).toEqual(['wait_until_date']);
    expect(filterPalette(entries, 'zzz')).toEqual([]);
  });
});
