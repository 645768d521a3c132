import { SaveDraftBody } from '@memberflow/shared/api/workflows';
import { useEffect, useMemo, useRef } from 'react';

export const AUTOSAVE_DELAY_MS = 1500;

/** Whether the server would accept this body at all; graph problems are fine in a draft, a malformed shape is a 400. */
export function isSaveable(body: SaveDraftBody): boolean {
  return SaveDraftBody.safeParse(body).success;
}

/**
 * Saves the draft a moment after the last edit. Keyed on the body's JSON, so every edit restarts
 * the wait; a failed save is not retried until the next edit, so a broken server is not hammered.
 */
export function useAutosave(opts: {
  body: SaveDraftBody;
  key: string;
  dirty: boolean;
  idle: boolean;
  save: () => void;
  /** A new value re-arms the wait without an edit: after signing in again, a save the 401 stopped goes through. */
  resume?: unknown;
}) {
  const { body, key, dirty, idle, save, resume } = opts;
  const saveable = useMemo(() => isSaveable(body), [body]);
  // The latest save, so a timer never sends an older body than the one on screen.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    if (!dirty || !idle || !saveable) return;
    const t = window.setTimeout(() => saveRef.current(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(t);
  }, [key, dirty, idle, saveable, resume]);
  return { saveable };
}
