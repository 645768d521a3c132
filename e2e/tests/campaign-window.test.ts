import { describe } from 'vitest';
import { expect, test } from '../fixtures/test.ts';

describe('campaign dates', () => {
  test('a workflow runs 1–31 December: the dates are saved as instants, and an end before the start is refused on the field', async ({ page, server, screenshot }) => {
    const res = await server.fetch('/api/v1/workflows', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'December campaign', templateKey: 'second-purchase-nudge' }),
    });
    const { id } = (await res.json()) as { id: string };
    await page.goto(`/workflows/${id}`);
    await page.getByTestId('workflow-settings').waitFor();
    await page.locator('#workflow-window-from').fill('2026-12-01T00:00');
    await page.locator('#workflow-window-until').fill('2026-11-01T00:00');
    await page.getByTestId('workflow-settings').getByText('Must be after the start').waitFor();
    expect(await page.getByTestId('publish').isDisabled()).toBe(true);

    await page.locator('#workflow-window-until').fill('2026-12-31T23:59');
    await page.getByTestId('save-state').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 10_000 });
    const want = await page.evaluate(() => ({ from: new Date('2026-12-01T00:00').toISOString(), until: new Date('2026-12-31T23:59').toISOString() }));
    const detail = (await (await server.fetch(`/api/v1/workflows/${id}`)).json()) as { draft: { settings: { window?: unknown } } };
    expect(detail.draft.settings.window).toEqual(want);
    await screenshot('35-campaign-dates');
  });
});
