import type { Page } from 'playwright-core';
import { describe } from 'vitest';
import { expect, test } from '../fixtures/test.ts';

/**
 * Sign-ins per minute are limited per address (20 by default) and every sign-in here counts, the
 * fixture's included: keep the file's total well under that.
 *
 * The editor's side of signing in: the sign-in page and its messages, the way back to the page
 * asked for, the analyst's read-only canvas, the admin's Users & API keys page, lockout, and a
 * session that ends under an open canvas. Screenshots go to e2e/artifacts/60-*.png.
 */

const SEEDED = 'Second-purchase nudge';

/** Fills the sign-in form and waits for the server's answer (a wrong password clears the field when it comes). */
async function fillSignIn(page: Page, who: { email: string; password: string }) {
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await Promise.all([
    page.waitForResponse((res) => new URL(res.url()).pathname === '/api/v1/auth/login'),
    page.getByRole('button', { name: 'Sign in', exact: true }).click(),
  ]);
}

/** Changes the page itself sends to the API (anything but GET). */
function watchChanges(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (req) => {
    if (req.method() !== 'GET' && new URL(req.url()).pathname.startsWith('/api/')) sent.push(`${req.method()} ${new URL(req.url()).pathname}`);
  });
  return sent;
}

/** An admin's API call from inside the page, with the session's CSRF token, as the editor makes it. */
async function asAdmin(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
    },
    { method, path, body },
  );
}

