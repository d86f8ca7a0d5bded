/** Signs up through the real UI in headless Chromium, against the real API, worker, Temporal and PostgreSQL. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST } from '../../api/app';
import { chromiumMissing, launchChromium } from '../support/browser';
import { startTestEnv, type TestEnv } from '../support/harness';
import { listen } from '../support/serve';

if (chromiumMissing) console.warn(`skipping browser tests: ${chromiumMissing}`);

describe.skipIf(chromiumMissing)('signup in the browser', () => {
  let env: TestEnv;
  let server: Awaited<ReturnType<typeof listen>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error('web/dist is missing: run `npm run build:web` (npm test does)');
    env = await startTestEnv({ worker: true, webDist: WEB_DIST });
    server = await listen(env);
    // The browser's origin must be the app's own for the CSRF check.
    env.settings.APP_URL = server.url;
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await env?.close();
  });

  it('shows field errors for a weak password and keeps the form', async () => {
    await page.goto(`${server.url}/signup`);
    await page.getByLabel('Email').fill('browser@example.com');
    await page.getByLabel('Password').fill('short');
    await page.getByLabel('Company name').fill('Browser Co');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.locator('.field-error').first().textContent()).toContain('at least 10');
    expect(page.url()).toBe(`${server.url}/signup`);
    expect(await page.getByLabel('Company name').inputValue()).toBe('Browser Co');
  });

  it('signs up, sees the dashboard with the company and onboarding complete, logs out and back in', async () => {
    await page.getByLabel('Password').fill('a sturdy passphrase');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${server.url}/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dashboard');
    expect(await page.locator('.company-name').textContent()).toBe('Browser Co');
    await expect.poll(() => page.locator('.onboarding-status').textContent(), { timeout: 20_000 }).toBe('complete');
    expect(await page.locator('.onboarding-progress').textContent()).toBe('4 of 4 done');

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(`${server.url}/login`);
    await page.getByLabel('Email').fill('browser@example.com');
    await page.getByLabel('Password').fill('a sturdy passphrase');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${server.url}/`);
    await expect.poll(() => page.locator('.company-name').textContent()).toBe('Browser Co');
  });
});
