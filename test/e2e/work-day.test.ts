/**
 * A working day in the browser: create a client and a project, attach a file,
 * run the timer from the top bar (start, pause, resume, stop), find the draft
 * entry, submit and approve it, import clients from CSV — against the real
 * API, worker, Temporal, PostgreSQL and file storage.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, screenshot, startBrowserEnv } from '../support/browser';

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
    await screenshot(page, 'project');
  });

  it('uploads a private file to the project and downloads the same bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ez360pm-e2e-'));
    const content = 'Scope: homepage, about, contact.\n'.repeat(30);
    writeFileSync(join(dir, 'notes.txt'), content);
    await page.getByLabel('Upload a file').setInputFiles(join(dir, 'notes.txt'));
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect.poll(() => page.getByText('notes.txt uploaded.').count()).toBe(1);
    expect(await page.locator('.files-table tbody tr[data-file-id]').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download notes.txt' }).click()]);
    expect(readFileSync((await download.path())!, 'utf8')).toBe(content);
    rmSync(dir, { recursive: true, force: true });
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
    await screenshot(page, 'time');
  });

  it('fixes a draft’s hours and notes in place; approved time has no Edit', async () => {
    const add = page.getByRole('region', { name: 'Add time' });
    // The one active project is chosen already.
    await add.getByLabel('Hours').fill('1.5');
    await add.getByLabel('Notes').fill('contact page, frist pass');
    await add.getByRole('button', { name: 'Add entry' }).click();
    await expect.poll(() => add.getByText(/^Added 1:30 on /).count()).toBe(1);
    const added = page.locator('.time-entries-table tbody tr[data-entry-id]', { hasText: 'frist pass' });
    await expect.poll(() => added.count()).toBe(1);
    const row = page.locator(`.time-entries-table tbody tr[data-entry-id="${await added.getAttribute('data-entry-id')}"]`);

    await row.getByRole('button', { name: 'Edit' }).click();
    // The form starts from the entry, and only the hours field holds the server's answer to a bad value.
    await expect.poll(() => row.getByLabel('Hours').inputValue()).toBe('1:30');
    expect(await row.getByLabel('Notes').inputValue()).toBe('contact page, frist pass');
    await row.getByLabel('Hours').fill('25');
    await row.getByRole('button', { name: 'Save entry' }).click();
    await expect.poll(() => row.locator('.field.has-error').textContent()).toContain('At most 24 hours in one entry');
    expect(await row.locator('.field.has-error input').getAttribute('name')).toBe('hours');

    await row.getByLabel('Hours').fill('2:15');
    await row.getByLabel('Notes').fill('contact page, first pass');
    await row.getByRole('button', { name: 'Save entry' }).click();
    await expect.poll(() => row.locator('.entry-time .time-raw').textContent()).toBe('2:15');
    expect(await row.locator('.entry-notes').textContent()).toBe('contact page, first pass');
    expect(await row.getAttribute('data-status')).toBe('draft');
    expect(await page.getByText(/^Saved P-00001 · Website, .*, 2:15\.$/).count()).toBe(1);
    // Focus is back on the row's Edit button.
    await expect.poll(() => row.getByRole('button', { name: 'Edit' }).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    const approved = page.locator('.time-entries-table tbody tr[data-status="approved"]');
    expect(await approved.count()).toBe(1);
    expect(await approved.getByRole('button', { name: 'Edit' }).count()).toBe(0);
  });

  it('drafts an invoice for the client, adds a line, sees the server’s total, and bills the approved time', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invoices' }).click();
    await page.getByRole('button', { name: 'New invoice' }).click();
    await page.getByLabel('Client').selectOption({ label: 'Acme Corp' });
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect.poll(() => page.locator('h1.document-number').textContent()).toMatch(/^INV-\d{4}-0001$/);
    await page.getByRole('button', { name: 'Add line' }).click();
    await page.getByLabel('Description').fill('Discovery workshop');
    await page.getByLabel('Quantity').fill('2');
    await page.getByLabel('Unit price').fill('125');
    // Billing reloads the lines from the server: with this line not saved yet, it waits for a save.
    expect(await page.getByRole('button', { name: 'Bill approved time' }).isDisabled()).toBe(true);
    expect(await page.getByText('Save your changes first, then bill time.').count()).toBe(1);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.getByText('Draft saved.').count()).toBe(1);
    await expect.poll(() => page.locator('.document-grand-total dd').textContent()).toBe('$250.00');
    await page.getByRole('button', { name: 'Bill approved time' }).click();
    await expect.poll(() => page.getByText(/Billed 1 time entry\./).count()).toBe(1);
    // The activity shows the billing without a reload.
    await expect.poll(() => page.locator('.document-activity-item[data-action="invoice.time_billed"]').count()).toBe(1);
    expect(await page.locator('tr.document-line').count()).toBe(2);
    // The timer entry from earlier (a second or two of work) becomes a line for the project's service.
    expect(await page.locator('tr.document-line').nth(1).getByLabel('Description').inputValue()).toContain('P-00001 · Website');
    await screenshot(page, 'invoice-draft');
  });

  it('imports clients from CSV only once the preview is clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ez360pm-e2e-'));
    const header = 'name,kind,email,tags';
    writeFileSync(join(dir, 'bad.csv'), `${header}\nGlobex,business,ap@globex.test,vip;west\nBad Email Ltd,business,not-an-email,\n`);
    writeFileSync(join(dir, 'good.csv'), `${header}\nGlobex,business,ap@globex.test,vip;west\nGood Email Ltd,business,ok@good.test,\n`);
    await page.goto(url('/clients'));
    await page.getByRole('button', { name: 'Import CSV' }).click();
    await page.getByLabel('CSV file').setInputFiles(join(dir, 'bad.csv'));
    await page.getByRole('button', { name: 'Preview import' }).click();
    await expect.poll(() => page.locator('.import-summary').textContent()).toBe('1 row ready, 1 with problems');
    expect(await page.locator('.import-table tr[data-line="3"]').textContent()).toContain('email: Enter a valid email address.');
    expect(await page.getByRole('button', { name: /^Import \d+ client/ }).count()).toBe(0);

    await page.getByLabel('CSV file').setInputFiles(join(dir, 'good.csv'));
    await page.getByRole('button', { name: 'Preview import' }).click();
    await expect.poll(() => page.locator('.import-summary').textContent()).toBe('2 rows ready, 0 with problems');
    await page.getByRole('button', { name: 'Import 2 clients' }).click();
    await expect.poll(() => page.locator('#clients-import [role=status]').textContent()).toBe('Imported 2 clients.');
    await expect.poll(() => page.locator('.clients-table tbody').textContent()).toContain('Good Email Ltd');
    rmSync(dir, { recursive: true, force: true });
  });
});
