import type { SaveDraftBody } from '@memberflow/shared/api/workflows';
import { useCallback, useEffect, useRef, useState } from 'react';
import { canRedo, canUndo, createHistory, record, redo, undo, type History } from '../flow/history.ts';

/** Typing into one field or nudging steps within this long counts as one edit. */
const MERGE_MS = 800;

/**
 * What an edit touched, when it is one step's fields or the workflow settings: consecutive
 * edits of the same thing (typing) merge. Anything else (add, delete, connect, move, tidy up)
 * has no group and is always its own undo step.
 */
export function editGroup(before: SaveDraftBody, after: SaveDraftBody): string | undefined {
  const a = before.definition;
  const b = after.definition;
  if (a.nodes.length !== b.nodes.length || JSON.stringify(a.edges) !== JSON.stringify(b.edges)) return undefined;
  const touched: string[] = [];
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i]!;
    const y = b.nodes[i]!;
    if (x.id !== y.id || x.kind !== y.kind || x.position.x !== y.position.x || x.position.y !== y.position.y) return undefined;
    if (x.label !== y.label || JSON.stringify(x.config) !== JSON.stringify(y.config)) touched.push(`node:${x.id}`);
  }
  if (before.name !== after.name || before.description !== after.description || JSON.stringify(a.settings) !== JSON.stringify(b.settings))
    touched.push('workflow');
  return touched.length === 1 ? touched[0] : undefined;
}

/**
 * Undo/redo over what gets saved (name, description, definition). It watches the draft body
 * instead of wrapping every setter, so each way of editing (forms, drags, deletes, paste,
 * layout) is covered. Drags are recorded once, when they end.
 */
export function useUndoHistory(body: SaveDraftBody, key: string, settling: boolean, apply: (body: SaveDraftBody) => void) {
  const [history, setHistory] = useState<History<SaveDraftBody>>(() => createHistory(key, body));

  useEffect(() => {
    if (settling) return;
    setHistory((h) => {
      const group = editGroup(h.present.value, body);
      return record(h, key, body, Date.now(), group === undefined ? undefined : { group, ms: MERGE_MS });
    });
  }, [key, body, settling]);

  // The applied state equals the new present, so the recording effect above leaves it alone.
  // Read through a ref: two quick clicks must undo twice, not apply the same stale step again.
  const latest = useRef(history);
  latest.current = history;
  const step = useCallback(
    (move: typeof undo) => {
      const next = move(latest.current);
      if (next === latest.current) return;
      latest.current = next;
      setHistory(next);
      apply(next.present.value);
    },
    [apply],
  );

  return {
    undo: useCallback(() => step(undo), [step]),
    redo: useCallback(() => step(redo), [step]),
    canUndo: canUndo(history),
    canRedo: canRedo(history),
  };
}
