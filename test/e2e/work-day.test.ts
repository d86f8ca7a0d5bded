/**
 * A working day in the browser: create a client and a project, run the timer
 * from the top bar (start, pause, resume, stop), find the draft entry, submit
 * it and approve it — against the real API, worker, Temporal and PostgreSQL.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, startBrowserEnv } from '../support/browser';

describe.skipIf(chromiumMissing)('a working day in the browser', () => {
  let b: Awaited<ReturnType<typeof startBrowserEnv>>;
  let page: Page;
  const url = (path: string) => b.url(path);

  beforeAll(async () => {
    b = await startBrowserEnv({ env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
    page = b.page;
  });
  afterAll(async () => { await b?.close(); });

  it('creates a client and a project for it', async () => {
    await page.goto(url('/signup'));
    await page.getByLabel('Email').fill('worker@example.com');
    await page.getByLabel('Password').fill('a sturdy passphrase');
    await page.getByLabel('Company name').fill('Day Co');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.locator('.onboarding-status').textContent(), { timeout: 20_000 }).toBe('complete');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('link', { name: 'New client' }).click();
    await page.getByLabel('Kind').selectOption('business');
    await page.getByLabel('Name').fill('Acme Corp');
    await page.getByRole('button', { name: 'Save client' }).click();
    await expect.poll(() => page.getByText('Client saved.').count()).toBe(1);

    await page.goto(url('/projects'));
    await page.getByRole('link', { name: 'New project' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Website');
    await page.getByLabel('Client').selectOption({ label: 'Acme Corp' });
    await page.getByLabel('Billing type').selectOption('hourly');
    await page.getByLabel('Hourly rate').fill('150.00');
    await page.getByLabel('Budget (hours)').fill('40');
    await page.getByRole('button', { name: 'Save project' }).click();
    await expect.poll(() => page.getByText('Project saved.').count()).toBe(1);
    await expect.poll(() => page.locator('h1').textContent()).toBe('P-00001 · Website');
  });

  it('runs the timer from the top bar: start, pause, resume, stop', async () => {
    await page.getByRole('button', { name: 'Start timer' }).click();
    const panel = page.locator('#timer-panel');
    await panel.getByLabel('Project').selectOption({ label: 'P-00001 · Website' });
    await panel.getByLabel('Notes').fill('homepage layout');
    await panel.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => page.locator('.timer-state').textContent()).toBe('Running');
    await expect.poll(() => page.locator('.timer-elapsed').textContent(), { timeout: 5000 }).not.toBe('0:00:00');

    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => page.locator('.timer-state').textContent()).toBe('Paused');
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => page.locator('.timer-state').textContent()).toBe('Running');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => page.locator('.timer-saved').textContent()).toMatch(/Saved a draft entry of \d+:\d\d\./);
    await expect.poll(() => page.getByRole('button', { name: 'Start timer' }).count()).toBe(1);
  });

  it('finds the draft entry, submits it and approves it', async () => {
    await page.goto(url('/time'));
    const row = page.locator('.time-entries-table tbody tr[data-entry-id]').first();
    await expect.poll(() => row.getAttribute('data-status')).toBe('draft');
    expect(await row.textContent()).toContain('homepage layout');
    await row.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => row.locator('.status-submitted').count()).toBe(1);
    await row.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => row.locator('.status-approved').count()).toBe(1);
  });
});
