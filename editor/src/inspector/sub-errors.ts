/** The errors under one field of a form, keyed by the rest of their path ("filters.0.value" -> "0.value"). */
export function subErrors(errors: Record<string, string>, field: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path.startsWith(`${field}.`)) out[path.slice(field.length + 1)] = message;
  }
  return out;
}
