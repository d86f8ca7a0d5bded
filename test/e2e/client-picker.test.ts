/**
 * The client picker in the browser with more clients than one page holds (205, imported
 * from CSV): the invoice, recurring and project forms find and pick a client past the
 * first 200 by searching, show a preselected one read by id, and bill in its currency.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, screenshot, startBrowserEnv } from '../support/browser';

const COUNT = 205;
const nameOf = (n: number) => `Client ${String(n).padStart(3, '0')}`;

describe.skipIf(chromiumMissing)('the client picker in the browser', () => {
  let b: Awaited<ReturnType<typeof startBrowserEnv>>;
  let page: Page;
  const url = (path: string) => b.url(path);
  /** A JSON call from the page itself: same origin, the session's cookie. */
  const api = <T>(method: string, path: string, body?: unknown) =>
    page.evaluate(async ([m, p, j]) => {
      const res = await fetch(p as string, { method: m as string, headers: { 'content-type': 'application/json' }, body: j === undefined ? undefined : JSON.stringify(j) });
      return res.json();
    }, [method, path, body] as const) as Promise<T>;
  // Exact: the search box's own label is "Search".
  const clientSelect = () => page.getByLabel('Client', { exact: true });
  const search = () => page.getByLabel('Search', { exact: true });
  const optionLabels = () => clientSelect().locator('option').allTextContents();
  const selectedLabel = () => clientSelect().evaluate((s) => (s as unknown as { selectedOptions: { text: string }[] }).selectedOptions[0]?.text ?? '');
  /** Type into the search and pick `name` once the API's matches list it. */
  const find = async (text: string, name: string) => {
    await search().fill(text);
    await expect.poll(optionLabels).toContain(name);
    await clientSelect().selectOption({ label: name });
  };

  beforeAll(async () => {
    b = await startBrowserEnv({ env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
    page = b.page;
  });
  afterAll(async () => {
    await b?.close();
  });

  it(`signs up and imports ${COUNT} clients, the last one billed in euros`, async () => {
    await page.goto(url('/signup'));
    await page.getByLabel('Email').fill('picker@example.com');
    await page.getByLabel('Password').fill('a sturdy passphrase');
    await page.getByLabel('Company name').fill('Picker Co');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.locator('.onboarding-status').textContent(), { timeout: 20_000 }).toBe('complete');

    const rows = Array.from({ length: COUNT }, (_, i) => `${nameOf(i + 1)},${i + 1 === COUNT ? 'EUR' : ''}`);
    const result = await api<{ imported?: number }>('POST', '/api/v1/clients/import', { csv: ['name,currency', ...rows].join('\n'), dryRun: false });
    expect(result).toMatchObject({ imported: COUNT });
  });

  it('finds and picks a client past the first 200 for a new invoice', async () => {
    await page.goto(url('/invoices'));
    await page.getByRole('button', { name: 'New invoice' }).click();
    // The first page A–Z, and a search for the rest.
    await expect.poll(optionLabels).toContain(nameOf(1));
    expect(await optionLabels()).not.toContain(nameOf(COUNT));
    expect(await page.locator('#new-invoice-clientId-search-status').textContent()).toContain('search to find the others');

    await find('205', nameOf(COUNT));
    await expect.poll(() => page.locator('#new-invoice-clientId-hint').textContent()).toBe('Bills in EUR.');
    await screenshot(page, 'client-picker');
    // Another search keeps the chosen client as an option, still chosen.
    await search().fill('Client 00');
    await expect.poll(optionLabels).toContain(nameOf(9));
    expect(await selectedLabel()).toBe(nameOf(COUNT));
    expect(await page.locator('#new-invoice-clientId-search-status').textContent()).toBe('9 matches.');
    await search().fill('nobody like this');
    await expect.poll(() => page.locator('#new-invoice-clientId-search-status').textContent()).toBe('No clients match “nobody like this”.');

    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect.poll(() => page.locator('.document-client').textContent()).toBe(nameOf(COUNT));
  });

  it('shows the client an invoice is started from, though no page of the list has it', async () => {
    const { items } = await api<{ items: { id: string; name: string }[] }>('GET', `/api/v1/clients?q=${encodeURIComponent(nameOf(COUNT - 1))}`);
    const client = items.find((c) => c.name === nameOf(COUNT - 1))!;
    await page.goto(url(`/clients/${client.id}`));
    await page.getByRole('link', { name: 'New invoice' }).click();
    await expect.poll(() => clientSelect().inputValue()).toBe(client.id);
    expect(await selectedLabel()).toBe(nameOf(COUNT - 1));
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect.poll(() => page.locator('.document-client').textContent()).toBe(nameOf(COUNT - 1));
  });

  it('totals a recurring invoice in the picked client’s currency', async () => {
    await page.goto(url('/recurring/new'));
    await page.getByLabel('Name').fill('Euro retainer');
    await page.getByRole('button', { name: 'Add line' }).click();
    await page.getByLabel('Description').fill('Retainer');
    await page.getByLabel('Unit price').fill('100');
    // No client yet: the company's currency.
    await expect.poll(() => page.locator('.document-grand-total dd').textContent()).toBe('$100.00');
    await find('205', nameOf(COUNT));
    await expect.poll(() => page.locator('.document-grand-total dd').textContent()).toBe('€100.00');
    await screenshot(page, 'recurring-client-picker');
  });

  it('saves a project for a client past the first page, and shows it again', async () => {
    await page.goto(url('/projects/new'));
    await page.getByLabel('Name', { exact: true }).fill('Late alphabet');
    await find('203', nameOf(203));
    await page.getByRole('button', { name: 'Save project' }).click();
    await expect.poll(() => page.getByText('Project saved.').count()).toBe(1);
    await page.reload();
    await expect.poll(selectedLabel).toBe(nameOf(203));
  });
});
