import { readProperty } from './property-filter.ts';

const VAR = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\}\}/g;

/** The variables a template uses, e.g. ["member.name", "coupon.code"]. */
export function templateVariables(text: string): string[] {
  return [...new Set([...text.matchAll(VAR)].map((m) => m[1]!))];
}

/**
 * Fills {{path}} placeholders from plain data. Substitution only: no expressions, helpers or
 * code, so a template can never execute anything. Unknown variables become "".
 */
export function renderTemplate(text: string, vars: Record<string, unknown>): string {
  return text.replace(VAR, (_, path: string) => {
    const v = readProperty(vars, path);
    return v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  });
}

/** Variables a message may use; anything else is probably a typo and is flagged. */
export const templateRoots = ['member', 'coupon', 'trigger', 'workflow'] as const;

export function unknownVariables(text: string): string[] {
  return templateVariables(text).filter((v) => !(templateRoots as readonly string[]).includes(v.split('.')[0]!));
}
