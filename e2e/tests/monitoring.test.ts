import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { artifactsDir } from '../fixtures/paths.ts';
import { expect, test } from '../fixtures/test.ts';
import type { RunningServer } from '../fixtures/server.ts';

const SEEDED = 'Second-purchase nudge';
// New members: the nudge takes first purchases only, so seeded CDNOW members (with orders) would not enter.
const MEMBERS = ['mon-1', 'mon-2', 'mon-3', 'mon-4'];

async function postEvent(server: RunningServer, memberId: string, amount: number) {
  const res = await server.fetch(`/api/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'purchase', memberId, properties: { amount } }),
  });
  expect(res.status, await res.clone().text()).toBe(202);
}

/**
 * The whole page: the app scrolls inside .app-main, not the document, so `fullPage` would
 * stop at the viewport; grow the viewport to the content for the shot instead.
 */
async function fullShot(page: Page, name: string) {
  const height = await page.evaluate(() => document.querySelector('.app-header')!.clientHeight + document.querySelector('.app-main')!.scrollHeight);
  await page.setViewportSize({ width: 1440, height: Math.max(900, height) });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`) });
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function openDashboard(page: Page) {
  await page.goto('/');
  await page.getByTestId('workflow-row').filter({ hasText: SEEDED }).getByTestId('dashboard-link').click();
  await page.getByTestId('dashboard-page').waitFor();
  await expect.poll(() => page.getByTestId('live-indicator').textContent(), { timeout: 10_000 }).toBe('Live');
}

