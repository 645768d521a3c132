import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { workflowTemplates } from '@memberflow/shared/templates/catalog';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { runReplay } from '../src/replay/replay.ts';
import { cdnowToEvents, jsonLinesToEvents } from '../src/replay/replay-events.ts';
import { violationText } from '../src/replay/violation-text.ts';

const DAY = 86_400_000;
const sample = fileURLToPath(new URL('../seed-data/CDNOW_sample.txt', import.meta.url));
const nudge = workflowTemplates.find((t) => t.key === 'second-purchase-nudge')!.definition;

/**
 * What the data implies, computed straight from the file with no engine code: a customer's
 * first shopping day d0 and second d1; the come-back coupon is due at d0 + 30 days unless
 * d1 falls within those 30 days (inclusive).
 */
function expectedCoupons(text: string): string[] {
  const days = new Map<string, Set<number>>();
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5) continue;
    const [id, date] = [f[0]!, f[2]!];
    const at = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)));
    days.set(id, (days.get(id) ?? new Set()).add(at));
  }
  const out: string[] = [];
  for (const [id, set] of days) {
    const [d0, d1] = [...set].sort((a, b) => a - b);
    if (d1 === undefined || d1 > d0! + 30 * DAY) out.push(`cdnow-${id}@${new Date(d0! + 30 * DAY).toISOString()}`);
  }
  return out.sort();
}

describe('replay', () => {
  it('issues exactly the come-back coupons the CDNOW sample implies, at the right time', async () => {
    const text = await readFile(sample, 'utf8');
    const report = await runReplay({
      config: loadConfig(),
      events: cdnowToEvents(text),
      definition: nudge,
      workerConcurrency: 8,
    });
    const got = report
      .effects!.filter((e) => e.kind === 'issue_coupon')
      .map((e) => `${e.memberId}@${e.at}`)
      .sort();
    const want = expectedCoupons(text);
    expect(want.length).toBeGreaterThan(1000);
    expect(got).toEqual(want);
    expect(report.members).toBe(2357);
    expect(report.journeys).toEqual({ completed: want.length, converted: 2357 - want.length });
    expect(report.nodes.trigger).toEqual({ entered: 2357, current: 0 });
    expect(report.nodes.coupon!.entered).toBe(want.length);
  }, 120_000);

  it('merges same-day CDNOW rows into one shopping trip', () => {
    const events = cdnowToEvents(' 00002 19970112  1   12.00\n 00002 19970112  5   77.00\n 00002 19970113  1   1.00\n');
    expect(
      events.map((e) => [e.memberId, new Date(e.at).toISOString().slice(0, 10), e.properties.amount, e.properties.items]),
    ).toEqual([
      ['cdnow-00002', '1997-01-12', 89, 6],
      ['cdnow-00002', '1997-01-13', 1, 1],
    ]);
  });

  it('reads JSON lines and names a bad line', () => {
    expect(jsonLinesToEvents('{"type":"purchase","memberId":"a","timestamp":"2026-01-01T00:00:00Z"}\n')).toHaveLength(1);
    expect(() =>
      jsonLinesToEvents('{"type":"purchase","memberId":"a","timestamp":"2026-01-01T00:00:00Z"}\n{"type":"Bad","memberId":"a"}'),
    ).toThrow(/^line 2: type must be lowercase/);
    expect(() => jsonLinesToEvents('{"type":"purchase","memberId":"a"}')).toThrow('line 1: timestamp is required in a replay');
  });

  it('names the node and field of a violation, also when only a schema path says where', () => {
    expect(violationText({ code: 'config', nodeId: 'gift', field: 'config.template', message: 'choose a coupon template' })).toBe(
      'node "gift", field config.template: choose a coupon template',
    );
    const input = { nodes: [{ id: 'start' }, { id: 'gift' }] };
    expect(violationText({ code: 'schema', field: 'nodes.1.kind', message: 'Invalid option' }, input)).toBe(
      'node "gift", field kind: Invalid option',
    );
    expect(violationText({ code: 'trigger_count', message: 'A workflow needs exactly one trigger' })).toBe(
      'A workflow needs exactly one trigger',
    );
  });

  it('the CLI refuses an invalid definition file before reading events, naming the node and field, and exits with 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'replay-cli-'));
    const bad = structuredClone(nudge) as { nodes: { kind: string; config: Record<string, unknown> }[] };
    bad.nodes.find((n) => n.kind === 'issue_coupon')!.config.template = '';
    await writeFile(join(dir, 'flow.json'), JSON.stringify(bad));
    const cli = fileURLToPath(new URL('../src/replay/replay-cli.ts', import.meta.url));
    const run = promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      cli,
      '--events',
      join(dir, 'missing.txt'),
      '--workflow',
      join(dir, 'flow.json'),
      '--out',
      join(dir, 'r.json'),
    ]);
    const failure = await run.then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(
      /is not a valid workflow \(\d+ problems?\); first: node "coupon", field config\.template: choose a coupon template/,
    );
  }, 30_000);
});
