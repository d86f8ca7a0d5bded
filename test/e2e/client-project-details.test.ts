/**
 * The details of clients and projects in the browser: a client's contacts
 * (add, edit, make primary, remove), billing-rounding overrides on the client
 * and project forms, the money side of a project's budget, and importing
 * projects from CSV after a clean preview.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, startBrowserEnv } from '../support/browser';

describe.skipIf(chromiumMissing)('client and project details in the browser', () => {
  let b: Awaited<ReturnType<typeof startBrowserEnv>>;
  let page: Page;
  const url = (path: string) => b.url(path);
  /** A JSON call from the page itself: same origin, the session's cookie. */
  const api = (method: string, path: string, body?: unknown) =>
    page.evaluate(async ([m, p, j]) => {
      const res = await fetch(p as string, { method: m as string, headers: { 'content-type': 'application/json' }, body: j === undefined ? undefined : JSON.stringify(j) });
      return res.json();
    }, [method, path, body] as const);

  beforeAll(async () => {
    b = await startBrowserEnv({ env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
    page = b.page;
  });
  afterAll(async () => { await b?.close(); });

  it('signs up', async () => {
    await page.goto(url('/signup'));
    await page.getByLabel('Email').fill('details@example.com');
    await page.getByLabel('Password').fill('a sturdy passphrase');
    await page.getByLabel('Company name').fill('Details Co');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.locator('.onboarding-status').textContent(), { timeout: 20_000 }).toBe('complete');
  });

  it('saves a client with its own rounding, and the form shows it again', async () => {
    await page.goto(url('/clients/new'));
    await page.getByLabel('Name').fill('Initech');
    const increment = page.getByLabel('Billing rounding');
    const mode = page.getByLabel('Rounding mode');
    expect(await increment.inputValue()).toBe('');
    expect(await mode.isDisabled()).toBe(true); // nothing to round while the company's rule applies
    await increment.selectOption({ label: '6 minutes' });
    await mode.selectOption({ label: 'Round to nearest' });
    await page.getByRole('button', { name: 'Save client' }).click();
    await expect.poll(() => page.getByText('Client saved.').count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.getByLabel('Billing rounding').inputValue()).toBe('6');
    expect(await page.getByLabel('Rounding mode').inputValue()).toBe('nearest');

    // Back to the company's rule.
    await page.getByLabel('Billing rounding').selectOption({ label: 'Company default' });
    await page.getByRole('button', { name: 'Save client' }).click();
    await expect.poll(() => page.getByText('Client saved.').count()).toBe(1);
    const id = page.url().split('/').pop()!;
    expect(await api('GET', `/api/v1/clients/${id}`)).toMatchObject({ roundingIncrementMinutes: null, roundingMode: null });

    // An override set in part through the API (an increment, the mode inherited) saves back from the form as it was.
    await api('PATCH', `/api/v1/clients/${id}`, { roundingIncrementMinutes: 15, roundingMode: null });
    await page.reload();
    await expect.poll(() => page.getByLabel('Billing rounding').inputValue()).toBe('15');
    expect(await page.getByLabel('Rounding mode').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Save client' }).click();
    await expect.poll(() => page.getByText('Client saved.').count()).toBe(1);
    expect(await api('GET', `/api/v1/clients/${id}`)).toMatchObject({ roundingIncrementMinutes: 15, roundingMode: null });
  });

  it('keeps contacts on the client page: add, edit, make primary, remove', async () => {
    const contacts = page.locator('.client-contacts');
    await contacts.getByRole('button', { name: 'Add contact' }).click();
    await contacts.getByLabel('Name').fill('Peter Gibbons');
    await contacts.getByLabel('Role or title').fill('Engineer');
    await contacts.getByLabel('Email').fill('peter@initech.example');
    await contacts.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => contacts.getByText('Peter Gibbons added.').count()).toBe(1);
    const rows = contacts.locator('.contacts-table tbody tr[data-contact-id]');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Primary'); // the first contact is the primary one

    await contacts.getByRole('button', { name: 'Add contact' }).click();
    await contacts.getByLabel('Name').fill('Bill Lumbergh');
    await contacts.getByLabel('Phone').fill('555-0100');
    await contacts.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toContain('Bill Lumbergh');
    expect(await rows.nth(1).locator('.contact-primary').count()).toBe(0);

    await contacts.getByRole('button', { name: 'Make Bill Lumbergh the primary contact' }).click();
    await expect.poll(() => rows.first().locator('.contact-name').textContent()).toBe('Bill Lumbergh Primary');
    expect(await contacts.locator('.contact-primary').count()).toBe(1);

    await contacts.getByRole('button', { name: 'Edit Peter Gibbons' }).click();
    await contacts.getByLabel('Role or title').fill('Senior engineer');
    await contacts.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => contacts.getByText('Peter Gibbons saved.').count()).toBe(1);
    // The list reloads after the save message shows: wait for the row, not just the message.
    await expect.poll(() => rows.nth(1).textContent()).toContain('Senior engineer');

    await contacts.getByRole('button', { name: 'Remove Peter Gibbons' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    // The change shows in the client's timeline.
    await expect.poll(() => page.locator('.client-timeline').textContent()).toContain('Client contact removed');
  });

  it('saves a project that rounds its own way, and shows the money budget used', async () => {
    await page.goto(url('/projects/new'));
    await page.getByLabel('Name', { exact: true }).fill('Website');
    await page.getByLabel('Client').selectOption({ label: 'Initech' });
    await page.getByLabel('Hourly rate').fill('100');
    await page.getByLabel('Budget (amount)').fill('1000');
    expect(await page.getByLabel('Billing rounding').inputValue()).toBe('');
    await page.getByLabel('Billing rounding').selectOption({ label: '30 minutes' });
    // The mode may inherit too (the client's, else the company's); this project rounds up itself.
    expect(await page.getByLabel('Rounding mode').inputValue()).toBe('');
    await page.getByLabel('Rounding mode').selectOption({ label: 'Round up' });
    await page.getByRole('button', { name: 'Save project' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('P-00001 · Website');
    const id = page.url().split('/').pop()!;
    expect(await api('GET', `/api/v1/projects/${id}`)).toMatchObject({ roundingIncrementMinutes: 30, roundingMode: 'up' });

    await api('POST', '/api/v1/time-entries', { projectId: id, date: '2026-11-16', hours: '1:10' }); // bills 1:30 at $100/h
    await page.reload();
    await expect.poll(() => page.locator('.budget-text').textContent()).toBe('$150.00 of $1,000.00');
    expect(await page.locator('progress.budget-bar').getAttribute('value')).toBe('15000');
  });

  it('imports projects from CSV once the preview is clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ez360pm-e2e-'));
    writeFileSync(join(dir, 'bad.csv'), 'name,client,hourly_rate\nRedesign,Initech,120\nGhost,Nobody Inc,90\n');
    writeFileSync(join(dir, 'good.csv'), 'name,client,hourly_rate\nRedesign,Initech,120\nHosting,,90\n');
    await page.goto(url('/projects'));
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const panel = page.locator('#projects-import');
    await panel.getByLabel('CSV file').setInputFiles(join(dir, 'bad.csv'));
    await panel.getByRole('button', { name: 'Preview import' }).click();
    await expect.poll(() => panel.locator('.import-summary').textContent()).toBe('1 row ready, 1 with problems');
    expect(await panel.locator('.import-table tr[data-line="3"]').textContent()).toContain('client: No client named “Nobody Inc”');
    expect(await panel.getByRole('button', { name: /^Import \d+ project/ }).count()).toBe(0);

    await panel.getByLabel('CSV file').setInputFiles(join(dir, 'good.csv'));
    await panel.getByRole('button', { name: 'Preview import' }).click();
    await expect.poll(() => panel.locator('.import-summary').textContent()).toBe('2 rows ready, 0 with problems');
    await panel.getByRole('button', { name: 'Import 2 projects' }).click();
    await expect.poll(() => panel.locator('[role=status]').textContent()).toBe('Imported 2 projects.');
    await expect.poll(() => page.locator('.projects-table tbody').textContent()).toContain('P-00003 · Hosting');
    rmSync(dir, { recursive: true, force: true });
  });

  it('deletes a project, finds it again under "Show deleted projects", and restores it', async () => {
    await page.goto(url('/projects'));
    await page.getByRole('link', { name: 'P-00003 · Hosting' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('P-00003 · Hosting');
    const id = page.url().split('/').pop()!;
    await page.getByRole('button', { name: 'Delete project' }).click(); // the confirmation is accepted
    await page.waitForURL(url('/projects'));
    await expect.poll(() => page.locator('.projects-table tbody').textContent()).not.toContain('Hosting');

    await page.getByLabel('Show deleted projects').check();
    const row = page.locator(`.projects-table tr[data-project-id="${id}"]`);
    await expect.poll(() => row.textContent()).toContain('Deleted');
    await row.getByRole('link', { name: 'P-00003 · Hosting' }).click();
    await expect.poll(() => page.locator('.page-subtitle').last().textContent()).toContain('Restore it to make changes');
    expect(await page.getByRole('button', { name: 'Save project' }).count()).toBe(0);
    // Its files are listed to read, with nowhere to upload until it is restored.
    await expect.poll(() => page.locator('.project-files').textContent()).toContain('No files.');
    expect(await page.getByLabel('Upload a file').count()).toBe(0);
    await page.getByRole('button', { name: 'Restore project' }).click();
    await expect.poll(() => page.locator('.form-success').textContent()).toBe('P-00003 · Hosting was restored.');
    expect(await api('GET', `/api/v1/projects/${id}`)).toMatchObject({ deletedAt: null });
    await expect.poll(() => page.getByRole('button', { name: 'Delete project' }).count()).toBe(1);
    await expect.poll(() => page.getByLabel('Upload a file').count()).toBe(1);
  });

  it("starts a new client in the company's currency, and saves that", async () => {
    expect(await api('PATCH', '/api/v1/company/invoicing-settings', { currency: 'CAD' })).toMatchObject({ currency: 'CAD' });
    await page.goto(url('/clients/new'));
    await expect.poll(() => page.getByLabel('Currency').inputValue()).toBe('CAD');
    await page.getByLabel('Name').fill('Maple Ltd');
    await page.getByRole('button', { name: 'Save client' }).click();
    await expect.poll(() => page.getByText('Client saved.').count()).toBe(1);
    expect(await page.getByLabel('Currency').inputValue()).toBe('CAD');
    expect(await api('GET', `/api/v1/clients/${page.url().split('/').pop()}`)).toMatchObject({ currency: 'CAD' });
    await api('PATCH', '/api/v1/company/invoicing-settings', { currency: 'USD' });
  });
});
