/**
 * The app on a phone (390 × 844): every main page fits the screen's width — wide tables scroll
 * inside their own frame, never the page — and the two line editors (a document's lines, a
 * manual journal entry) show each field's name on the line itself, since their column headers
 * are hidden there.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, screenshot, startBrowserEnv } from '../support/browser';

/** How far the page is wider than the screen, in CSS pixels (0 when it fits). Browser code as text: the tests compile without the DOM's types. */
const overflow = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

describe.skipIf(chromiumMissing)('on a phone', () => {
  let b: Awaited<ReturnType<typeof startBrowserEnv>>;
  let page: Page;

  beforeAll(async () => {
    b = await startBrowserEnv({ env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
    page = b.page;
    await page.setViewportSize({ width: 390, height: 844 });
  });
  afterAll(async () => { await b?.close(); });

  it('signs up and drafts an invoice whose lines are labelled where they are', async () => {
    await page.goto(b.url('/signup'));
    expect(await overflow(page)).toBe(0);
    await page.getByLabel('Email').fill('phone@example.com');
    await page.getByLabel('Password').fill('a sturdy passphrase');
    await page.getByLabel('Company name').fill('Phone Co');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.locator('.onboarding-status').textContent(), { timeout: 20_000 }).toBe('complete');

    await page.goto(b.url('/clients/new'));
    await page.getByLabel('Kind').selectOption('business');
    await page.getByLabel('Name').fill('Acme Corp');
    await page.getByRole('button', { name: 'Save client' }).click();
    await expect.poll(() => page.getByText('Client saved.').count()).toBe(1);
    await page.getByRole('link', { name: 'New invoice' }).click();
    await expect.poll(() => page.getByLabel('Client').inputValue()).not.toBe('');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect.poll(() => page.locator('h1.document-number').count()).toBe(1);
    await page.getByRole('button', { name: 'Add line' }).click();
    await page.getByLabel('Description').fill('Website redesign');
    await page.getByLabel('Quantity').fill('2');
    await page.getByLabel('Unit price').fill('125');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.getByText('Draft saved.').count()).toBe(1);
    // Shown, not the 1-pixel label a screen reader gets beside the desktop's column headers.
    expect((await page.locator('tr.document-line label', { hasText: 'Unit price' }).boundingBox())!.width).toBeGreaterThan(40);
    expect(await overflow(page)).toBe(0);
    await screenshot(page, 'phone-invoice');
  });

  it('fits every main page to the screen', async () => {
    for (const path of ['/', '/clients', '/projects', '/time', '/invoices', '/estimates', '/recurring', '/accounting', '/accounting/accounts', '/accounting/journal', '/accounting/periods', '/settings/security', '/audit']) {
      await page.goto(b.url(path));
      await expect.poll(() => page.locator('h1').count()).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      expect({ path, overflow: await overflow(page) }).toEqual({ path, overflow: 0 });
    }
  });

  it('names each field of a manual journal line on the line', async () => {
    await page.goto(b.url('/accounting/journal'));
    const debit = page.getByLabel('Line 1 debit');
    await debit.waitFor();
    const label = await page.evaluate<string>(`getComputedStyle(document.querySelector('.entry-lines td[data-label="Debit"]'), '::before').content`);
    expect(label).toBe('"Debit"');
    await screenshot(page, 'phone-journal');
  });
});
