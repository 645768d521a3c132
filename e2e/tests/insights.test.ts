import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import type { RunningServer } from '../fixtures/server.ts';
import { join } from 'node:path';
import { artifactsDir } from '../fixtures/paths.ts';
import { expect, test } from '../fixtures/test.ts';

/**
 * Segments, RFM and Analytics on the seeded demo (2,357 CDNOW customers, RFM scored at start):
 * a marketer builds "at-risk RFM who spent over 200" with a live count, saves it and picks it in
 * a workflow; the RFM grid and the cohort heatmap show the demo; an analyst sees all of it
 * read-only. Screenshots in English and Chinese go to e2e/artifacts (9x-*.png).
 */
const SEGMENT = 'At-risk RFM who spent over 200';
const KEY = 'at-risk-rfm-who-spent-over-200';
const atRiskOver200 = {
  type: 'group',
  combinator: 'and',
  rules: [
    { type: 'field', field: 'member.rfm.segment', op: 'eq', value: 'at_risk' },
    { type: 'field', field: 'member.totalSpent', op: 'gt', value: 200 },
  ],
};

async function countOf(server: RunningServer, condition: unknown): Promise<number> {
  const res = await server.fetch('/api/v1/segments/evaluate', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ condition, limit: 0 }) });
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { count: number }).count;
}

/** RFM is scored in the background when the server starts; wait for it, as a newcomer would see it. */
async function rfmScored(server: RunningServer) {
  await expect
    .poll(async () => ((await (await server.fetch('/api/v1/rfm/grid')).json()) as { computedAt: string | null }).computedAt, { timeout: 30_000, interval: 500 })
    .not.toBeNull();
}

