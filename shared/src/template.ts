import { readProperty } from './property-filter.ts';
import { applyFilter, formatContext, isBlank, isTemplateFilter, type FormatContext } from './template-filters.ts';

// The existing substitution renderer, extended with Liquid-like filters ({{x | date}}) rather
// than adopting a template library: templates stay data only (no tags, loops or code), and the
// one parser below is what validation, the runner and the preview all read.
const EXPR = /\{\{([^{}]*)\}\}/g;
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*$/;

export interface TemplateFilter {
  name: string;
  arg?: string;
}

export interface TemplateExpr {
  /** The whole placeholder as written, e.g. `{{ coupon.expiresAt | date }}`. */
  source: string;
  path: string;
  filters: TemplateFilter[];
}

/** Splits on `|` outside quotes. */
function splitPipes(inner: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (const ch of inner) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '|') {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim());
}

function parseFilter(part: string): TemplateFilter | null {
  const m = /^([A-Za-z_]+)\s*(?::\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?$/.exec(part);
  if (!m) return null;
  const arg = m[2] ?? m[3] ?? m[4];
  return arg === undefined ? { name: m[1]! } : { name: m[1]!, arg };
}

/** One placeholder, or null when it is not one (left in the text as written). */
export function parseExpr(source: string, inner: string): TemplateExpr | null {
  const [head = '', ...rest] = splitPipes(inner);
  if (!PATH.test(head)) return null;
  const filters: TemplateFilter[] = [];
  for (const r of rest) {
    const f = parseFilter(r);
    if (!f) return null;
    filters.push(f);
  }
  return { source, path: head, filters };
}

/** Every placeholder of a template, in order. */
export function templateExprs(text: string): TemplateExpr[] {
  const out: TemplateExpr[] = [];
  for (const m of text.matchAll(EXPR)) {
    const e = parseExpr(m[0], m[1]!);
    if (e) out.push(e);
  }
  return out;
}

/** The variables a template uses, e.g. ["member.name", "coupon.code"]. */
export function templateVariables(text: string): string[] {
  return [...new Set(templateExprs(text).map((e) => e.path))];
}

export interface RenderOptions {
  locale?: string | null;
  timeZone?: string | null;
  currency?: string | null;
}

export interface RenderedTemplate {
  text: string;
  /** Variables that had no value and no `default:`: a message with any is not sent. */
  missing: string[];
}

function show(v: unknown): string {
  return isBlank(v) ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function evaluate(e: TemplateExpr, vars: Record<string, unknown>, f: FormatContext): { value: unknown; missing: boolean } {
  let value = readProperty(vars, e.path);
  for (const filter of e.filters) if (isTemplateFilter(filter.name)) value = applyFilter(filter.name, value, filter.arg, f);
  return { value, missing: isBlank(value) && !e.filters.some((x) => x.name === 'default') };
}

/**
 * Fills {{path | filter}} placeholders from plain data, formatting in the given locale and
 * zone. Substitution and formatting only: no expressions or code, so a template can never
 * execute anything. A variable without a value renders as "" and is listed in `missing`.
 */
export function renderTemplateDetailed(text: string, vars: Record<string, unknown>, opts: RenderOptions = {}): RenderedTemplate {
  const f = formatContext(opts);
  const missing = new Set<string>();
  const out = text.replace(EXPR, (whole, inner: string) => {
    const e = parseExpr(whole, inner);
    if (!e) return whole;
    const r = evaluate(e, vars, f);
    if (r.missing) missing.add(e.path);
    return show(r.value);
  });
  return { text: out, missing: [...missing] };
}

export function renderTemplate(text: string, vars: Record<string, unknown>, opts: RenderOptions = {}): string {
  return renderTemplateDetailed(text, vars, opts).text;
}

export { unknownVariables, templateProblems, templateRoots } from './template-check.ts';
