import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, HISTORY_LIMIT, record, redo, undo } from './history.ts';

describe('undo history', () => {
  it('undoes and redoes in order', () => {
    let h = createHistory('a', 1);
    h = record(h, 'b', 2, 1000);
    h = record(h, 'c', 3, 5000);
    expect(canUndo(h)).toBe(true);
    h = undo(h);
    expect(h.present.value).toBe(2);
    h = undo(h);
    expect(h.present.value).toBe(1);
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present.value).toBe(3);
    expect(canRedo(h)).toBe(false);
  });

  it('ignores a state equal to the present', () => {
    const h = createHistory('a', 1);
    expect(record(h, 'a', 1, 10)).toBe(h);
  });

  it('a new edit after undo drops the redo branch', () => {
    let h = record(createHistory('a', 1), 'b', 2, 1000);
    h = record(undo(h), 'x', 9, 9000);
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present.value).toBe(1);
  });

  it('merges quick successive edits of one group into one entry', () => {
    const m = { group: 'node:x', ms: 500 };
    let h = createHistory('a', 1);
    h = record(h, 'b', 2, 1000, m);
    h = record(h, 'bc', 3, 1200, m);
    h = record(h, 'bcd', 4, 1400, m);
    expect(h.past).toHaveLength(1);
    expect(undo(h).present.value).toBe(1);
    // The next edit long after is its own step.
    h = record(h, 'e', 5, 3000, m);
    expect(undo(h).present.value).toBe(4);
  });

  it('never merges edits of different groups or ungrouped actions', () => {
    let h = createHistory('a', 1);
    h = record(h, 'b', 2, 1000, { group: 'node:x', ms: 500 });
    h = record(h, 'c', 3, 1100, { group: 'node:y', ms: 500 });
    h = record(h, 'd', 4, 1200);
    h = record(h, 'e', 5, 1300, { group: 'node:y', ms: 500 });
    expect(h.past).toHaveLength(4);
  });

  it('the first edit is never merged into the loaded state', () => {
    const h = record(createHistory('a', 1, 1000), 'b', 2, 1001, { group: 'g', ms: 500 });
    expect(undo(h).present.value).toBe(1);
  });

  it('keeps at most HISTORY_LIMIT entries', () => {
    let h = createHistory('0', 0);
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) h = record(h, String(i), i, i * 1000);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]!.value).toBe(20);
  });
});
