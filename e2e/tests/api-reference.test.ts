import { describe } from 'vitest';
import { expect, test } from '../fixtures/test.ts';

describe('API reference', () => {
  test('an admin follows the link from the API keys to a reference of every route, with its schema and example', async ({ page, server, shoot }) => {
    await page.goto('/admin');
    const link = page.getByTestId('api-reference-link');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('/api/docs');

    // The reference is public (it holds no data) and built from the same contracts as the router.
    const doc = (await (await server.fetch('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    await page.goto('/api/docs');
    // Swagger UI keeps only the operations near the viewport in the page: walk down it, noting each
    // operation drawn, until the end (on a busy 2-core machine the first draw takes a while).
    await page.locator('.opblock').first().waitFor({ timeout: 60_000 });
    const seen = new Set<string>();
    for (let stalled = 0; stalled < 3; ) {
      const drawn = await page.locator('.opblock-summary').evaluateAll((els) =>
        els.map((e) => `${e.querySelector('.opblock-summary-method')?.textContent} ${e.querySelector('.opblock-summary-path')?.getAttribute('data-path')}`),
      );
      const before = seen.size;
      for (const d of drawn) seen.add(d);
      const atEnd = await page.evaluate(() => {
        window.scrollBy(0, window.innerHeight / 2);
        return window.scrollY + window.innerHeight >= document.body.scrollHeight - 2;
      });
      await page.waitForTimeout(150);
      stalled = atEnd && seen.size === before ? stalled + 1 : 0;
    }
    expect(seen.size).toBe(operations);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByText('Memberflow API', { exact: false }).first().waitFor();
    await shoot(page, '130-api-reference');

    // Opening an operation shows its request body example as documented in its contract.
    const op = page.locator('.opblock-put').filter({ hasText: '/api/v1/settings/sms-signature' });
    for (let i = 0; i < 200 && (await op.count()) === 0; i++) {
      await page.evaluate(() => window.scrollBy(0, window.innerHeight / 2));
      await page.waitForTimeout(100);
    }
    await op.locator('.opblock-summary').click();
    await expect.poll(() => op.locator('.body-param__example, .microlight').first().textContent(), { timeout: 10_000 }).toContain('【品牌】');
    await op.scrollIntoViewIfNeeded();
    await shoot(page, '131-api-reference-operation');
  }, 150_000);
});
