import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { workflowTemplates } from '@memberflow/shared/templates/catalog';
import { validateWorkflow } from '@memberflow/shared/validate';
import { loadConfig } from '../config.ts';
import { runReplay, type ReplayProgress, type ReplayReport } from './replay.ts';
import { readReplayEvents } from './replay-events.ts';
import { violationText } from './violation-text.ts';

const usage = `usage: npm run replay -- --events FILE --workflow FILE.json|template:KEY [--from DATE] [--to DATE] --out report.json [--keep] [--lanes N]
  FILE: CDNOW purchases (whitespace columns) or JSON lines of {type, memberId, timestamp, properties}
  --lanes: members replayed at once (default 8; each holds a Postgres connection)
  --keep: keep the replay's schema for inspection (its name is printed)`;

// The report and progress lines are this command's interface to the person running it (read at a
// terminal, not shipped as logs): plain stdout. The runtime it starts logs through the logger.
const log = (msg: string) => console.log(`[replay] ${msg}`);

function date(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new Error(`--${name} "${v}" is not a date (use e.g. 1997-01-01)`);
  return t;
}

function lanes(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 200) throw new Error(`--lanes "${v}" must be a whole number from 1 to 200`);
  return n;
}

/** A template, or a definition file checked before any event is read: the first violation names its node and field. */
async function loadDefinition(arg: string): Promise<{ definition: unknown; name: string }> {
  if (arg.startsWith('template:')) {
    const tpl = workflowTemplates.find((t) => t.key === arg.slice(9));
    if (!tpl) throw new Error(`no template "${arg.slice(9)}"; known: ${workflowTemplates.map((t) => t.key).join(', ')}`);
    return { definition: tpl.definition, name: tpl.name };
  }
  let definition: unknown;
  try {
    definition = JSON.parse(await readFile(arg, 'utf8'));
  } catch (e) {
    throw new Error(`--workflow ${arg}: ${(e as Error).message}`, { cause: e });
  }
  const v = validateWorkflow(definition);
  if (!v.ok)
    throw new Error(
      `--workflow ${arg} is not a valid workflow (${v.violations.length} problems); first: ${violationText(v.violations[0]!, definition)}`,
    );
  return { definition, name: arg };
}

/** One line per phase, then at most one a second: events left and wake-ups swept so far. */
function progressPrinter(): (p: ReplayProgress) => void {
  let phase: string | undefined;
  let printed = 0;
  return (p) => {
    if (p.phase === phase && Date.now() - printed < 1000) return;
    [phase, printed] = [p.phase, Date.now()];
    if (p.phase === 'preparing') log(`preparing schema ${p.schema}`);
    else if (p.phase === 'storing') log(`storing ${p.stored} of ${p.events} events`);
    else if (p.phase === 'replaying') log(`replaying: ${p.pending} events to go, ${p.wakes} wake-ups swept`);
    else log(p.phase ?? '');
  };
}

function printSummary(report: ReplayReport, out: string): void {
  log(
    `${report.members} members, ${report.events} events, journeys ${JSON.stringify(report.journeys)}, ${report.wakes} wake-ups, in ${report.seconds}s -> ${out}`,
  );
  log(`effects by kind ${JSON.stringify(report.effectsByKind)}`);
  // Nothing leaves a replay: "done" is what live would have sent or applied at once, "pending" what would go out through a gateway.
  const s = report.effectsByStatus;
  log(
    `effects: ${s.done ?? 0} sent or applied, ${s.pending ?? 0} for a gateway, ${s.held ?? 0} held for quiet hours, ${s.skipped ?? 0} skipped`,
  );
  for (const k of report.skipped) log(`  skipped ${k.count}: ${k.reason}`);
  if (report.timeTrigger)
    log(
      `time trigger "${report.timeTrigger.nodeId}" (${report.timeTrigger.kind}) fired ${report.timeTrigger.fires} times for ${report.timeTrigger.members} members`,
    );
  for (const w of report.warnings) console.warn(`[replay] warning: ${w}`);
  if (report.schema) log(`kept schema ${report.schema} (drop it with: DROP SCHEMA "${report.schema}" CASCADE)`);
}

try {
  const { values } = parseArgs({
    options: {
      events: { type: 'string' },
      workflow: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      keep: { type: 'boolean' },
      lanes: { type: 'string' },
    },
  });
  if (!values.events || !values.workflow || !values.out) throw new Error('--events, --workflow and --out are required');
  const { definition, name } = await loadDefinition(values.workflow);
  const events = await readReplayEvents(values.events);
  log(`${events.length} events from ${values.events}`);
  const report = await runReplay({
    config: loadConfig(),
    events,
    definition,
    name,
    from: date(values.from, 'from'),
    to: date(values.to, 'to'),
    keep: values.keep ?? false,
    workerConcurrency: lanes(values.lanes),
    onProgress: progressPrinter(),
  });
  await writeFile(values.out, JSON.stringify(report, null, 2));
  printSummary(report, values.out);
  process.exit(0);
} catch (e) {
  console.error(`[replay] ${(e as Error).message}\n${usage}`);
  process.exit(1);
}
