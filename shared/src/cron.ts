import { Cron } from 'croner';

/**
 * Five-field cron (minute hour day-of-month month day-of-week) in the member's time zone,
 * evaluated by croner. Vixie semantics: when both day fields are restricted either may match,
 * 0 and 7 are both Sunday, and "5/15" means from 5 in steps of 15. Croner also reads names
 * (MON, JAN) and L / W / # as extensions.
 */
const fields = [
  { name: 'minute', range: '0-59' },
  { name: 'hour', range: '0-23' },
  { name: 'day of month', range: '1-31' },
  { name: 'month', range: '1-12' },
  { name: 'day of week', range: '0-7' },
] as const;

function compile(pattern: string, timezone: string): Cron {
  // domAndDow false is croner's default already; said here because the OR rule is what users expect.
  return new Cron(pattern, { mode: '5-part', timezone, domAndDow: false, sloppyRanges: true });
}

function accepts(pattern: string): boolean {
  try {
    compile(pattern, 'UTC');
    return true;
  } catch {
    return false;
  }
}

/**
 * Croner's own errors do not say which field a marketer got wrong in a form's words, so each
 * comma-separated part is tried alone with the other fields open, and the first one croner
 * refuses is named.
 */
function explain(parts: readonly string[]): string | null {
  for (const [i, f] of fields.entries()) {
    for (const part of parts[i]!.split(',')) {
      if (accepts(parts.map((p, j) => (j === i ? part : '*')).join(' '))) continue;
      // Well-formed numbers that croner still refuses are outside the field's range.
      const shapeOk = /^(\*|\d+(-\d+)?)(\/\d+)?$/.test(part);
      return `cron ${f.name} "${part}" ${shapeOk ? `is out of range ${f.range}` : 'is not understood'}`;
    }
  }
  return null;
}

/** A checked expression; throws an Error naming the field at fault. */
export function parseCron(expr: string, timeZone = 'UTC'): Cron {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error('cron needs five fields: minute hour day-of-month month day-of-week');
  try {
    return compile(parts.join(' '), timeZone);
  } catch (e) {
    throw new Error(explain(parts) ?? `cron "${expr.trim()}" is not understood (${(e as Error).message})`, { cause: e });
  }
}

export function cronError(expr: string): string | null {
  try {
    parseCron(expr);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

// Time triggers ask once per member; most members share a handful of (expression, zone) pairs.
const compiled = new Map<string, Cron>();
function cached(expr: string, tz: string): Cron {
  const key = `${tz}\n${expr}`;
  let c = compiled.get(key);
  if (!c) {
    if (compiled.size >= 500) compiled.clear();
    c = parseCron(expr, tz);
    compiled.set(key, c);
  }
  return c;
}

/**
 * Next instant strictly after `after` matching the expression in the time zone. Across DST, a
 * fixed time that falls in the spring-forward gap runs when the gap ends, and a repeated hour
 * runs once; interval patterns (every 15 minutes) follow the real clock.
 */
export function nextCron(after: number, expr: string, tz: string): number | null {
  return cached(expr, tz).nextRun(new Date(after))?.getTime() ?? null;
}
