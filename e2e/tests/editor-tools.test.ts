import type { Locator, Page } from 'playwright-core';
import { describe } from 'vitest';
import { expect, test } from '../fixtures/test.ts';
import type { RunningServer } from '../fixtures/server.ts';

const SEEDED = 'Second-purchase nudge';
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

let made = 0;

/**
 * A fresh copy of the nudge recipe per test, so one test's autosaved edits never leak into the
 * next; `publish` makes version 1 live first.
 */
async function openNudge(page: Page, server: RunningServer, publish = false): Promise<string> {
  const res = await server.fetch(`/api/v1/workflows`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `${SEEDED} ${++made}`, templateKey: 'second-purchase-nudge' }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  if (publish) {
    const pub = await server.fetch(`/api/v1/workflows/${id}/publish`, { method: 'POST' });
    expect(pub.status, await pub.clone().text()).toBeLessThan(300);
  }
  await page.goto(`/workflows/${id}`);
  await page.locator('.react-flow__node').nth(4).waitFor();
  return id;
}

const nodeCount = (page: Page) => page.locator('.react-flow__node').count();
const edgeCount = (page: Page) => page.locator('.react-flow__edge').count();

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element is not visible');
  return b;
}

describe('editor tools', () => {
  test('undoes and redoes adding a step, from the toolbar and the keyboard', async ({ page, server }) => {
    await openNudge(page, server);
    expect(await page.getByTestId('undo').isDisabled()).toBe(true);
    await page.getByTestId('palette-exit').click();
    await expect.poll(() => nodeCount(page)).toBe(6);
    await page.getByTestId('node-exit_1').waitFor();

    await page.getByTestId('undo').click();
    await expect.poll(() => nodeCount(page)).toBe(5);
    expect(await page.getByTestId('redo').isDisabled()).toBe(false);
    await page.keyboard.press(`${mod}+Shift+Z`);
    await expect.poll(() => nodeCount(page)).toBe(6);
    await page.keyboard.press(`${mod}+Z`);
    await expect.poll(() => nodeCount(page)).toBe(5);
    await page.keyboard.press(`${mod}+Y`);
    await expect.poll(() => nodeCount(page)).toBe(6);
    await page.getByTestId('undo').click();
    await expect.poll(() => nodeCount(page)).toBe(5);
    // Back at the loaded state: nothing left to save.
    await page.getByTestId('save-state').filter({ hasText: 'All changes saved' }).waitFor();
  });

  test('multi-selects with shift-click, copies, pastes with fresh ids and deletes the selection', async ({ page, server, screenshot }) => {
    await openNudge(page, server);
    await page.getByTestId('node-coupon').click();
    await page.getByTestId('node-end').click({ modifiers: ['Shift'] });
    await page.getByTestId('selection-panel').getByText('2 steps selected').waitFor();

    await page.keyboard.press(`${mod}+C`);
    await page.keyboard.press(`${mod}+V`);
    await expect.poll(() => nodeCount(page)).toBe(7);
    await page.getByTestId('node-issue_coupon_1').waitFor();
    await page.getByTestId('node-exit_1').waitFor();
    // The connection between the two copied steps comes along; the one into the coupon does not.
    await expect.poll(() => edgeCount(page)).toBe(5);
    await page.getByTestId('selection-panel').getByText('2 steps selected').waitFor();
    const original = await box(page.getByTestId('node-coupon'));
    const copy = await box(page.getByTestId('node-issue_coupon_1'));
    expect(copy.x).toBeGreaterThan(original.x);
    expect(copy.y).toBeGreaterThan(original.y);
    await screenshot('30-copy-paste');

    await page.getByTestId('delete-selection').click();
    await expect.poll(() => nodeCount(page)).toBe(5);
    expect(await edgeCount(page)).toBe(4);
    await page.keyboard.press(`${mod}+Z`);
    await expect.poll(() => nodeCount(page)).toBe(7);
    await page.keyboard.press(`${mod}+Z`);
    await expect.poll(() => nodeCount(page)).toBe(5);

    // The copied steps paste into another workflow too.
    await openNudge(page, server);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(`${mod}+V`);
    await expect.poll(() => nodeCount(page)).toBe(7);
    await page.getByTestId('node-issue_coupon_1').waitFor();

    // Shortcut help.
    await page.keyboard.press('?');
    await page.getByTestId('shortcuts-dialog').getByText('Copy the selected steps').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('shortcuts-dialog').count()).toBe(0);
  });

  test('selects with a shift-drag box and deletes with the keyboard', async ({ page, server }) => {
    await openNudge(page, server);
    const a = await box(page.getByTestId('node-converted'));
    const b = await box(page.getByTestId('node-end'));
    await page.keyboard.down('Shift');
    await page.mouse.move(Math.min(a.x, b.x) - 30, Math.min(a.y, b.y) - 30);
    await page.mouse.down();
    await page.mouse.move(Math.max(a.x + a.width, b.x + b.width) + 30, Math.max(a.y + a.height, b.y + b.height) + 30, { steps: 10 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await page.getByTestId('selection-panel').waitFor();
    await page.keyboard.press('Delete');
    await expect.poll(() => nodeCount(page)).toBeLessThan(5);
    await page.keyboard.press(`${mod}+Z`);
    await expect.poll(() => nodeCount(page)).toBe(5);
  });

  test('tidies the layout top-down and zooms to fit', async ({ page, server, screenshot }) => {
    await openNudge(page, server);
    // A loose step dropped on top of the others, to give the layout something to do.
    await page.getByTestId('palette-create_task').click();
    await expect.poll(() => nodeCount(page)).toBe(6);
    await page.getByTestId('auto-layout').click();
    const at = async (id: string) => box(page.getByTestId(`node-${id}`));
    const middle = (b: { y: number; height: number }) => b.y + b.height / 2;
    // The layout engine is fetched on the first Tidy up: wait until the loose task has joined the top row
    // (a row's steps share their middle line), then for the zoom to fit to settle.
    await expect
      .poll(async () => {
        const [t, k] = await Promise.all([at('trigger'), at('create_task_1')]);
        return Math.abs(middle(t) - middle(k));
      })
      .toBeLessThan(2);
    await page.waitForTimeout(500);
    const [trigger, wait, converted, coupon, end, task] = await Promise.all(
      ['trigger', 'wait_second', 'converted', 'coupon', 'end', 'create_task_1'].map(at),
    );
    expect(trigger!.y).toBeLessThan(wait!.y);
    expect(wait!.y).toBeLessThan(coupon!.y);
    expect(coupon!.y).toBeLessThan(end!.y);
    expect(Math.abs(converted!.y - coupon!.y)).toBeLessThan(2);
    // "On purchase" is the wait's left output, so its branch goes left.
    expect(converted!.x).toBeLessThan(coupon!.x);
    // The loose task sits in the top row next to the trigger, not on top of anything.
    expect(Math.abs(middle(task!) - middle(trigger!))).toBeLessThan(2);
    expect(task!.x + task!.width <= trigger!.x || trigger!.x + trigger!.width <= task!.x).toBe(true);
    const canvas = await box(page.getByTestId('canvas'));
    for (const n of [trigger!, end!, task!, converted!, coupon!]) {
      expect(n.x).toBeGreaterThanOrEqual(canvas.x);
      expect(n.x + n.width).toBeLessThanOrEqual(canvas.x + canvas.width);
      expect(n.y + n.height).toBeLessThanOrEqual(canvas.y + canvas.height);
    }
    await screenshot('31-auto-layout');

    // Zoom far in, then frame everything again.
    await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -300);
    await page.waitForTimeout(300);
    const zoomed = await at('end');
    expect(zoomed.width).toBeGreaterThan(end!.width * 1.3);
    await page.getByTestId('zoom-fit').click();
    await page.waitForTimeout(400);
    const endAfter = await at('end');
    expect(endAfter.y + endAfter.height).toBeLessThanOrEqual(canvas.y + canvas.height);
    expect(Math.abs(endAfter.width - end!.width)).toBeLessThan(3);
    await page.getByTestId('undo').click();
    await page.getByTestId('undo').click();
    await expect.poll(() => nodeCount(page)).toBe(5);
  });

  test('autosaves a change that survives a reload, then shows it in the publish diff and history', async ({ page, server, screenshot }) => {
    await openNudge(page, server, true);
    await page.getByTestId('node-coupon').click();
    await page.locator('#node-coupon-label').fill('Come-back coupon (autosaved)');
    await page.getByTestId('save-state').filter({ hasText: 'Unsaved changes' }).waitFor();
    await page.getByTestId('save-state').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 10_000 });
    await page.reload();
    await page.getByTestId('node-coupon').waitFor();
    expect(await page.getByTestId('node-coupon').textContent()).toContain('Come-back coupon (autosaved)');

    await page.getByTestId('publish').click();
    const dialog = page.getByTestId('publish-dialog');
    await dialog.getByTestId('publish-diff').waitFor();
    expect(await dialog.getByTestId('diff-changed').textContent()).toContain('Come-back coupon (autosaved) (Issue coupon): name “Come-back coupon” → “Come-back coupon (autosaved)”');
    expect(await dialog.getByTestId('publish-members').textContent()).toMatch(/^\d+ members? (is|are) in version 1 now/);
    await screenshot('32-publish-diff');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByTestId('publish-dialog').count()).toBe(0);

    await page.getByTestId('history').click();
    await page.getByTestId('view-version-1').click();
    await page.getByTestId('version-banner').waitFor();
    expect(await page.getByTestId('node-coupon').textContent()).not.toContain('autosaved');
    expect(await page.getByTestId('palette-exit').count()).toBe(0);
    await screenshot('33-version-view');
    await page.getByTestId('back-to-draft').click();
    await expect.poll(() => page.getByTestId('node-coupon').textContent()).toContain('autosaved');
  });

  test('does not autosave a malformed draft', async ({ page, server }) => {
    await openNudge(page, server);
    await page.locator('#workflow-entry').selectOption('cooldown');
    await page.locator('#workflow-cooldownDays').fill('');
    await page.getByTestId('save-state').filter({ hasText: 'Not saved' }).waitFor();
    await page.waitForTimeout(2500);
    expect(await page.getByTestId('save-state').textContent()).toContain('Not saved');
    await page.locator('#workflow-cooldownDays').fill('30');
    await page.getByTestId('save-state').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 10_000 });
  });

  test('backtests the seeded nudge over the last 365 days and shows counts on the steps', async ({ page, screenshot }) => {
    await page.goto('/');
    await page.getByRole('link', { name: SEEDED, exact: true }).click();
    await page.locator('.react-flow__node').nth(4).waitFor();
    await page.getByTestId('backtest').click();
    await page.getByTestId('backtest-days').fill('0');
    expect(await page.getByTestId('backtest-run').isDisabled()).toBe(true);
    await page.getByTestId('backtest-days').fill('365');
    await page.getByTestId('backtest-run').click();
    await page.getByTestId('backtest-result').waitFor({ timeout: 90_000 });
    const members = Number((await page.getByTestId('backtest-members').textContent())!.replace(/,/g, ''));
    expect(members).toBeGreaterThan(0);
    const entered = Number((await page.getByTestId('backtest-count-trigger').textContent())!.replace(/,/g, ''));
    expect(entered).toBeGreaterThan(0);
    await page.getByTestId('backtest-count-coupon').waitFor();
    await screenshot('34-backtest');
    await page.getByTestId('backtest-close').click();
    await expect.poll(() => page.getByTestId('backtest-count-trigger').count()).toBe(0);
  }, 120_000);

  test('switches the canvas chrome to Chinese and remembers the choice', async ({ page, server, screenshot }) => {
    await openNudge(page, server);
    await page.getByTestId('language-zh-CN').click();
    await page.getByText('添加步骤').waitFor();
    expect(await page.getByTestId('publish').textContent()).toBe('发布');
    expect(await page.getByTestId('palette-issue_coupon').textContent()).toContain('发放优惠券');
    expect(await page.getByTestId('palette-issue_coupon').getAttribute('title')).toContain('唯一券码');
    expect(await page.getByTestId('node-coupon').textContent()).toContain('发放优惠券');
    expect(await page.getByTestId('problems').textContent()).toContain('没有问题');
    expect(await page.getByTestId('auto-layout').textContent()).toContain('整理布局');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.getByTestId('auto-layout').click();
    await page.waitForTimeout(500);
    await screenshot('35-canvas-zh');

    await page.reload();
    await page.getByText('添加步骤').waitFor();
    await page.getByTestId('language-en').click();
    await page.getByText('Add to workflow').waitFor();
  });
});
