import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? (d.name === 'generated' ? [] : tsFiles(join(dir, d.name))) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

/**
 * Values reach SQL as parameters. The only things placed into SQL text are these: fixed column
 * lists and expressions, and schema names checked against an identifier pattern. A new
 * interpolation fails this test until someone has checked it is not user input.
 */
const reviewed = new Set([
  'perJourney', // dashboard.ts: a constant sub-select
  'PURCHASE_AMOUNT_SQL',
  'APPLIED_PURCHASE_SQL',
  'TRIGGER_EVENT',
  'MEMBER_FACT_COLUMNS',
  'EVENT_COLUMNS', // quarantined-events.ts: a fixed column list
  'COLUMNS', // backtest-store.ts: a fixed column list
  'KEEP_PER_WORKFLOW', // backtest-store.ts: a numeric constant
  'setText', // member-store.ts: column names from a fixed map
  "ctes.join(',\\n')", // lane-flush-rows.ts: fixed CTE texts, numbered parameters
  'PUBLIC',
  'GAPS_SQL', // churn-risk.ts: a fixed CTE, its values parameters
  'FM_SQL', // rfm-grid.ts: a fixed expression
  'MEMBER_ROW_SQL', // member-rows.ts: a fixed column list
  'whereSql', // rfm-grid.ts: fixed conditions joined, values as numbered parameters
  'params.length + 1', // rfm-grid.ts: parameter numbers
  'params.length + 2',
  'STUCK_EFFECT_SQL', // stuck-effects.ts: a fixed condition, its threshold a parameter
  'schema', // apply-migrations.ts: validated identifier (config.ts)
  'RECEIVED_MS_SQL', // effect-dispatcher.ts: a fixed sub-select
  'spec.table', // retention-prune.ts: the fixed EVENT_TABLE / JOURNEY_STEP_TABLE specs
  'spec.key',
  'spec.age',
  'spec.keep',
  'CARD_COLUMNS', // cards-members.ts: a fixed column list
  "lock ? ' FOR UPDATE' : ''", // points-mall-items.ts: a fixed clause or nothing
  'SELECT', // points-mall-redemptions.ts: a fixed select list and join
]);

describe('SQL text', () => {
  test('no query is built from anything but reviewed constants, and no unsafe raw Prisma calls exist', () => {
    const found: string[] = [];
    for (const file of tsFiles(src)) {
      const text = readFileSync(file, 'utf8');
      if (/\$(query|execute)RawUnsafe/.test(text)) found.push(`${relative(src, file)}: $queryRawUnsafe/$executeRawUnsafe`);
      for (const m of text.matchAll(/\.query\s*(?:<[^>]*>)?\(\s*`/g)) {
        const start = m.index + m[0].length;
        const body = text.slice(start, text.indexOf('`', start));
        for (const [, expr] of body.matchAll(/\$\{([^}]*)\}/g)) {
          if (!reviewed.has(expr!.trim())) found.push(`${relative(src, file)}: \${${expr}}`);
        }
      }
    }
    expect(found).toEqual([]);
  });
});
