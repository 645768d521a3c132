/** Filter values are typed in one box: numbers compare as numbers (amount >= 100), anything else as text. */
export function parseFilterValue(text: string): string | number {
  const t = text.trim();
  return t !== '' && /^[-+]?\d+(\.\d+)?$/.test(t) ? Number(t) : text;
}

export function formatFilterValue(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}
