/**
 * The books in the browser: the accounting area from the sidebar, a new
 * account, a manual entry that refuses to post until it balances, the
 * balance sheet and trial balance showing it, a CSV download, and a period
 * closed — against the real API, worker, Temporal and PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, screenshot, startBrowserEnv } from '../support/browser';

describe.skipIf(chromiumMissing)('the books in the browser', () => {
  let b: Awaited<ReturnType<typeof startBrowserEnv>>;
  let page: Page;
  const url = (path: string) => b.url(path);
  const shot = (name: string) => screenshot(page, name);

  beforeAll(async () => {
    b = await startBrowserEnv({ env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
    page = b.page;
  });
  afterAll(async () => { await b?.close(); });

  it('adds an account to the chart', async () => {
    await page.goto(url('/signup'));
    await page.getByLabel('Email').fill('books@example.com');
    await page.getByLabel('Password').fill('a sturdy passphrase');
    await page.getByLabel('Company name').fill('Ledger Co');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.locator('.onboarding-status').textContent(), { timeout: 20_000 }).toBe('complete');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounting' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Accounting');
    await page.getByRole('navigation', { name: 'Accounting' }).getByRole('link', { name: 'Chart of accounts' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Accounts receivable', exact: true }).count()).toBe(1);
    await page.getByLabel('Code').fill('6100');
    await page.getByLabel('Name').fill('Contractors');
    await page.getByLabel('Type').selectOption('expense');
    await page.getByRole('button', { name: 'Add account' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Contractors', exact: true }).count()).toBe(1);
    await shot('chart');
  });

  it('posts a manual entry only once it balances', async () => {
    await page.getByRole('navigation', { name: 'Accounting' }).getByRole('link', { name: 'Journal' }).click();
    await page.getByLabel('Date').fill('2026-03-01');
    await page.getByLabel('What it is for').fill('Owner puts money in');
    await page.getByLabel('Line 1 account').selectOption({ label: '1000 Cash' });
    await page.getByLabel('Line 1 debit').fill('5000');
    await page.getByLabel('Line 2 account').selectOption({ label: "3000 Owner's equity" });
    await page.getByLabel('Line 2 credit').fill('4999');
    await expect.poll(() => page.getByText('Off by $1.00').count()).toBe(1);
    await page.getByRole('button', { name: 'Post entry' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'must be equal' }).count()).toBe(1);
    await page.getByLabel('Line 2 credit').fill('5,000.00');
    await page.getByRole('button', { name: 'Post entry' }).click();
    await expect.poll(() => page.getByText('Posted: Owner puts money in, $5,000.00.').count()).toBe(1);
    await expect.poll(() => page.getByRole('cell', { name: 'Owner puts money in', exact: true }).count()).toBe(1);
    // A second entry, a month earlier, for the chart.
    await page.getByLabel('Date').fill('2026-02-15');
    await page.getByLabel('What it is for').fill('Design contractor');
    await page.getByLabel('Line 1 account').selectOption({ label: '6100 Contractors' });
    await page.getByLabel('Line 1 debit').fill('800');
    await page.getByLabel('Line 2 account').selectOption({ label: '1000 Cash' });
    await page.getByLabel('Line 2 credit').fill('800');
    await page.getByRole('button', { name: 'Post entry' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Design contractor', exact: true }).count()).toBe(1);
    await shot('journal');
  });

  it('shows it on the balance sheet and trial balance, and downloads CSV', async () => {
    await page.getByRole('navigation', { name: 'Accounting' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('tab', { name: 'Balance sheet' }).click();
    await page.getByLabel('As of').fill('2026-03-31');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => page.getByText('Balance sheet as of 2026-03-31').count()).toBe(1);
    await expect.poll(() => page.getByText('Assets = liabilities + equity').count()).toBe(1);
    expect(await page.getByRole('row', { name: /Owner's equity/ }).textContent()).toContain('$5,000.00');
    // All of it in 2026: nothing retained from earlier years, the year's net income below it.
    expect(await page.getByRole('row', { name: /Retained earnings/ }).textContent()).toContain('$0.00');
    expect(await page.getByRole('row', { name: /Net income this year/ }).textContent()).toContain('-$800.00');
    await shot('balance-sheet');
    await page.getByRole('tab', { name: 'Trial balance' }).click();
    await expect.poll(() => page.getByText('Debits = credits').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('1000,Cash,asset,4200.00,0.00');
    await page.getByRole('tab', { name: 'A/R aging' }).click();
    await expect.poll(() => page.getByText('Nothing is owed.').count()).toBe(1);
    // No invoices in these books: the sales tax summary says so, and agrees with the (untouched) tax account.
    await page.getByRole('tab', { name: 'Sales tax' }).click();
    await expect.poll(() => page.getByText('No invoice was sent or voided in this range.').count()).toBe(1);
    expect(await page.getByText('Matches the sales tax payable account').count()).toBe(1);
    await page.getByRole('tab', { name: 'Utilisation' }).click();
    await expect.poll(() => page.getByText('Nobody tracked time in this range.').count()).toBe(1);
    // The report is in the address: back returns to the one before, and a link opens the one it names.
    expect(new URL(page.url()).searchParams.get('report')).toBe('time-utilisation');
    await page.goBack();
    await expect.poll(() => page.getByRole('tab', { name: 'Sales tax' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByText('No invoice was sent or voided in this range.').count()).toBe(1);
    await page.getByRole('tab', { name: 'Profit & loss' }).click();
    await page.getByLabel('From').fill('2026-01-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => page.getByText('Profit & loss, 2026-01-01 to 2026-03-31').count()).toBe(1);
    expect(await page.getByRole('row', { name: /Net income/ }).textContent()).toContain('-$800.00');
    // The chart: bars per month, its numbers in its accessible name.
    expect(await page.getByRole('img', { name: /Income and expenses by month/ }).getAttribute('aria-label')).toContain('Expenses $800.00');
    await shot('profit-and-loss');
    await page.goto(url('/accounting?report=ar-aging'));
    await expect.poll(() => page.getByRole('tab', { name: 'A/R aging' }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => page.getByText('Nothing is owed.').count()).toBe(1);
  });

  it('closes a period, after which the same date is refused', async () => {
    await page.getByRole('navigation', { name: 'Accounting' }).getByRole('link', { name: 'Periods' }).click();
    await page.getByLabel('Starts').fill('2026-03-01');
    await page.getByLabel('Ends').fill('2026-03-31');
    await page.getByRole('button', { name: 'Add period' }).click();
    await page.getByRole('button', { name: 'Close period' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Reopen' }).count()).toBe(1);
    await shot('periods');
    await page.getByRole('navigation', { name: 'Accounting' }).getByRole('link', { name: 'Journal' }).click();
    await page.getByLabel('Date').fill('2026-03-15');
    await page.getByLabel('What it is for').fill('Late bill');
    await page.getByLabel('Line 1 account').selectOption({ label: '6100 Contractors' });
    await page.getByLabel('Line 1 debit').fill('100');
    await page.getByLabel('Line 2 account').selectOption({ label: '1000 Cash' });
    await page.getByLabel('Line 2 credit').fill('100');
    await page.getByRole('button', { name: 'Post entry' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'closed period' }).count()).toBe(1);
  });

  it("keeps a line's error on the row it was typed in, with a blank row above it", async () => {
    // Row 1 emptied (blank rows are not sent), so the server's second line is the third row here.
    await page.getByLabel('Date').fill('2026-11-02');
    await page.getByLabel('Line 1 account').selectOption('');
    await page.getByLabel('Line 1 debit').fill('');
    await page.getByRole('button', { name: 'Add a line' }).click();
    await page.getByLabel('Line 2 account').selectOption({ label: '6100 Contractors' });
    await page.getByLabel('Line 2 credit').fill('');
    await page.getByLabel('Line 2 debit').fill('10');
    await page.getByLabel('Line 3 account').selectOption({ label: '1000 Cash' });
    await page.getByLabel('Line 3 credit').fill('ten');
    expect(await page.getByText('Check the amounts').count()).toBe(1);
    await page.getByRole('button', { name: 'Post entry' }).click();
    await expect.poll(() => page.getByLabel('Line 3 credit').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Line 2 credit').getAttribute('aria-invalid')).toBeNull();
    await page.getByLabel('Line 3 credit').fill('10.00');
    await expect.poll(() => page.getByText('Balanced', { exact: true }).count()).toBe(1);
  });

  it('reverses a manual entry after confirming the date it posts on, once', async () => {
    const dialog = page.waitForEvent('dialog');
    await page.getByRole('button', { name: 'Reverse Design contractor' }).click();
    expect((await dialog).message()).toMatch(/^Reverse "Design contractor"\? A mirror-image entry dated .+ will be posted/);
    await expect.poll(() => page.getByText(/^Reversed "Design contractor" with an entry dated/).count()).toBe(1);
    // Neither the reversed entry nor its reversal is offered for reversing again; other entries still are.
    await expect.poll(() => page.locator('.entry-reversed').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Reverse Design contractor' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Reverse Reversal of: Design contractor' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: "Reverse Owner puts money in" }).count()).toBe(1);
    await shot('journal-reversed');
  });
});
