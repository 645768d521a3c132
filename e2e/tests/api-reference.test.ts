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
    // Swagger UI draws ~100 operations: on a busy 2-core machine that takes a while.
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 60_000 }).toBe(operations);
    await page.getByText('Memberflow API', { exact: false }).first().waitFor();
    await shoot(page, '130-api-reference');

    // Opening an operation shows its request body example as documented in its contract.
    const op = page.locator('.opblock-put').filter({ hasText: '/api/v1/settings/sms-signature' });
    await op.locator('.opblock-summary').click();
    await expect.poll(() => op.locator('.body-param__example, .microlight').first().textContent(), { timeout: 10_000 }).toContain('【品牌】');
    await op.scrollIntoViewIfNeeded();
    await shoot(page, '131-api-reference-operation');
  }, 150_000);
});
