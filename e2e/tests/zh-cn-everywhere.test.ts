import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { expect, test } from '../fixtures/test.ts';
import type { RunningServer } from '../fixtures/server.ts';
import { collectEnglish, report, type Finding } from '../fixtures/english-words.ts';

const SEEDED = 'Second-purchase nudge';
/** The back office and insights pages of the editor's router, each at /<name> with a <name>-page marker. */
const BACK_OFFICE_PAGES = ['coupons', 'points', 'points-mall', 'cards', 'tiers', 'segments', 'rfm', 'analytics', 'settings'];

async function inChinese(page: Page) {
  await page.addInitScript(() => window.localStorage.setItem('memberflow.locale', 'zh-CN'));
}

interface WorkflowSummary {
  id: string;
  name: string;
  description: string;
}
interface NodeDef {
  id: string;
  kind: string;
  label: string;
  config: unknown;
}

async function json<T>(server: RunningServer, path: string, init?: RequestInit): Promise<T> {
  const res = await server.fetch(path, init);
  expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** Config fields whose text the user writes; the others hold codes and choices the UI must name. */
const WRITTEN = new Set(['body', 'subject', 'title', 'goal', 'reason', 'tags', 'url', 'attribute']);

function pieces(text: string): string[] {
  const fallbacks = [...text.matchAll(/default:\s*"([^"]*)"/g)].map((m) => m[1]!);
  return [text, ...[text, text.slice(0, 40)].flatMap((v) => v.split(/\{\{[^}]*\}\}|\{\{.*$/)), ...fallbacks];
}

function writtenTexts(config: unknown): string[] {
  if (!config || typeof config !== 'object') return [];
  return Object.entries(config).flatMap(([key, value]) => {
    // A message is shown filled in and cut short too, so its pieces between {{...}}, the
    // fallbacks inside them and its first 40 characters count as written as well.
    if (WRITTEN.has(key)) return [value].flat().filter((v): v is string => typeof v === 'string').flatMap(pieces);
    return typeof value === 'object' ? writtenTexts(value) : [];
  });
}

/**
 * What users and the demo seed named, in their own words: workflow names, step names and the
 * texts inside steps, coupon template, tier and member names. Not UI text, so not translated.
 */
async function userData(server: RunningServer): Promise<string[]> {
  const { workflows } = await json<{ workflows: WorkflowSummary[] }>(server, '/api/v1/workflows');
  // The demo members are named "Customer <number>" after the CDNOW sample they come from; the
  // runtime names the first admin "Administrator".
  const data = ['Mia Marketer', 'Andy Analyst', 'Administrator', 'e2e tests', 'Customer'];
  // Tier keys are codes (conditions compare them), names are what the shop called its tiers.
  const { tiers } = await json<{ tiers: { key: string; name: string }[] }>(server, '/api/v1/tiers');
  const { templates } = await json<{ templates: { name: string }[] }>(server, '/api/v1/coupon-templates');
  data.push(...tiers.flatMap((t) => [t.key, t.name]), ...templates.map((c) => c.name));
  for (const w of workflows) {
    data.push(w.name, w.description);
    const detail = await json<{ draft: { nodes: NodeDef[] } }>(server, `/api/v1/workflows/${w.id}`);
    for (const n of detail.draft.nodes) data.push(n.id, n.label, ...writtenTexts(n.config));
  }
  return data;
}

async function workflows(server: RunningServer): Promise<WorkflowSummary[]> {
  return (await json<{ workflows: WorkflowSummary[] }>(server, '/api/v1/workflows')).workflows;
}

/** Waits for the page's marker and for loading notes to go, then lets late panels render. */
async function settle(page: Page, testId: string) {
  await page.getByTestId(testId).first().waitFor();
  await expect.poll(() => page.evaluate(() => /加载中|Loading/.test(document.body.innerText)), { timeout: 15_000 }).toBe(false);
  await page.waitForTimeout(300);
}

function noEnglish(findings: Finding[]) {
  expect(findings.length, `English left on Chinese pages:\n${report(findings)}`).toBe(0);
}

async function postEvent(server: RunningServer, type: string, memberId: string, properties: Record<string, unknown>) {
  await json(server, '/api/v1/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type, memberId, properties }) });
}

let copies = 0;

/** A published copy of the nudge recipe, so edits here never reach the seeded workflow other tests read. */
async function nudgeCopy(server: RunningServer, name: string): Promise<string> {
  const { id } = await json<{ id: string }>(server, '/api/v1/workflows', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `${name} ${++copies}`, templateKey: 'second-purchase-nudge' }),
  });
  await json(server, `/api/v1/workflows/${id}/publish`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  return id;
}

describe('Every page in Chinese', () => {
  test('the workflow list and the new-workflow dialog with its templates', async ({ page, server, shoot }) => {
    const findings: Finding[] = [];
    const data = await userData(server);
    await inChinese(page);
    await page.goto('/');
    await settle(page, 'workflow-row');
    await collectEnglish(page, 'workflow list', findings, data);
    await shoot(page, 'zh-all-01-list');
    await page.getByRole('button', { name: '新建流程' }).click();
    await page.locator('.template-option').nth(3).waitFor();
    await collectEnglish(page, 'new workflow dialog', findings, data);
    await shoot(page, 'zh-all-02-new-workflow');
    noEnglish(findings);
  });

  test('every workflow canvas, with the inspector open on each kind of step', async ({ page, server, shoot }) => {
    const findings: Finding[] = [];
    const data = await userData(server);
    await inChinese(page);
    const seen = new Set<string>();
    for (const w of await workflows(server)) {
      const { draft } = await json<{ draft: { nodes: NodeDef[] } }>(server, `/api/v1/workflows/${w.id}`);
      await page.goto(`/workflows/${w.id}`);
      await page.locator('.react-flow__node').nth(draft.nodes.length - 1).waitFor();
      await settle(page, 'problems');
      await collectEnglish(page, `canvas "${w.name}"`, findings, data);
      for (const node of draft.nodes) {
        if (seen.has(node.kind)) continue;
        seen.add(node.kind);
        await page.getByTestId(`node-${node.id}`).click();
        await page.getByTestId('node-inspector').waitFor();
        await page.waitForTimeout(300);
        await collectEnglish(page, `inspector ${node.kind} ("${w.name}")`, findings, data);
        await shoot(page, `zh-all-10-inspector-${node.kind}`);
      }
      // Back to the workflow settings, which show when nothing is selected.
      await page.locator('.react-flow__pane').click({ position: { x: 20, y: 80 } });
    }
    await shoot(page, 'zh-all-11-canvas');
    noEnglish(findings);
  }, 240_000);

  test('the simulator, the version history and the problems list', async ({ page, server, shoot }) => {
    const findings: Finding[] = [];
    const id = await nudgeCopy(server, 'Nudge to simulate');
    const data = await userData(server);
    await inChinese(page);
    await page.goto(`/workflows/${id}`);
    await page.locator('.react-flow__node').nth(4).waitFor();

    await page.getByTestId('simulate').click();
    const panel = page.getByTestId('simulation-panel');
    await panel.waitFor();
    await collectEnglish(page, 'simulator (before a run)', findings, data);
    await panel.getByTestId('sim-run').click();
    await panel.getByTestId('sim-trace-entry').first().waitFor();
    for (let i = 0; i < 6 && (await panel.getByTestId('sim-next').isEnabled()); i++) {
      await collectEnglish(page, `simulator step ${i + 1}`, findings, data);
      await panel.getByTestId('sim-next').click();
    }
    await collectEnglish(page, 'simulator (end)', findings, data);
    await shoot(page, 'zh-all-20-simulator');
    await page.getByTestId('simulate').click();

    await page.getByTestId('history').click();
    await page.getByTestId('version-history').waitFor();
    await page.waitForTimeout(300);
    await collectEnglish(page, 'version history', findings, data);
    await shoot(page, 'zh-all-21-history');
    await page.getByTestId('history').click();

    // An empty required field and a step nobody reaches fill the problems list.
    await page.getByTestId('node-coupon').click();
    await page.locator('#node-coupon-validityDays').fill('');
    await page.getByTestId('palette-exit').click();
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 80 } });
    await settle(page, 'problem');
    await collectEnglish(page, 'canvas with problems', findings, data);
    await shoot(page, 'zh-all-22-problems');
    noEnglish(findings);
  });

  test('the publish dialog shows its before and after in Chinese', async ({ page, server, shoot }) => {
    const findings: Finding[] = [];
    const id = await nudgeCopy(server, 'Nudge to publish');
    // The next version: a changed validity, a new tagging step before the end and another entry rule.
    const { draft } = await json<{ draft: { settings: Record<string, unknown>; nodes: NodeDef[]; edges: Record<string, string>[] } }>(server, `/api/v1/workflows/${id}`);
    const nodes = draft.nodes.map((n) => (n.id === 'coupon' ? { ...n, config: { ...(n.config as object), validityDays: 21 } } : n));
    nodes.push({ id: 'tag', kind: 'update_tags', label: 'Tag', position: { x: 180, y: 560 }, config: { action: 'add', tags: ['nudged'] } } as NodeDef);
    const edges = draft.edges
      .filter((e) => e.target !== 'end')
      .concat({ id: 'e_coupon_tag', source: 'coupon', sourceHandle: 'next', target: 'tag' }, { id: 'e_tag_end', source: 'tag', sourceHandle: 'next', target: 'end' });
    await json(server, `/api/v1/workflows/${id}/draft`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ definition: { ...draft, settings: { ...draft.settings, entry: 'once_at_a_time' }, nodes, edges } }),
    });
    const data = await userData(server);
    await inChinese(page);
    await page.goto(`/workflows/${id}`);
    await page.locator('.react-flow__node').nth(4).waitFor();
    await page.getByTestId('publish').click();
    await page.getByTestId('publish-dialog').waitFor();
    await page.getByTestId('publish-diff').waitFor();
    await settle(page, 'publish-dialog');
    await collectEnglish(page, 'publish dialog', findings, data);
    await shoot(page, 'zh-all-23-publish');
    noEnglish(findings);
  });

  test('the dashboard with its holdout, failures and audit entries', async ({ page, server, shoot }) => {
    const findings: Finding[] = [];
    const data = await userData(server);
    await inChinese(page);
    const seeded = (await workflows(server)).find((w) => w.name === SEEDED)!;
    await page.goto(`/workflows/${seeded.id}/dashboard`);
    await settle(page, 'dashboard-page');
    // Pausing and resuming leaves audit entries to read.
    for (const action of ['pause', 'resume']) {
      await page.getByTestId(`control-${action}`).click();
      await collectEnglish(page, `confirm ${action}`, findings, data);
      await page.getByTestId('confirm-button').click();
      await page.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
    }
    await expect.poll(() => page.getByTestId('audit-row').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await collectEnglish(page, 'dashboard', findings, data);
    await shoot(page, 'zh-all-30-dashboard');
    noEnglish(findings);
  });

  test('members, and a member with a journey, effects, points and coupons', async ({ page, server, shoot }) => {
    const findings: Finding[] = [];
    await inChinese(page);
    // The welcome pack sends, tags nothing yet, issues a coupon and waits: effects and a trace to read.
    const welcome = (await workflows(server)).find((w) => w.name === 'New-member welcome pack')!;
    await json(server, `/api/v1/workflows/${welcome.id}/publish`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const member = 'zh-member-1';
    await postEvent(server, 'signup', member, {});
    await postEvent(server, 'purchase', member, { amount: 120 });
    const data = await userData(server);

    await page.goto('/members');
    await settle(page, 'members-page');
    await collectEnglish(page, 'members', findings, data);
    await shoot(page, 'zh-all-40-members');

    await page.goto(`/members/${member}`);
    await settle(page, 'member-page');
    await expect.poll(() => page.getByTestId('journey-status').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    await collectEnglish(page, 'member page', findings, data);
    await shoot(page, 'zh-all-41-member');
    noEnglish(findings);
  }, 120_000);

  test('the back office, insights, health, users and a page that does not exist', async ({ page, server, shoot }) => {
    const findings: Finding[] = [];
    const data = await userData(server);
    await inChinese(page);
    for (const name of BACK_OFFICE_PAGES) {
      await page.goto(`/${name}`);
      await settle(page, `${name}-page`);
      await collectEnglish(page, name, findings, data);
      await shoot(page, `zh-all-50-${name}`);
    }
    for (const [path, testId] of [['/health', 'health-page'], ['/admin', 'admin-page']] as const) {
      await page.goto(path);
      await settle(page, testId);
      await collectEnglish(page, path, findings, data);
      await shoot(page, `zh-all-60${path.replace('/', '-')}`);
    }
    await page.goto('/no-such-page');
    await page.locator('h1').waitFor();
    await collectEnglish(page, 'not found', findings, data);
    noEnglish(findings);
  }, 120_000);

  test('the sign-in page', async ({ pageAs, shoot }) => {
    const findings: Finding[] = [];
    const page = await pageAs('nobody');
    await inChinese(page);
    await page.goto('/');
    await settle(page, 'sign-in-page');
    await collectEnglish(page, 'sign-in', findings);
    await shoot(page, 'zh-all-70-sign-in');
    noEnglish(findings);
  });
});
