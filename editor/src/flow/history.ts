/**
 * Undo history over whole snapshots. Snapshots are small (a workflow definition), so storing
 * them whole is simpler and safer than inverse operations; `key` identifies equal states so
 * re-rendering the same state never adds an entry.
 */
export interface History<T> {
  past: { key: string; value: T }[];
  /** `group` names what the last edit touched (e.g. one step's fields), for merging the next edit into it. */
  present: { key: string; value: T; at: number; group?: string | undefined };
  future: { key: string; value: T }[];
}

export const HISTORY_LIMIT = 100;

export function createHistory<T>(key: string, value: T, at = 0): History<T> {
  return { past: [], present: { key, value, at }, future: [] };
}

/**
 * Records a new state. An edit of the same group as the last one (typing into one step's
 * fields) within `merge.ms` replaces the present instead of adding an entry, so one undo takes
 * back a burst of typing, while distinct actions (add, then tidy up) stay separate steps.
 */
export function record<T>(h: History<T>, key: string, value: T, at: number, merge?: { group: string; ms: number }): History<T> {
  if (key === h.present.key) return h;
  const merging =
    merge !== undefined && h.past.length > 0 && h.present.group === merge.group && at - h.present.at < merge.ms;
  const past = merging ? h.past : [...h.past, { key: h.present.key, value: h.present.value }].slice(-HISTORY_LIMIT);
  return { past, present: { key, value, at, group: merge?.group }, future: [] };
}

export function canUndo(h: History<unknown>): boolean {
  return h.past.length > 0;
}

export function canRedo(h: History<unknown>): boolean {
  return h.future.length > 0;
}

export function undo<T>(h: History<T>): History<T> {
  const prev = h.past.at(-1);
  if (!prev) return h;
  // at = 0 so the next edit after an undo never merges into the restored state.
  return {
    past: h.past.slice(0, -1),
    present: { ...prev, at: 0 },
    future: [{ key: h.present.key, value: h.present.value }, ...h.future],
  };
}

export function redo<T>(h: History<T>): History<T> {
  const next = h.future[0];
  if (!next) return h;
  return {
    past: [...h.past, { key: h.present.key, value: h.present.value }],
    present: { ...next, at: 0 },
    future: h.future.slice(1),
  };
}
