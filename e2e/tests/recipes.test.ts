import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { expect, test } from '../fixtures/test.ts';

async function openWorkflow(page: Page, name: string, nodes: number) {
  await page.goto('/');
  await page.getByRole('link', { name, exact: true }).click();
  // The canvas is a chunk of its own: on a busy machine it takes more than a poll's second.
  await page.locator('.react-flow__node').first().waitFor();
  await expect.poll(() => page.locator('.react-flow__node').count()).toBe(nodes);
}

async function deselect(page: Page) {
  await page.locator('.react-flow__pane').click({ position: { x: 12, y: 80 } });
  await page.getByTestId('workflow-settings').waitFor();
}

describe('recipes, node forms and simulation', () => {
  test('creates the churn win-back recipe from the dialog with working forms', async ({ page, screenshot }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'New workflow' }).click();
    await page.getByRole('radio', { name: /Churn early warning and win-back/ }).check();
    await page.getByLabel('Name').fill('E2E win-back');
    await screenshot('10-new-from-template');
    await page.getByRole('button', { name: 'Create workflow' }).click();
    await page.getByTestId('canvas').waitFor();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(9);
    expect(await page.getByTestId('problems').textContent()).toContain('No problems');
    expect(await page.getByTestId('node-trigger').textContent()).toContain('no purchase for 90 days');

    // Settings of the recipe: exit on a purchase, shown when nothing is selected.
    expect(await page.locator('#workflow-exitOnGoal').isChecked()).toBe(true);
    expect(await page.locator('#workflow-exitOnGoal-eventType').inputValue()).toBe('purchase');

    await page.getByTestId('node-care').click();
    const inspector = page.getByTestId('node-inspector');
    expect(await inspector.getByTestId('node-care-body-preview').textContent()).toContain('Hi Lina Chen, it has been a while.');
    await page.locator('#node-care-body').fill('Hi {{member.nam}}, {{oops.x}}');
    await inspector.getByText(/unknown variable \{\{oops\.x\}\}/i).waitFor();
    expect(await page.getByTestId('publish').isDisabled()).toBe(true);
    await page.locator('#node-care-body').fill('Hi ');
    await inspector.getByLabel('Insert a variable into Message').selectOption('{{member.name}}');
    await expect.poll(() => page.locator('#node-care-body').inputValue()).toBe('Hi {{member.name}}');
    await expect.poll(() => page.getByTestId('problems').textContent()).toContain('No problems');

    await page.getByTestId('node-tag_lost').click();
    await inspector.locator('.chip').filter({ hasText: 'lost' }).waitFor();
    await page.locator('#node-tag_lost-tags').fill('winback_failed');
    await page.locator('#node-tag_lost-tags').press('Enter');
    await expect.poll(() => page.getByTestId('node-tag_lost').textContent()).toContain('add lost, winback_failed');
    await screenshot('11-churn-winback-canvas');
  });

  test('edits a condition of the birthday recipe and shows validation inline', async ({ page, screenshot }) => {
    await openWorkflow(page, 'Birthday care', 6);
    await page.getByTestId('node-top').click();
    const inspector = page.getByTestId('node-inspector');
    expect(await inspector.getByLabel('Rule 1 field').inputValue()).toBe('member.rfm.segment');
    expect(await inspector.getByLabel('Rule 1 comparison').inputValue()).toBe('in');
    expect(await inspector.getByLabel('Rule 1 value').inputValue()).toBe('champions, loyal');

    // A list keeps its items when the comparison becomes single-valued.
    await inspector.getByLabel('Rule 1 comparison').selectOption('eq');
    expect(await inspector.getByLabel('Rule 1 value').inputValue()).toBe('champions');
    await expect.poll(() => page.getByTestId('node-top').textContent()).toContain('rfm.segment = "champions"');

    // An attribute without a name is not a field: the error shows on the rule and blocks publishing.
    await inspector.getByLabel('Rule 1 field').selectOption('attribute');
    await inspector.getByText(/^Must be a member field/).waitFor();
    expect(await page.getByTestId('node-top').getAttribute('data-invalid')).toBe('true');
    expect(await page.getByTestId('publish').isDisabled()).toBe(true);
    await inspector.getByLabel('Rule 1 property name').fill('vip_level');
    await expect.poll(() => page.getByTestId('node-top').getAttribute('data-invalid')).toBe('false');

    // A nested OR group with a windowed metric.
    await inspector.getByRole('button', { name: 'Group' }).click();
    const nested = inspector.locator('.cond-group--depth-2');
    await nested.getByLabel('Rule 1 field').selectOption('metric:spend');
    await nested.getByLabel('Rule 1 window in days').fill('0');
    await nested.getByText('Must be at least 1 day').waitFor();
    await nested.getByLabel('Rule 1 window in days').fill('90');
    await nested.getByLabel('Rule 1 comparison').selectOption('gte');
    await nested.getByLabel('Rule 1 value').fill('500');
    await inspector.getByRole('radio', { name: 'ANY (or)' }).first().click();
    await expect.poll(() => page.getByTestId('node-top').textContent()).toContain('or (spend in 90d ≥ 500)');
    expect(await page.getByTestId('problems').textContent()).toContain('No problems');
    await screenshot('12-condition-builder');
  });

  test('edits the tier-upgrade condition and the workflow settings', async ({ page, screenshot }) => {
    await openWorkflow(page, 'Tier upgrade', 7);
    await page.getByTestId('node-crossed').click();
    const inspector = page.getByTestId('node-inspector');
    expect(await inspector.getByTestId('condition-rule').count()).toBe(2);
    await inspector.getByLabel('Rule 1 value').fill('1000.');
    // Half-typed decimals stay in the box while the stored number is kept.
    expect(await inspector.getByLabel('Rule 1 value').inputValue()).toBe('1000.');
    await inspector.getByLabel('Rule 2 comparison').selectOption('not_in');
    await inspector.getByLabel('Rule 2 value').fill('gold, platinum');
    await expect.poll(() => page.getByTestId('node-crossed').textContent()).toContain('tier is none of [gold, platinum]');
    await inspector.getByLabel('Rule 2 comparison').selectOption('exists');
    expect(await inspector.getByLabel('Rule 2 value').count()).toBe(0);

    await deselect(page);
    const settings = page.getByTestId('workflow-settings');
    await page.locator('#workflow-entry').selectOption('cooldown');
    await page.locator('#workflow-cooldownDays').fill('0');
    await settings.getByText('Must be at least 1 day').waitFor();
    expect(await page.getByTestId('save-draft').isDisabled()).toBe(true);
    await page.locator('#workflow-cooldownDays').fill('');
    await settings.getByText('Must be a number').waitFor();
    await page.locator('#workflow-cooldownDays').fill('30');
    await page.locator('#workflow-holdoutPercent').fill('80');
    await settings.getByText('Must be 0-50').waitFor();
    await page.locator('#workflow-holdoutPercent').fill('10');
    await page.locator('#workflow-quietHours').check();
    expect(await page.locator('#workflow-quietHours-start').inputValue()).toBe('21:00');
    await page.locator('#workflow-quietHours-mode').selectOption('skip');
    await expect.poll(() => page.getByTestId('problems').textContent()).toContain('No problems');
    await screenshot('13-workflow-settings');
    await page.getByTestId('save-state').filter({ hasText: 'All changes saved' }).waitFor();
  });

  test('lays out multi-way and random splits and checks their branches', async ({ page, screenshot }) => {
    await openWorkflow(page, 'Post-purchase care', 10);
    await page.getByLabel('Search steps').fill('split');
    await page.getByTestId('palette-multi_split').waitFor();
    expect(await page.getByTestId('palette-issue_coupon').count()).toBe(0);
    expect(await page.getByTestId('palette-multi_split').getAttribute('title')).toContain('first branch whose condition');
    await page.getByTestId('palette-multi_split').click();
    await page.getByTestId('node-multi_split_1').click();
    const inspector = page.getByTestId('node-inspector');
    for (let i = 0; i < 4; i++) await inspector.getByRole('button', { name: 'Add branch' }).click();
    await inspector.getByLabel('Branch 3 name').fill('Bronze members');
    await expect.poll(() => page.locator('[data-testid="node-multi_split_1"] .react-flow__handle.source').count()).toBe(7);
    // Wider than a one-output card, whatever the zoom, so seven handles keep their labels legible.
    const wide = (await page.getByTestId('node-multi_split_1').boundingBox())!;
    const plain = (await page.getByTestId('node-trigger').boundingBox())!;
    expect(wide.width / plain.width).toBeGreaterThan(2);

    await page.getByLabel('Search steps').fill('random');
    await page.getByTestId('palette-random_split').click();
    await page.getByTestId('node-random_split_1').click();
    await inspector.getByRole('button', { name: 'Add branch' }).click();
    expect(await inspector.getByTestId('split-total').textContent()).toContain('Total 100%');
    await inspector.getByLabel('Branch 2 percent').fill('40');
    expect(await inspector.getByTestId('split-total').textContent()).toContain('Total 90% — must be 100%');
    await expect.poll(() => page.getByTestId('problems').textContent()).toContain('must add up to 100 (now 90)');
    await inspector.getByRole('button', { name: 'Split evenly' }).click();
    expect(await inspector.getByTestId('split-total').textContent()).toContain('Total 100%');
    expect(await page.getByTestId('handle-label-random_split_1-a').textContent()).toBe('A (34%)');
    await page.getByLabel('Search steps').fill('');
    await page.locator('.react-flow__controls-fitview').click();
    await screenshot('14-canvas-multi-branch');
  });

  test('simulates the second-purchase nudge: timeout, coupon and the path on the canvas', async ({ page, screenshot }) => {
    await openWorkflow(page, 'Second-purchase nudge', 5);
    await page.getByTestId('simulate').click();
    const panel = page.getByTestId('simulation-panel');
    await panel.getByRole('button', { name: 'First purchase, no second' }).click();
    expect(await panel.getByTestId('sim-event').count()).toBe(1);
    await screenshot('15-simulation-setup');
    await panel.getByTestId('sim-run').click();

    const trace = panel.getByTestId('sim-trace-entry');
    await trace.first().waitFor();
    const reasons = await trace.allTextContents();
    expect(
      reasons.some((r) => r.includes('No purchase within 30 days at "Wait for another purchase": took "After 30 days"')),
    ).toBe(true);
    const effects = panel.getByTestId('sim-effect');
    expect(await effects.count()).toBe(1);
    expect(await effects.first().textContent()).toContain('COMEBACK10-SIM1');
    expect(await panel.getByTestId('sim-outcome').textContent()).toContain('Completed');

    expect(await page.getByTestId('node-coupon').getAttribute('data-visited')).toBe('true');
    expect(await page.getByTestId('node-converted').getAttribute('data-visited')).toBe('false');
    expect(await page.locator('.react-flow__edge.wf-edge--path').count()).toBe(3);

    // Stepping moves the highlighted node along the trace: entering leaves the member at the wait.
    expect(await page.getByTestId('node-wait_second').getAttribute('data-current')).toBe('true');
    const couponStep = reasons.findIndex((r) => r.includes('COMEBACK10, valid 30 days'));
    expect(couponStep).toBeGreaterThan(0);
    for (let i = 0; i < couponStep; i++) await panel.getByTestId('sim-next').click();
    expect(await panel.getByTestId('sim-step').textContent()).toBe(`Step ${couponStep + 1} of ${reasons.length}`);
    await expect.poll(() => page.getByTestId('node-coupon').getAttribute('data-current')).toBe('true');
    await screenshot('16-simulation-result');
    await panel.getByTestId('sim-previous').click();
    await expect.poll(() => page.getByTestId('node-coupon').getAttribute('data-current')).toBe(null);

    // A second purchase converts instead.
    await panel.getByTestId('sim-edit').click();
    await panel.getByRole('button', { name: 'Comes back within 2 weeks' }).click();
    await panel.getByTestId('sim-run').click();
    await expect.poll(() => panel.getByTestId('sim-outcome').textContent()).toContain('Converted');
    expect(await page.getByTestId('node-converted').getAttribute('data-visited')).toBe('true');
    expect(await panel.getByTestId('sim-effect').count()).toBe(0);

    await panel.getByRole('button', { name: 'Close simulation' }).click();
    await page.getByTestId('problems').waitFor();
    expect(await page.getByTestId('node-coupon').getAttribute('data-visited')).toBe(null);
  });
});