describe('monitoring', () => {
  test('the dashboard counts members entering live, without a reload', async ({ page, server }) => {
    await openDashboard(page);
    expect(page.url()).toMatch(/\/workflows\/[^/]+\/dashboard$/);
    expect(await page.getByTestId('dashboard-title').textContent()).toBe(SEEDED);
    const waiting = page.getByTestId('kpi-waiting-value');
    await expect.poll(() => waiting.textContent(), { timeout: 10_000 }).toBe('0');
    expect(await page.getByTestId('holdout-none').isVisible()).toBe(true);
    // A full navigation would drop this marker.
    await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));

    for (const [i, id] of MEMBERS.entries()) await postEvent(server, id, 20 + i * 5);
    await expect.poll(() => waiting.textContent(), { timeout: 20_000, interval: 500 }).toBe(String(MEMBERS.length));
    await expect.poll(() => page.getByTestId('node-current-wait_second').textContent(), { timeout: 10_000 }).toBe(String(MEMBERS.length));
    await expect.poll(() => page.getByTestId('kpi-entered-value').textContent(), { timeout: 10_000 }).toBe(String(MEMBERS.length));

    // A second purchase is the goal: the member converts and its revenue is counted.
    await postEvent(server, MEMBERS[0]!, 42);
    await expect.poll(() => page.getByTestId('kpi-converted-value').textContent(), { timeout: 20_000, interval: 500 }).toBe('1');
    await expect.poll(() => waiting.textContent(), { timeout: 10_000 }).toBe(String(MEMBERS.length - 1));
    expect(await page.getByTestId('node-entered-converted').textContent()).toBe('1');
    expect(await page.getByTestId('kpi-revenue-value').textContent()).toBe('42');
    expect(await page.getByTestId('chart-day').count()).toBe(31);
    expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);

    // Exports link to the CSV endpoints, the member export scoped to the chosen node.
    await page.getByTestId('export-node').selectOption('wait_second');
    const href = await page.getByTestId('export-members').getAttribute('href');
    expect(href).toMatch(/\/export\/members\.csv\?node=wait_second$/);
    const csv = await (await server.fetch(`${href}`)).text();
    expect(csv.trim().split('\n')).toHaveLength(MEMBERS.length);
    expect(await page.getByTestId('no-failures').isVisible()).toBe(true);
    await fullShot(page, '30-dashboard');
  });

  test('pause and resume ask first and are audited', async ({ page }) => {
    await openDashboard(page);
    await page.getByTestId('control-stop').click();
    const dialog = page.getByTestId('confirm-dialog');
    expect(await dialog.textContent()).toContain(`Stop exits ${MEMBERS.length - 1} member(s) now`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('control-pause').click();
    expect(await dialog.textContent()).toContain('No new members will enter');
    await screenshotDialog(page, '31-pause-confirm');
    await page.getByTestId('confirm-button').click();
    await expect.poll(() => page.getByTestId('status-badge').textContent(), { timeout: 10_000 }).toBe('Paused');
    const audit = page.getByTestId('audit-row').first();
    await expect.poll(() => audit.textContent(), { timeout: 10_000 }).toContain('admin@e2e.example paused the workflow');

    await page.getByTestId('control-resume').click();
    await page.getByTestId('confirm-button').click();
    await expect.poll(() => page.getByTestId('status-badge').textContent(), { timeout: 10_000 }).toBe('Active');
    await expect.poll(() => audit.textContent(), { timeout: 10_000 }).toContain('admin@e2e.example resumed the workflow');
    expect(await page.getByTestId('audit-row').nth(1).textContent()).toContain('admin@e2e.example paused the workflow');
  });

  test('a member trace says why the member entered, and why not', async ({ page, server }) => {
    // A member in Shanghai: the trace shows each step in UTC and in the member's own time.
    const put = await server.fetch(`/api/v1/members/${MEMBERS[1]}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ timeZone: 'Asia/Shanghai' }) });
    expect(put.status, await put.clone().text()).toBe(200);
    await page.goto('/');
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByTestId('members-page').waitFor();
    await page.getByTestId('member-search').fill(MEMBERS[1]!);
    const result = page.getByTestId('member-result');
    await expect.poll(() => result.count(), { timeout: 10_000 }).toBe(1);
    await result.getByRole('link', { name: MEMBERS[1]! }).click();

    await page.getByTestId('member-page').waitFor();
    expect(await page.getByTestId('member-title').textContent()).toContain(MEMBERS[1]);
    expect(await page.getByTestId('member-profile').textContent()).toContain('RFM group');
    expect(await page.getByTestId('member-zone').textContent()).toContain('Asia/Shanghai (UTC+08:00)');
    const reason = page.getByTestId('step-reason').first();
    await reason.waitFor();
    expect(await reason.textContent()).toContain('Entered: purchase matched the trigger "First purchase"');
    expect(await page.getByTestId('journey-status').first().textContent()).toBe('waiting');
    const [utc, local] = await page.getByTestId('journey-step').first().locator('td').allTextContents();
    expect(Date.parse(`${local!.replace(' ', 'T')}Z`) - Date.parse(`${utc!.replace(' ', 'T')}Z`)).toBe(8 * 3600_000);
    // The other workflows are drafts: the panel says so instead of guessing.
    await expect.poll(() => page.getByTestId('why-not').textContent(), { timeout: 10_000 }).toContain('not published');
    expect(await page.getByTestId('trace-csv').getAttribute('href')).toBe(`/api/v1/members/${MEMBERS[1]}/trace.csv`);
    await fullShot(page, '32-member-trace');
  });

  test('a member outside the live workflow gets the trigger, entry rule and why their purchases do not count', async ({ page }) => {
    // A seeded member who has bought nothing since the nudge went live.
    await page.goto('/members/cdnow-00060');
    await page.getByTestId('member-page').waitFor();
    const item = page.getByTestId('why-not-item').filter({ hasText: SEEDED });
    await item.waitFor();
    await expect.poll(() => item.textContent(), { timeout: 10_000 }).toContain('Once ever');
    const text = await item.textContent();
    expect(text).toContain('First purchase: on first purchase');
    expect(text).toMatch(/takes first purchases only, and this member already has \d+ orders?/);
    expect(await page.getByTestId('journeys').count()).toBe(0);
    await fullShot(page, '34-why-not-entered');
  });

  test('the health page shows the queues and links to /metrics', async ({ page, server, screenshot }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Health' }).click();
    await page.getByTestId('health-page').waitFor();
    const steps = page.getByTestId('queue-steps');
    await steps.waitFor();
    expect(await steps.locator('td').count()).toBe(7);
    expect(await page.getByTestId('journey-counts').textContent()).toMatch(/waiting\s*\d/);
    expect(await page.getByTestId('metrics-link').getAttribute('href')).toBe('/metrics');
    const metrics = await (await server.fetch(`/metrics`)).text();
    expect(metrics).toContain('memberflow_queue_jobs');
    expect(await page.locator('.app-header__link--current').textContent()).toBe('Health');
    await screenshot('33-health');
  });

  test('an event that keeps failing is set aside on the health page; an editor retries it after a fix, an analyst only sees it', async ({ page, pageAs, server, shoot }) => {
    // A CDNOW history puts the member at the edge of numeric(14,2): one more 100,000,000 purchase cannot be stored.
    const member = 'cdnow-99001';
    const importHistory = async (lines: string[]) => {
      const res = await server.fetch('/api/v1/imports/cdnow', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: `${lines.join('\n')}\n` });
      expect(res.status, await res.clone().text()).toBe(201);
    };
    await importHistory(Array.from({ length: 9999 }, () => '99001 19970101 1 100000000'));

    await page.goto('/health');
    await page.getByTestId('health-page').waitFor();
    const count = page.getByTestId('health-set-aside').locator('.kpi__value');
    await expect.poll(() => count.textContent(), { timeout: 10_000 }).toBe('0');
    // The count and the list come from separate requests: wait for the list too.
    await expect.poll(() => page.getByTestId('set-aside-empty').isVisible()).toBe(true);

    await postEvent(server, member, 100_000_000);
    // Three failed passes (BullMQ backoff 0.5 s, 1 s), then the page's 5-second refresh.
    const row = page.getByTestId('set-aside-row');
    await expect.poll(() => row.count(), { timeout: 25_000, interval: 500 }).toBe(1);
    await expect.poll(() => count.textContent(), { timeout: 10_000 }).toBe('1');
    expect(await row.getByTestId('set-aside-member').textContent()).toBe(member);
    expect(await row.getByTestId('set-aside-member').getAttribute('href')).toBe(`/members/${member}`);
    expect(await row.getByTestId('set-aside-type').textContent()).toBe('purchase');
    expect(await row.getByTestId('set-aside-attempts').textContent()).toBe('3');
    expect(await row.getByTestId('set-aside-error').textContent()).toMatch(/^numeric field overflow/);
    await page.getByTestId('set-aside-panel').scrollIntoViewIfNeeded();
    await shoot(page, '36-health-set-aside');

    // An analyst sees the same list, without Retry.
    const analyst = await pageAs('analyst');
    await analyst.goto('/health');
    await analyst.getByTestId('set-aside-row').waitFor();
    expect(await analyst.getByTestId('set-aside-retry').count()).toBe(0);
    expect(await analyst.getByTestId('set-aside-read-only').isVisible()).toBe(true);

    // The fix: the member's history imported again without the runaway total. Then the admin retries.
    await importHistory(['99001 19970101 1 10']);
    await row.getByTestId('set-aside-retry').click();
    await expect.poll(() => page.getByTestId('set-aside-note').textContent(), { timeout: 10_000 }).toMatch(/^Event #\d+ is back in the lane of cdnow-99001\.$/);
    await expect.poll(() => page.getByTestId('set-aside-empty').isVisible(), { timeout: 15_000, interval: 500 }).toBe(true);
    await expect.poll(() => count.textContent(), { timeout: 10_000 }).toBe('0');
    const applied = (await (await server.fetch(`/api/v1/members/${member}`)).json()) as { orderCount: number; totalSpent: number };
    expect(applied).toMatchObject({ orderCount: 2, totalSpent: 100_000_010 });
  });
});

async function screenshotDialog(page: Page, name: string) {
  await page.screenshot({ path: join(artifactsDir, `${name}.png`) });
}