describe('sign-in', () => {
  test('asks to sign in, explains a wrong password, goes back to the page asked for, signs out', async ({ pageAs, server, shoot }) => {
    const page = await pageAs('nobody');
    await page.goto('/health');
    await page.getByTestId('sign-in-page').waitFor();
    await expect.poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe('/sign-in?next=%2Fhealth');

    // Nothing typed: each field says what it needs, and nothing is sent.
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Enter your email address.').waitFor();
    expect(await page.getByText('Enter your password.').count()).toBe(1);

    await fillSignIn(page, { email: server.people.admin.email, password: 'not-the-password' });
    await page.getByTestId('sign-in-error').filter({ hasText: 'The email or password is not right' }).waitFor();
    // The same page in Chinese, from the language switch on the sign-in page itself.
    await page.getByTestId('language-zh-CN').click();
    await page.getByTestId('sign-in-error').filter({ hasText: '邮箱或密码不正确' }).waitFor();
    expect(await page.locator('h1').textContent()).toBe('登录 Memberflow');
    await shoot(page, '60-sign-in-zh');
    await page.getByTestId('language-en').click();
    // The wrong password is cleared for the next try; the email stays.
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Email').inputValue()).toBe(server.people.admin.email);
    await shoot(page, '60-sign-in-wrong-password');

    await fillSignIn(page, server.people.admin);
    await page.getByTestId('health-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/health');
    expect(await page.getByTestId('current-user-name').textContent()).toBe('Administrator');
    expect(await page.getByTestId('current-user-role').textContent()).toBe('Admin');
    expect(await page.getByTestId('nav-admin').textContent()).toBe('Users & API keys');
    await shoot(page, '60-signed-in-header');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByTestId('sign-in-page').waitFor();
    // The next person starts at home, not on the last one's page.
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/sign-in');
    expect(await page.evaluate(async () => (await fetch('/api/v1/workflows')).status)).toBe(401);
  });

  test('an analyst looks at everything and can change nothing', async ({ pageAs, shoot }) => {
    const page = await pageAs('analyst');
    const changes = watchChanges(page);
    await page.goto('/');
    const row = page.getByTestId('workflow-row').filter({ hasText: SEEDED }).first();
    await row.waitFor();
    expect(await page.getByRole('button', { name: 'New workflow' }).count()).toBe(0);
    expect(await page.getByTestId('duplicate-workflow').count()).toBe(0);
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    await page.getByTestId('read-only-badge').waitFor();
    expect(await page.getByTestId('current-user-role').textContent()).toBe('Analyst');

    await row.getByRole('link', { name: SEEDED }).click();
    await page.getByTestId('canvas').waitFor();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(5);
    expect((await page.getByTestId('read-only-badge').textContent())?.trim()).toBe('Read only — analyst');
    for (const id of ['publish', 'save-draft', 'backtest', 'undo', 'auto-layout', 'palette-exit']) {
      expect(await page.getByTestId(id).count(), id).toBe(0);
    }
    // Simulating runs in the browser and changes nothing: it stays available.
    expect(await page.getByTestId('simulate').count()).toBe(1);

    // A step opens in the inspector, but its fields take no input and there is no Delete.
    const wait = page.getByTestId('node-wait_second');
    // Where the step sits on the canvas (not on screen: a drag on a fixed step pans the view instead).
    const position = () => page.locator('.react-flow__node[data-id="wait_second"]').evaluate((el) => (el as HTMLElement).style.transform);
    const before = await wait.boundingBox();
    const placed = await position();
    await wait.click();
    await page.getByTestId('node-inspector').waitFor();
    expect(await page.locator('#node-wait_second-timeout').isDisabled()).toBe(true);
    expect(await page.locator('#node-wait_second-label').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Delete step' }).count()).toBe(0);
    await page.getByTestId('inspector-read-only').waitFor();
    await shoot(page, '60-analyst-read-only-canvas');

    // Neither dragging nor the Delete key changes the canvas.
    const b = before!;
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2 + 160, b.y + b.height / 2 + 90, { steps: 8 });
    await page.mouse.up();
    expect(await position()).toBe(placed);
    await page.keyboard.press('Delete');
    await page.keyboard.press(process.platform === 'darwin' ? 'Meta+V' : 'Control+V');
    expect(await page.locator('.react-flow__node').count()).toBe(5);

    // The dashboard has no pause, resume or stop.
    await page.getByRole('button', { name: 'Back to workflows' }).click();
    await row.getByTestId('dashboard-link').click();
    await page.getByTestId('dashboard-page').waitFor();
    await page.getByTestId('read-only-badge').waitFor();
    expect(await page.getByTestId('controls').count()).toBe(0);

    // The admin page is not for analysts, even typed into the address bar.
    await page.goto('/admin');
    await page.getByTestId('not-allowed').waitFor();
    // Long enough for autosave (1.5 s) to have fired had anything been edited.
    await page.waitForTimeout(2000);
    expect(changes).toEqual([]);
  });

  test('an admin adds a user (field errors first), changes the role, disables and enables them', async ({ pageAs, server, shoot }) => {
    const admin = await pageAs('admin');
    await admin.goto('/');
    await admin.getByTestId('nav-admin').click();
    await admin.getByTestId('admin-page').waitFor();
    const rows = admin.getByTestId('user-row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.filter({ hasText: 'Mia Marketer' }).getByTestId('user-status').textContent()).toBe('Active');
    // The admin's own row: no Set password (that is Change password) and no Disable.
    const own = rows.filter({ hasText: 'Administrator' });
    expect(await own.getByTestId('set-password').count()).toBe(0);
    expect(await own.getByTestId('disable-user').count()).toBe(0);

    await admin.getByTestId('add-user').click();
    const dialog = admin.getByTestId('create-user-dialog');
    await dialog.getByLabel('Email').fill('not an email');
    await dialog.getByLabel('Name').fill('Nia New');
    await dialog.getByTestId('new-password').fill('short');
    await dialog.getByTestId('create-user-submit').click();
    await dialog.getByText('This is not an email address.').waitFor();
    await dialog.getByText('Use at least 12 characters.').waitFor();
    await shoot(admin, '60-admin-create-user-errors');

    // The server's own refusal lands under its field too.
    await dialog.getByLabel('Email').fill(server.people.marketer.email);
    await dialog.getByTestId('generate-password').click();
    await dialog.getByTestId('create-user-submit').click();
    await dialog.getByText('is already taken').waitFor();

    const nia = { email: 'nia.new@e2e.example', password: '' };
    await dialog.getByLabel('Email').fill(nia.email);
    nia.password = await dialog.getByTestId('new-password').inputValue();
    expect(nia.password).toHaveLength(16);
    // Analyst is the default: least access unless the admin chooses more.
    expect(await dialog.getByTestId('user-role-analyst').isChecked()).toBe(true);
    await dialog.getByTestId('create-user-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await admin.getByTestId('users-note').filter({ hasText: 'Added Nia New' }).waitFor();
    const niaRow = admin.locator(`[data-testid="user-row"][data-email="${nia.email}"]`);
    await niaRow.waitFor();
    expect(await niaRow.getByTestId('user-role').inputValue()).toBe('analyst');
    expect(await niaRow.locator('td').nth(3).textContent()).toBe('Never');

    // The new person signs in with the first password.
    const niaPage = await pageAs('nobody');
    await niaPage.goto('/');
    await niaPage.getByTestId('sign-in-page').waitFor();
    await fillSignIn(niaPage, nia);
    await niaPage.getByTestId('workflow-row').first().waitFor();
    expect(await niaPage.getByTestId('current-user-name').textContent()).toBe('Nia New');
    await niaPage.getByTestId('read-only-badge').waitFor();
    const ended = niaPage.getByTestId('session-expired');
    const signInAgain = async () => {
      await ended.waitFor({ timeout: 15_000 });
      expect(await ended.getByLabel('Email').inputValue()).toBe(nia.email);
      await ended.getByLabel('Password', { exact: true }).fill(nia.password);
      await ended.getByRole('button', { name: 'Sign in', exact: true }).click();
    };

    // A role change takes effect at once: her open page asks her to sign in again, then offers a marketer's buttons.
    await niaRow.getByTestId('user-role').selectOption('marketer');
    await admin.getByTestId('users-note').filter({ hasText: 'Nia New is now Marketer' }).waitFor();
    await expect.poll(() => niaRow.locator('td').nth(3).textContent()).not.toBe('Never');
    await signInAgain();
    await ended.waitFor({ state: 'detached' });
    await niaPage.getByRole('button', { name: 'New workflow' }).waitFor();
    expect(await niaPage.getByTestId('current-user-role').textContent()).toBe('Marketer');

    // Disabled (after a confirmation): the page asks again, and says why signing in does not work.
    await niaRow.getByTestId('disable-user').click();
    const confirm = admin.getByTestId('confirm-dialog');
    expect(await confirm.textContent()).toContain('Nia New');
    await confirm.getByRole('button', { name: 'Disable' }).click();
    await expect.poll(() => niaRow.getByTestId('user-status').textContent()).toBe('Disabled');
    await shoot(admin, '60-admin-users');
    await signInAgain();
    await ended.getByTestId('sign-in-error').filter({ hasText: 'This account is disabled' }).waitFor();
    await shoot(niaPage, '60-session-ended-disabled');

    await niaRow.getByTestId('enable-user').click();
    await expect.poll(() => niaRow.getByTestId('user-status').textContent()).toBe('Active');
    await ended.getByLabel('Password', { exact: true }).fill(nia.password);
    await ended.getByRole('button', { name: 'Sign in', exact: true }).click();
    await ended.waitFor({ state: 'detached' });
    await niaPage.getByRole('button', { name: 'New workflow' }).waitFor();

    // Nia replaces the first password with her own; a wrong current password is named as such.
    await niaPage.getByTestId('change-password').click();
    const change = niaPage.getByTestId('change-password-dialog');
    await change.getByLabel('Current password').fill('not-my-password');
    await change.getByLabel('New password', { exact: true }).fill('nia-own-password-2026');
    await change.getByLabel('New password again').fill('nia-own-password-2026');
    await change.getByRole('button', { name: 'Change password' }).click();
    await change.getByText('This is not your current password.').waitFor();
    await shoot(niaPage, '60-change-password');
    await change.getByLabel('Current password').fill(nia.password);
    await change.getByRole('button', { name: 'Change password' }).click();
    await change.getByTestId('password-changed').waitFor();
    await change.getByRole('button', { name: 'Done' }).click();
    // This browser stays signed in.
    expect(await niaPage.evaluate(async () => (await fetch('/api/v1/auth/me')).status)).toBe(200);
  });

  test('an admin creates an API key, sees it once with a copy button, and revokes it', async ({ pageAs, server, shoot }) => {
    const page = await pageAs('admin');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto('/admin');
    const rows = page.getByTestId('key-row');
    // The fixture's own key is listed, with its creator.
    await rows.filter({ hasText: 'e2e tests' }).waitFor();

    await page.getByTestId('add-key').click();
    const dialog = page.getByTestId('create-key-dialog');
    await dialog.getByTestId('create-key-submit').click();
    await dialog.getByText('Give the key a name.').waitFor();
    await dialog.getByTestId('key-name').fill('Store 7 till');
    await dialog.getByTestId('key-scope-ingest').check();
    await dialog.getByTestId('create-key-submit').click();

    const shown = page.getByTestId('created-key-dialog');
    await shown.waitFor();
    const key = await shown.getByTestId('created-key').inputValue();
    expect(key).toMatch(/^mf_/);
    expect(await shown.textContent()).toContain('It will not be shown again');
    // A stray click outside does not close it: this is the one chance to copy the key.
    await page.mouse.click(10, 450);
    expect(await shown.isVisible()).toBe(true);
    await shown.getByTestId('copy-key').click();
    await shown.getByText('Copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await shoot(page, '60-api-key-shown-once');

    // The key works for what its scope allows.
    const use = () => fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ type: 'purchase', memberId: 'till-7-member', properties: { amount: 12 } }),
    });
    expect((await use()).status).toBe(202);

    await shown.getByTestId('key-done').click();
    await shown.waitFor({ state: 'detached' });
    const row = rows.filter({ hasText: 'Store 7 till' });
    await row.waitFor();
    const prefix = (await row.locator('code').textContent())!.replace('…', '');
    expect(key.startsWith(prefix)).toBe(true);
    expect(await row.textContent()).toContain('Ingest');
    // Gone from the page for good: only the prefix is left.
    expect(await page.content()).not.toContain(key);

    await row.getByTestId('revoke-key').click();
    const confirm = page.getByTestId('confirm-dialog');
    await confirm.getByText(`starting ${prefix}`).waitFor();
    await shoot(page, '60-api-key-revoke-confirm');
    await confirm.getByTestId('confirm-button').click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => row.getByTestId('key-status').textContent()).toMatch(/^Revoked /);
    expect(await row.getByTestId('revoke-key').count()).toBe(0);
    await page.getByTestId('keys-note').filter({ hasText: 'Revoked “Store 7 till”' }).waitFor();
    await shoot(page, '60-api-keys-revoked');
    expect((await use()).status).toBe(401);
  });

  test('too many wrong passwords lock sign-ins from this address, and the form says how long to wait', async ({ pageAs, shoot }) => {
    const admin = await pageAs('admin');
    await admin.goto('/admin');
    await admin.getByTestId('users-table').waitFor();
    const lena = { email: 'lena.locked@e2e.example', password: 'lena-first-password' };
    expect((await asAdmin(admin, 'POST', '/api/v1/users', { ...lena, name: 'Lena Locked', role: 'analyst' })).status).toBe(201);

    const page = await pageAs('nobody');
    await page.goto('/');
    await page.getByTestId('sign-in-page').waitFor();
    for (let i = 1; i <= 4; i++) {
      await fillSignIn(page, { email: lena.email, password: `wrong-${i}` });
      await page.getByTestId('sign-in-error').filter({ hasText: 'not right' }).waitFor();
    }
    await fillSignIn(page, { email: lena.email, password: 'wrong-5' });
    const error = page.getByTestId('sign-in-error');
    await error.filter({ hasText: 'Try again in 15 minutes' }).waitFor();
    expect(await page.getByRole('button', { name: 'Sign in', exact: true }).isDisabled()).toBe(true);
    await shoot(page, '60-sign-in-locked');

    // The lock is on sign-ins from this address only: the account itself stays active (a guesser
    // elsewhere cannot lock its owner out), so the admin's Users page still says Active.
    await admin.reload();
    const row = admin.locator(`[data-testid="user-row"][data-email="${lena.email}"]`);
    await expect.poll(() => row.getByTestId('user-status').textContent()).toBe('Active');
  });

  test('a session that ends under an open canvas is renewed in place, unsaved edits kept', async ({ pageAs, server, shoot }) => {
    const res = await server.fetch('/api/v1/workflows', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Session test nudge', templateKey: 'second-purchase-nudge' }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: string };

    const page = await pageAs('marketer');
    await page.goto(`/workflows/${id}`);
    // The canvas is a chunk of its own: on a busy machine it takes more than a poll's second.
    await page.getByTestId('node-coupon').waitFor();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(5);
    await page.getByTestId('node-coupon').click();
    // The session is gone (expired, or signed out elsewhere) while the canvas is open; the next
    // request (the edit's autosave, or a live-count poll) finds out.
    await page.context().clearCookies();
    await page.locator('#node-coupon-label').fill('Edited while signed out');
    const ended = page.getByTestId('session-expired');
    await ended.waitFor({ timeout: 10_000 });
    await shoot(page, '60-session-ended-dialog');

    await ended.getByLabel('Email').fill(server.people.marketer.email);
    await ended.getByLabel('Password', { exact: true }).fill(server.people.marketer.password);
    await ended.getByRole('button', { name: 'Sign in', exact: true }).click();
    await ended.waitFor({ state: 'detached' });
    // Same page, edit still there; autosave tries again with the new session's CSRF token.
    expect(await page.locator('#node-coupon-label').inputValue()).toBe('Edited while signed out');
    await page.getByTestId('save-state').filter({ hasText: 'All changes saved' }).waitFor();
    await shoot(page, '60-session-renewed-saved');
    await page.reload();
    await page.getByTestId('node-coupon').click();
    expect(await page.locator('#node-coupon-label').inputValue()).toBe('Edited while signed out');
  });
});