/** The whole page: these pages run longer than the window, and the app scrolls inside its main area, so the window grows to fit. */
async function shootFull(page: Page, name: string) {
  const height = await page.evaluate(() => document.querySelector('.app-main')!.scrollHeight + document.querySelector('.app-main')!.getBoundingClientRect().top);
  const before = page.viewportSize()!;
  await page.setViewportSize({ width: before.width, height: Math.ceil(Math.max(before.height, height)) });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`) });
  await page.setViewportSize(before);
}

const inChinese = (page: Page) => page.addInitScript(() => window.localStorage.setItem('memberflow.locale', 'zh-CN'));

describe('segments, RFM and analytics', () => {
  test('a marketer builds "at-risk RFM who spent over 200" with a live count, saves it and picks it in a workflow', async ({ pageAs, server, shoot }) => {
    await rfmScored(server);
    const atRisk = await countOf(server, { ...atRiskOver200, rules: atRiskOver200.rules.slice(0, 1) });
    const expected = await countOf(server, atRiskOver200);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(atRisk);

    const page = await pageAs('marketer');
    await page.goto('/segments');
    await page.getByTestId('segments-page').waitFor();
    await page.getByTestId('segment-new').click();
    await page.getByLabel('Name', { exact: true }).fill(SEGMENT);
    expect(await page.getByLabel('Key', { exact: true }).inputValue()).toBe(KEY);

    // The first rule starts as "RFM segment is at_risk"; the count follows every edit.
    const editor = page.getByTestId('segment-editor');
    expect(await editor.getByLabel('Rule 1 field').inputValue()).toBe('member.rfm.segment');
    await expect.poll(() => page.getByTestId('live-count').textContent(), { timeout: 10_000 }).toBe(atRisk.toLocaleString('en'));
    await editor.getByRole('button', { name: 'Rule', exact: true }).click();
    await editor.getByLabel('Rule 2 field').selectOption('member.totalSpent');
    await editor.getByLabel('Rule 2 comparison').selectOption('gt');
    await editor.getByLabel('Rule 2 value').fill('200');
    await expect.poll(() => page.getByTestId('live-count').textContent(), { timeout: 10_000 }).toBe(expected.toLocaleString('en'));
    await page.getByTestId('live-count-status').filter({ hasText: 'Counted just now' }).waitFor();
    const why = await page.getByTestId('preview-row').first().textContent();
    expect(why).toContain('RFM segment is At risk: At risk');
    expect(why).toMatch(/Total spent > 200: \d+(\.\d+)?/);
    // The runner's own words stay a hover away.
    expect(await page.getByTestId('preview-row').first().locator('td').nth(1).getAttribute('title')).toContain('member.rfm.segment = "at_risk" (is "at_risk"): yes');
    await shootFull(page, '90-segment-live-count');

    await page.getByTestId('segment-save').click();
    await page.getByTestId('notice').filter({ hasText: `${expected} members are in it now` }).waitFor();
    // The form stays as it was, live count included: saving does not start it over.
    expect(await page.getByTestId('live-count').textContent()).toBe(expected.toLocaleString('en'));
    const members = page.getByTestId('segment-members');
    await expect.poll(() => members.getByTestId('member-row').count(), { timeout: 10_000 }).toBe(Math.min(25, expected));
    expect(await page.getByTestId('segment-csv').getAttribute('href')).toBe(`/api/v1/segments/${KEY}/members.csv`);
    expect(await page.getByTestId('segment-item').filter({ hasText: SEGMENT }).textContent()).toContain(`${expected} members`);
    await shootFull(page, '91-segment-saved');

    // The same page in Chinese, the saved segment open with its live count.
    const zh = await pageAs('marketer');
    await inChinese(zh);
    await zh.goto('/segments');
    await zh.getByTestId('segment-item').filter({ hasText: SEGMENT }).click();
    await expect.poll(() => zh.getByTestId('live-count').textContent(), { timeout: 10_000 }).toBe(expected.toLocaleString('zh-CN'));
    await zh.getByTestId('segment-members').getByTestId('member-row').first().waitFor();
    expect(await zh.getByTestId('segment-members').textContent()).toContain('流失风险');
    expect(await zh.getByTestId('preview-row').first().textContent()).toContain('RFM 分组 等于 流失风险：流失风险');
    expect(await zh.getByTestId('segment-editor').getByRole('radio', { name: '全部（且）' }).getAttribute('aria-checked')).toBe('true');
    await shootFull(zh, '92-segments-zh');

    // A refused save names the field, in Chinese: a Chinese name suggests no key, and an empty key is not one.
    await zh.getByTestId('segment-new').click();
    await zh.getByLabel('名称', { exact: true }).fill('流失预警');
    expect(await zh.getByLabel('标识', { exact: true }).inputValue()).toBe('');
    await zh.getByTestId('segment-save').click();
    await zh.getByTestId('segment-problem').filter({ hasText: '未保存：请修正标红的字段。' }).waitFor();
    expect(await zh.locator('#segment-key').getAttribute('aria-invalid')).toBe('true');
    await zh.getByText('请使用 1–64 个小写字母').waitFor();

    // A workflow starts on it: the segment trigger's picker offers it by name and count.
    await page.goto('/');
    await page.getByRole('button', { name: 'New workflow' }).click();
    await page.getByRole('radio', { name: /Blank workflow/ }).check();
    await page.getByLabel('Name').fill('Win back big spenders at risk');
    await page.getByRole('button', { name: 'Create workflow' }).click();
    await page.getByTestId('canvas').waitFor();
    const workflowId = new URL(page.url()).pathname.split('/')[2]!;
    // The blank workflow starts on an event trigger: this one starts on the segment instead.
    await page.getByTestId('node-trigger').click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(0);
    await page.getByTestId('palette-segment_trigger').click();
    const keyInput = page.locator('[id$="-segmentKey"]');
    await keyInput.waitFor();
    const options = await page.locator(`datalist#${await keyInput.getAttribute('id')}-suggestions option`).evaluateAll((os) => os.map((o) => `${(o as HTMLOptionElement).value}|${(o as HTMLOptionElement).label}`));
    expect(options).toContain(`${KEY}|${SEGMENT} · ${expected} members`);
    expect(await page.getByTestId('open-segments').getAttribute('href')).toBe('/segments');
    await keyInput.fill(KEY);
    await page.getByText(`${SEGMENT} · ${expected} members`).waitFor();
    // The saved segment decides who enters: the step's own condition gives way.
    await page.getByTestId('segment-replaces-condition').waitFor();
    await page.getByTestId('save-state').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 15_000 });
    await shoot(page, '93-segment-in-workflow');
    const wf = (await (await server.fetch(`/api/v1/workflows/${workflowId}`)).json()) as { draft: { nodes: { kind: string; config: { segmentKey?: string } }[] } };
    expect(wf.draft.nodes.find((n) => n.kind === 'segment_trigger')?.config.segmentKey).toBe(KEY);
  });

  test('the RFM grid of the seeded demo: ten groups, shares of members and revenue, members behind a group, recompute with progress', async ({ pageAs, server }) => {
    await rfmScored(server);
    const page = await pageAs('marketer');
    await page.goto('/rfm');
    await page.getByTestId('rfm-grid').waitFor();
    expect(await page.locator('.rfm-cell').count()).toBe(25);
    expect(await page.getByTestId('rfm-groups').locator('tbody tr').count()).toBe(10);
    expect(await page.getByTestId('rfm-group-at_risk').textContent()).toContain('At risk');
    expect(await page.getByTestId('rfm-group-potential_loyalist').textContent()).toContain('Potential loyalists');
    await page.getByTestId('rfm-share-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByTestId('rfm-group-at_risk').click();
    const members = page.getByTestId('rfm-members');
    await members.getByTestId('member-row').first().waitFor();
    expect(await members.getByTestId('member-row').first().textContent()).toContain('At risk');
    await shootFull(page, '94-rfm-grid');

    // A group becomes a segment in one step: the Segments page starts a new one from it, counted live.
    const atRisk = await countOf(server, { type: 'group', combinator: 'and', rules: [{ type: 'field', field: 'member.rfm.segment', op: 'eq', value: 'at_risk' }] });
    await members.getByTestId('rfm-save-segment').click();
    await page.getByTestId('segment-editor').waitFor();
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('At risk');
    expect(await page.getByLabel('Key', { exact: true }).inputValue()).toBe('rfm-at-risk');
    await expect.poll(() => page.getByTestId('live-count').textContent(), { timeout: 10_000 }).toBe(atRisk.toLocaleString('en'));
    await page.goto('/rfm');
    await page.getByTestId('rfm-grid').waitFor();

    await page.getByTestId('rfm-recompute').click();
    await page.getByTestId('rfm-recomputed').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('rfm-recomputed').textContent()).toMatch(/Rescored [\d,]+ members/);

    await inChinese(page);
    await page.goto('/rfm');
    await page.getByTestId('rfm-grid').waitFor();
    expect(await page.getByTestId('rfm-group-at_risk').textContent()).toContain('流失风险');
    await page.getByTestId('rfm-cell-5-5').click();
    await page.getByTestId('rfm-members').waitFor();
    await shootFull(page, '95-rfm-grid-zh');
  });

  test('analytics on the seeded demo: cohort heatmap, churn curve, value by cohort and the churn warning', async ({ pageAs }) => {
    const page = await pageAs('marketer');
    await page.goto('/analytics');
    const heatmap = page.getByTestId('cohort-heatmap');
    await heatmap.waitFor({ timeout: 15_000 });
    expect(await heatmap.getByTestId('cohort-row').count()).toBeGreaterThanOrEqual(3);
    expect(await heatmap.getByTestId('cohort-row').first().locator('td').nth(1).textContent()).toBe('100%');
    expect(await page.getByTestId('kpi-repeat').textContent()).toMatch(/Repeat-purchase rate\d+(\.\d)?%/);
    await page.getByTestId('churn-curve').locator('.recharts-line').first().waitFor();
    await page.getByTestId('clv-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByTestId('churn-risk-summary').waitFor();
    expect(await page.getByTestId('churn-risk-members').locator('tbody tr').count()).toBeGreaterThan(0);
    await shootFull(page, '96-analytics');

    // A chosen period: the first quarter of 1997 only; a backwards one is refused on the page.
    await page.getByTestId('period-picker').getByRole('radio', { name: 'Choose dates' }).click();
    await page.getByLabel('From', { exact: true }).fill('1997-04-01');
    await page.getByLabel('Until (not included)').fill('1997-01-01');
    await page.getByTestId('period-problem').filter({ hasText: 'The end date must come after the start date.' }).waitFor();
    await page.getByLabel('From', { exact: true }).fill('1997-01-01');
    await page.getByLabel('Until (not included)').fill('1997-04-01');
    await expect.poll(() => page.getByTestId('analytics-period').textContent(), { timeout: 10_000 }).toContain('Jan 1, 1997 – Mar 31, 1997');
    expect(await page.getByTestId('period-problem').count()).toBe(0);
    expect(await page.getByTestId('cohort-row').first().locator('td').count()).toBe(1 + 3);

    await inChinese(page);
    await page.goto('/analytics');
    await page.getByTestId('cohort-heatmap').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('kpi-repeat').textContent()).toContain('复购率');
    await shootFull(page, '97-analytics-zh');
  });

  test('an analyst sees segments, RFM and analytics read-only, and is refused changes', async ({ pageAs, server }) => {
    const page = await pageAs('analyst');
    await page.goto('/segments');
    await page.getByTestId('segments-page').waitFor();
    await page.getByTestId('read-only-badge').waitFor();
    expect(await page.getByTestId('segment-new').count()).toBe(0);
    await page.getByTestId('segment-summary').waitFor();
    expect(await page.getByTestId('segment-rule').textContent()).toBe('RFM segment is At risk and Total spent > 200');
    expect(await page.getByTestId('segment-save').count()).toBe(0);
    expect(await page.getByTestId('live-count-panel').count()).toBe(0);
    await page.getByTestId('segment-members').getByTestId('member-row').first().waitFor();
    await shootFull(page, '98-analyst-segments');

    await page.goto('/rfm');
    await page.getByTestId('rfm-grid').waitFor();
    await page.getByTestId('read-only-badge').waitFor();
    expect(await page.getByTestId('rfm-recompute').count()).toBe(0);
    await page.getByTestId('rfm-group-lost').click();
    await page.getByTestId('rfm-members').getByTestId('member-row').first().waitFor();
    expect(await page.getByTestId('rfm-save-segment').count()).toBe(0);
    await shootFull(page, '99-analyst-rfm');
    await page.goto('/analytics');
    await page.getByTestId('cohort-heatmap').waitFor({ timeout: 15_000 });

    const statuses = await page.evaluate(async (condition) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const headers = { 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' };
      const evaluate = await fetch('/api/v1/segments/evaluate', { method: 'POST', headers, body: JSON.stringify({ condition }) });
      const recompute = await fetch('/api/v1/rfm/recompute', { method: 'POST', headers });
      const csv = await fetch('/api/v1/segments/at-risk-rfm-who-spent-over-200/members.csv');
      return [evaluate.status, recompute.status, csv.status];
    }, atRiskOver200);
    expect(statuses).toEqual([403, 403, 200]);
    expect(server.people.analyst.email).toContain('analyst');
  });

  test('a marketer deletes the segment after confirming', async ({ pageAs }) => {
    const page = await pageAs('marketer');
    await page.goto('/segments');
    await page.getByTestId('segment-item').filter({ hasText: SEGMENT }).click();
    await page.getByTestId('segment-delete').click();
    const dialog = page.getByTestId('confirm-dialog');
    expect(await dialog.textContent()).toContain(`Workflows that name “${SEGMENT}” will find no members in it.`);
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('No saved segments yet.').waitFor();
    expect(await page.getByTestId('segment-editor').count()).toBe(0);
  });
});
