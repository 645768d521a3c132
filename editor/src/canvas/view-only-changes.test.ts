import { describe, expect, it } from 'vitest';
import { viewOnlyChanges } from './view-only-changes.ts';

describe('view-only canvas changes', () => {
  it('let selection and measuring through, and nothing that edits', () => {
    const changes = [
      { type: 'select', id: 'a', selected: true },
      { type: 'dimensions', id: 'a' },
      { type: 'position', id: 'a' },
      { type: 'remove', id: 'b' },
      { type: 'add', item: {} },
      { type: 'replace', id: 'a' },
    ];
    expect(viewOnlyChanges(changes).map((c) => c.type)).toEqual(['select', 'dimensions']);
  });
});
