export type ParsedNumber = { value: number | undefined; error: string | null };

/**
 * Reads what the user typed into a number box. Empty or unreadable input yields `undefined`
 * so the config turns invalid and validation blocks publishing, instead of a stale number
 * silently surviving.
 */
export function parseNumberInput(text: string, opts: { integer?: boolean } = {}): ParsedNumber {
  const t = text.trim();
  if (t === '') return { value: undefined, error: null };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t))
    return { value: undefined, error: opts.integer ? 'Enter a whole number, e.g. 30' : 'Enter a number' };
  return { value: Number(t), error: null };
}
