/**
 * Recurring invoices in the browser, against the real API, worker and Temporal:
 * a monthly series made from the form (the API's field errors shown first; a
 * start on the 31st runs on the 28th; tax-inclusive totals live), listed with
 * its next dates, paused, resumed and ended.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, startBrowserEnv } from '../support/browser';

describe.skipIf(chromiumMissing)('recurring invoices in the browser', () => {
  let b: Awaited<ReturnType<typeof startBrowserEnv>>;
  let page: Page;
  const url = (path: string) => b.url(path);
  const year = new Date().getFullYear() + 1;
  const nextDates = (where: string) => page.locator(`${where} time`).evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
  const status = () => page.locator('.recurring-page .recurring-status').textContent();

  beforeAll(async () => {
    b = await startBrowserEnv({ env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
    ({ page } = b);
  });
  afterAll(async () => {
    await b?.close();
  });

  it('creates a monthly series, lists it with its next dates, pauses, resumes and ends it', async () => {
    await page.goto(url('/signup'));
    await page.getByLabel('Email').fill('owner@recurring.test');
    await page.getByLabel('Password').fill('a sturdy passphrase');
    await page.getByLabel('Company name').fill('Recurring Co');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.locator('.onboarding-status').textContent(), { timeout: 20_000 }).toBe('complete');

    await page.goto(url('/clients/new'));
    await page.getByLabel('Kind').selectOption('business');
    await page.getByLabel('Name').fill('Acme Corp');
    await page.getByRole('button', { name: 'Save client' }).click();
    await expect.poll(() => page.getByText('Client saved.').count()).toBe(1);

    await page.getByRole('link', { name: 'Recurring', exact: true }).click();
    await expect.poll(() => page.locator('.empty-state').textContent()).toContain('No recurring invoices yet');
    await page.locator('.empty-state').getByRole('link', { name: 'New recurring invoice' }).click();

    // The API's field errors land beside their fields.
    await page.getByRole('button', { name: 'Save recurring invoice' }).click();
    await expect.poll(() => page.locator('#recurring-name-error').textContent()).toBe('Name the series.');
    expect(await page.locator('#recurring-clientId-error').textContent()).toBe('Choose a client.');

    await page.getByLabel('Name').fill('Monthly retainer');
    await page.getByLabel('Client').selectOption({ label: 'Acme Corp' });
    expect(await page.getByLabel('Frequency').inputValue()).toBe('monthly');
    await page.getByLabel('Start date').fill(`${year}-01-31`);
    expect(await page.locator('#recurring-startDate-hint').textContent()).toContain('Days 29–31 run on the 28th');
    await expect.poll(() => nextDates('.recurring-preview')).toEqual([`${year}-01-28`, `${year}-02-28`, `${year}-03-28`]);
    await page.getByLabel('Prices include tax').check();
    await page.getByRole('button', { name: 'Add line' }).click();
    await page.getByLabel('Description').fill('Retainer');
    await page.getByLabel('Unit price').fill('1500');
    await page.getByLabel('Taxable').check();
    await page.getByLabel('Tax rate (%)').fill('10');
    await expect.poll(() => page.locator('.document-grand-total dd').textContent()).toBe('$1,500.00');
    expect(await page.locator('.document-tax dt').textContent()).toBe('Tax (included)');
    expect(await page.locator('.document-tax dd').textContent()).toBe('$136.36');
    await page.getByRole('button', { name: 'Save recurring invoice' }).click();

    await expect.poll(() => page.locator('h1.recurring-title').textContent()).toBe('Monthly retainer');
    expect(await status()).toBe('Active');
    expect(await nextDates('.recurring-details .recurring-next')).toEqual([`${year}-01-28`, `${year}-02-28`, `${year}-03-28`]);
    expect(await page.locator('.recurring-invoices').textContent()).toContain('None yet.');

    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Recurring invoices' }).click();
    const row = page.locator('.recurring-table tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('.recurring-name').textContent()).toBe('Monthly retainer');
    expect(await row.textContent()).toContain('Acme Corp');
    expect(await row.textContent()).toContain('Monthly');
    expect(await nextDates('.recurring-table .recurring-next')).toEqual([`${year}-01-28`, `${year}-02-28`, `${year}-03-28`]);
    expect(await row.locator('.recurring-status').textContent()).toBe('Active');
    expect(await row.locator('.recurring-amount').textContent()).toBe('$1,500.00');
    expect(await row.locator('.recurring-autosend').textContent()).toBe('No');

    await row.getByRole('link', { name: 'Monthly retainer' }).click();
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(status).toBe('Paused');
    expect(await page.locator('.recurring-details .recurring-next').textContent()).toBe('None while paused');
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(status).toBe('Active');
    expect(await nextDates('.recurring-details .recurring-next')).toHaveLength(3);

    // An edit: the form opens with what the series copies; the client and calendar stay put.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    expect(await page.getByLabel('Unit price').inputValue()).toBe('1500.00');
    expect(await page.getByLabel('Prices include tax').isChecked()).toBe(true);
    expect(await page.getByLabel('Client').isDisabled()).toBe(true);
    await page.getByLabel('Unit price').fill('1800');
    await page.getByLabel('Name').fill('Monthly retainer 2027');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText('Monthly retainer 2027 is saved: invoices made from now on copy it.').count()).toBe(1);
    await expect.poll(() => page.locator('h1.recurring-title').textContent()).toBe('Monthly retainer 2027');
    expect(await page.locator('.recurring-details').textContent()).toContain('$1,800.00');

    // End asks first (the harness accepts the confirmation); the series leaves the list.
    await page.getByRole('button', { name: 'End', exact: true }).click();
    await expect.poll(() => page.getByText('Monthly retainer 2027 has ended.').count()).toBe(1);
    await expect.poll(() => page.locator('.empty-state').textContent()).toContain('No recurring invoices yet');
  });
});
