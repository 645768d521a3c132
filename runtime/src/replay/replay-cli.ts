import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { workflowTemplates } from '@memberflow/shared/templates/catalog';
import { loadConfig } from '../config.ts';
import { runReplay } from './replay.ts';
import { readReplayEvents } from './replay-events.ts';

const usage = `usage: npm run replay -- --events FILE --workflow FILE.json|template:KEY [--from DATE] [--to DATE] --out report.json [--keep]
  FILE: CDNOW purchases (whitespace columns) or JSON lines of {type, memberId, timestamp, properties}`;

function date(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new Error(`--${name} "${v}" is not a date (use e.g. 1997-01-01)`);
  return t;
}

try {
  const { values } = parseArgs({
    options: { events: { type: 'string' }, workflow: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' }, keep: { type: 'boolean' } },
  });
  if (!values.events || !values.workflow || !values.out) throw new Error('--events, --workflow and --out are required');
  const tpl = values.workflow.startsWith('template:') ? workflowTemplates.find((t) => t.key === values.workflow!.slice(9)) : undefined;
  if (values.workflow.startsWith('template:') && !tpl) throw new Error(`no template "${values.workflow.slice(9)}"; known: ${workflowTemplates.map((t) => t.key).join(', ')}`);
  const definition = tpl ? tpl.definition : JSON.parse(await readFile(values.workflow, 'utf8'));
  const events = await readReplayEvents(values.events);
  console.log(`[replay] ${events.length} events from ${values.events}`);
  const report = await runReplay({
    config: loadConfig(),
    events,
    definition,
    name: tpl?.name ?? values.workflow,
    from: date(values.from, 'from'),
    to: date(values.to, 'to'),
    keep: values.keep ?? false,
    onProgress: (m) => console.log(`[replay] ${m}`),
  });
  await writeFile(values.out, JSON.stringify(report, null, 2));
  const byKind = report.effects.reduce<Record<string, number>>((acc, e) => ({ ...acc, [e.kind]: (acc[e.kind] ?? 0) + 1 }), {});
  console.log(`[replay] ${report.members} members, journeys ${JSON.stringify(report.journeys)}, effects ${JSON.stringify(byKind)} in ${report.seconds}s -> ${values.out}`);
  process.exit(0);
} catch (e) {
  console.error(`[replay] ${(e as Error).message}\n${usage}`);
  process.exit(1);
}
