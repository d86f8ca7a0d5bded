/**
 * Invoicing in the browser, against the real API, worker, Temporal, PostgreSQL
 * and SMTP server: a client with an email, an invoice drafted from the client
 * page and sent, the emailed portal link opened by the client (in a browser
 * context of their own, with no session); an estimate sent and accepted in the
 * portal with a drawn signature, and its certificate; then the invoice paid in
 * full from the app.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumMissing, screenshot, startBrowserEnv } from '../support/browser';
import { png } from '../support/pdf';
import type { TestEnv } from '../support/harness';

const clientEmail = 'billing@acme.test';
const portalLink = (text: string) => /https?:\/\/\S+\/portal\/[\w-]+/.exec(text)?.[0];

describe.skipIf(chromiumMissing)('invoicing in the browser', () => {
  let b: Awaited<ReturnType<typeof startBrowserEnv>>;
  let env: TestEnv;
  let page: Page;
  /** The client's own browser: no cookies from the app. */
  let clientContext: BrowserContext;
  let clientPage: Page;
  let invoicePath = '';
  let invoiceNumber = '';
  let clientPath = '';
  const url = (path: string) => b.url(path);
  const status = () => page.locator('.document-header .document-status').textContent();

  beforeAll(async () => {
    b = await startBrowserEnv({ env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
    ({ env, page } = b);
    clientContext = await page.context().browser()!.newContext();
    clientPage = await clientContext.newPage();
  });
  afterAll(async () => {
    await clientContext?.close();
    await b?.close();
  });

  it('signs up and adds a client with an email address', async () => {
    await page.goto(url('/signup'));
    await page.getByLabel('Email').fill('owner@invoice.test');
    await page.getByLabel('Password').fill('a sturdy passphrase');
    await page.getByLabel('Company name').fill('Invoice Co');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.locator('.onboarding-status').textContent(), { timeout: 20_000 }).toBe('complete');

    await page.goto(url('/clients/new'));
    await page.getByLabel('Kind').selectOption('business');
    await page.getByLabel('Name').fill('Acme Corp');
    await page.getByLabel('Email', { exact: true }).fill(clientEmail);
    await page.getByRole('button', { name: 'Save client' }).click();
    await expect.poll(() => page.getByText('Client saved.').count()).toBe(1);
    clientPath = new URL(page.url()).pathname;
  });

  it("sets the company's invoice details and logo, refusing a schedule that repeats a day", async () => {
    await page.goto(url('/settings/company'));
    const section = page.getByRole('region', { name: 'Invoices' });
    await section.getByLabel('Billing email').fill('billing@invoice.test');
    await section.getByLabel('Address line 1').fill('1 Market Square');
    await section.getByLabel('Reminders (days from the due date)').fill('7, 7');
    await section.getByRole('button', { name: 'Save invoice settings' }).click();
    await expect.poll(() => section.locator('#invoicing-reminderDays-error').textContent()).toBe('Each reminder day once.');
    await section.getByLabel('Reminders (days from the due date)').fill('-2, 7, 14');
    await section.getByRole('button', { name: 'Save invoice settings' }).click();
    await expect.poll(() => section.getByText('Invoice settings saved.', { exact: false }).count()).toBe(1);

    const dir = mkdtempSync(join(tmpdir(), 'ez360pm-logo-'));
    writeFileSync(join(dir, 'logo.png'), png(60, 24));
    await section.getByLabel('Logo').setInputFiles(join(dir, 'logo.png'));
    await expect.poll(() => section.locator('img.logo-preview').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(60);
    rmSync(dir, { recursive: true, force: true });
    await page.reload();
    expect(await section.getByLabel('Reminders (days from the due date)').inputValue()).toBe('-2, 7, 14');
    expect(await section.getByLabel('Billing email').inputValue()).toBe('billing@invoice.test');
    // The company started in the zone the browser that signed it up is in.
    const browserZone = await page.evaluate<string>('Intl.DateTimeFormat().resolvedOptions().timeZone');
    expect([await section.getByLabel('Currency').inputValue(), await section.getByLabel('Time zone').inputValue()]).toEqual(['USD', browserZone]);
    await screenshot(page, 'invoice-settings');
    await page.goto(url(clientPath)); // where the next step starts
  });

  it('drafts an invoice from the client page, sends it, and the client opens the emailed link', async () => {
    await page.getByRole('link', { name: 'New invoice' }).click();
    await expect.poll(() => page.getByLabel('Client').inputValue()).not.toBe('');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect.poll(() => page.locator('h1.document-number').textContent()).toMatch(/^INV-\d{4}-0001$/);
    invoiceNumber = (await page.locator('h1.document-number').textContent())!;
    invoicePath = new URL(page.url()).pathname;

    await page.getByRole('button', { name: 'Add line' }).click();
    await page.getByLabel('Description').fill('Website redesign');
    await page.getByLabel('Quantity').fill('2');
    await page.getByLabel('Unit price').fill('125');
    // Typed, not saved: Send would send the stored draft and reload the form, so it waits for a save.
    expect(await page.getByRole('button', { name: 'Send invoice' }).isDisabled()).toBe(true);
    expect(await page.getByText('Save your changes first, then send.').count()).toBe(1);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.getByText('Draft saved.').count()).toBe(1);
    expect(await page.locator('.document-grand-total dd').textContent()).toBe('$250.00');
    expect(await page.getByText('Save your changes first, then send.').count()).toBe(0);

    await page.getByRole('button', { name: 'Send invoice' }).click();
    const dialog = page.locator('#send-dialog');
    await expect.poll(() => dialog.locator('.send-to').textContent()).toBe(clientEmail);
    await dialog.getByRole('button', { name: `Send to ${clientEmail}` }).click();
    await expect.poll(status, { timeout: 20_000 }).toBe('Sent');
    expect(await page.getByText(`Sent to ${clientEmail}.`).count()).toBe(1);
    expect(await page.locator('.locked-banner').textContent()).toContain('Locked.');
    expect(await page.getByRole('button', { name: 'Record payment' }).count()).toBe(1);
    await screenshot(page, 'invoice-sent');

    const mail = await env.mail.waitFor((m) => m.to.includes(clientEmail) && m.subject === `Invoice ${invoiceNumber} from Invoice Co`, 20_000);
    const link = portalLink(mail.text);
    expect(link).toBeDefined();
    await clientPage.goto(link!);
    await expect.poll(() => clientPage.locator('#portal-title').textContent()).toBe(`Invoice ${invoiceNumber}`);
    expect(await clientPage.locator('.portal-company').textContent()).toBe('Invoice Co');
    expect(await clientPage.locator('.portal-line').first().textContent()).toContain('Website redesign');
    expect(await clientPage.locator('.portal-balance dd').textContent()).toBe('$250.00');
    expect(await clientPage.getByRole('link', { name: 'Download PDF' }).count()).toBe(1);
    // Who sent it, as the company set itself up: the logo on the band, the contact details below.
    await expect.poll(() => clientPage.locator('img.portal-logo').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(60);
    expect(await clientPage.locator('.portal-contact').textContent()).toBe('Questions? Invoice Co: billing@invoice.test · 1 Market Square');
    await screenshot(clientPage, 'portal-invoice');
  });

  it('lists the client with what it now owes', async () => {
    await page.goto(url('/clients'));
    await expect.poll(() => page.locator('.clients-table tr', { hasText: 'Acme Corp' }).locator('.client-owed').textContent()).toBe('$250.00');
  });

  it('sends an estimate; the client accepts it with a drawn signature and sees the certificate', async () => {
    await page.goto(url('/estimates'));
    await page.getByRole('button', { name: 'New estimate' }).click();
    await page.getByLabel('Client').selectOption({ label: 'Acme Corp' });
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect.poll(() => page.locator('h1.document-number').textContent()).toMatch(/^EST-\d{4}-0001$/);
    const estimateNumber = (await page.locator('h1.document-number').textContent())!;
    await page.getByRole('button', { name: 'Add line' }).click();
    await page.getByLabel('Description').fill('Phase two');
    await page.getByLabel('Unit price').fill('1200');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.locator('.document-grand-total dd').textContent()).toBe('$1,200.00');
    await page.getByRole('button', { name: 'Send estimate' }).click();
    await page.locator('#send-dialog').getByRole('button', { name: `Send to ${clientEmail}` }).click();
    await expect.poll(status, { timeout: 20_000 }).toBe('Sent');

    // Still open to change once sent: revised (now with tax included in the price) and sent again as revision 2.
    await page.getByLabel('Unit price').fill('1320');
    await page.getByLabel('Taxable').check();
    await page.getByLabel('Tax rate (%)').fill('10');
    await page.getByLabel('Prices include tax').check();
    expect(await page.getByRole('button', { name: 'Send revision' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText('Changes saved. The client sees them once you send a revision.').count()).toBe(1);
    await page.getByRole('button', { name: 'Send revision' }).click();
    await page.locator('#send-dialog').getByRole('button', { name: `Send to ${clientEmail}` }).click();
    await expect.poll(() => page.getByText(`Revision sent to ${clientEmail}.`).count(), { timeout: 20_000 }).toBe(1);
    expect(await status()).toBe('Sent');

    const mail = await env.mail.waitFor((m) => m.subject === `Estimate ${estimateNumber} from Invoice Co` && m.text.includes('1,320.00'), 20_000);
    await clientPage.goto(portalLink(mail.text)!);
    await expect.poll(() => clientPage.locator('#portal-title').textContent()).toBe(`Estimate ${estimateNumber}`);
    // The tax is inside the price: labelled so, the totals add up.
    expect(await clientPage.locator('.portal-tax dt').textContent()).toBe('Tax (included)');
    expect(await clientPage.locator('.portal-tax dd').textContent()).toBe('$120.00');
    expect(await clientPage.locator('.portal-totals .document-grand-total dd').textContent()).toBe('$1,320.00');

    await clientPage.getByLabel('Your full name').fill('Wile E. Coyote');
    await clientPage.getByLabel('Draw my signature').check();
    // page.mouse works in viewport coordinates: bring the pad on screen first.
    await clientPage.locator('#accept-signature').scrollIntoViewIfNeeded();
    const box = (await clientPage.locator('#accept-signature').boundingBox())!;
    await clientPage.mouse.move(box.x + 30, box.y + box.height * 0.6);
    await clientPage.mouse.down();
    for (let i = 1; i <= 12; i++) {
      await clientPage.mouse.move(box.x + 30 + i * 20, box.y + box.height * (0.6 + (i % 2 ? -0.25 : 0.1)), { steps: 3 });
    }
    await clientPage.mouse.up();
    await clientPage.getByLabel(/^I accept/).check();
    await clientPage.getByRole('button', { name: 'Accept and sign' }).click();

    const certificate = clientPage.locator('.signature-certificate');
    await expect.poll(() => certificate.count(), { timeout: 10_000 }).toBe(1);
    expect(await certificate.locator('.certificate-name').textContent()).toBe('Wile E. Coyote');
    expect(await certificate.locator('.certificate-sha').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await certificate.locator('.certificate-revision').textContent()).toBe('2');
    expect(await certificate.locator('img.signature-image').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await clientPage.locator('.portal-document .document-status').textContent()).toBe('Accepted');
    expect(await clientPage.getByRole('button', { name: 'Accept and sign' }).count()).toBe(0);
    await screenshot(clientPage, 'portal-estimate-accepted');

    await page.reload();
    await expect.poll(status).toBe('Accepted');
    expect(await page.locator('.document-activity-item[data-action="estimate.accepted"]').textContent()).toContain('Signed by Wile E. Coyote.');
    await page.getByRole('button', { name: 'Convert to invoice' }).click();
    await expect.poll(() => page.locator('h1.document-number').textContent()).toMatch(/^INV-\d{4}-0002$/);
    expect(await status()).toBe('Draft');
  });

  it('records a payment for the full balance (a double click is one payment) and the invoice is paid', async () => {
    await page.goto(url(invoicePath));
    await expect.poll(status).toBe('Sent');
    await page.getByRole('button', { name: 'Record payment' }).click();
    const dialog = page.locator('#payment-dialog');
    expect(await dialog.getByLabel('Amount').inputValue()).toBe('250.00');
    await dialog.getByLabel('Method').selectOption('check');
    await dialog.getByLabel('Reference').fill('Cheque 1042');
    await dialog.getByRole('button', { name: 'Record payment' }).dblclick();
    await expect.poll(status, { timeout: 15_000 }).toBe('Paid');
    expect(await page.locator('.document-balance dd').textContent()).toBe('$0.00');
    await expect.poll(() => page.locator('.payments-table tr.payment-row').count()).toBe(1);
    expect(await page.locator('.payments-table tr.payment-row').textContent()).toContain('Cheque 1042');
    expect(await page.getByRole('button', { name: 'Record payment' }).count()).toBe(0);
    await expect.poll(() => page.locator('.document-activity-item[data-action="invoice.payment_recorded"]').count()).toBe(1);
    await screenshot(page, 'invoice-paid');

    // A new portal link is shown once; revoked, it no longer opens.
    await page.getByRole('button', { name: 'Create link' }).click();
    const shared = await page.locator('#portal-link-url').inputValue();
    expect(shared).toMatch(/\/portal\/[\w-]+$/);
    const newest = page.locator('.portal-links-table tbody tr').first();
    expect(await newest.locator('.badge').textContent()).toBe('Active');
    await newest.getByRole('button', { name: /^Revoke/ }).click();
    await expect.poll(() => newest.locator('.badge').textContent()).toBe('Revoked');
    await clientPage.goto(shared);
    await expect.poll(() => clientPage.locator('.portal-problem h1').textContent()).toBe('This link is no longer active');

    await page.goto(url('/invoices'));
    await page.getByLabel('Status').selectOption('paid');
    await expect.poll(() => page.locator('.documents-table tbody tr').count()).toBe(1);
    expect(await page.locator('.documents-summary-total dd').textContent()).toBe('$250.00');
    expect(await page.locator('.documents-summary-balance dd').textContent()).toBe('$0.00');
    expect(await page.locator('.documents-summary p').textContent()).toBe('1 invoice listed');
    await screenshot(page, 'invoices-list');
  });

  it("shows the client's balance and documents on the client page", async () => {
    await page.goto(url(clientPath));
    const figure = (name: string) => page.locator(`.money-${name} dd`).first().textContent();
    await expect.poll(() => figure('received')).toBe('$250.00');
    expect(await figure('outstanding')).toBe('$0.00');
    expect(await figure('overdue')).toBe('$0.00');
    expect(await figure('credit')).toBe('$0.00');
    // The paid invoice and the draft made from the estimate, newest first; the converted estimate.
    const invoices = page.getByRole('region', { name: 'Invoices' });
    expect(await invoices.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))).toEqual(['draft', 'paid']);
    expect(await page.getByRole('region', { name: 'Estimates' }).locator('tbody tr').getAttribute('data-status')).toBe('converted');
    await screenshot(page, 'client-balance');

    // The dashboard adds it up for the company: nothing owed, the payment received today.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect.poll(() => page.locator('.money-snapshot .money-received dd').first().textContent()).toBe('$250.00');
    expect(await page.locator('.money-snapshot .money-outstanding dd').first().textContent()).toBe('$0.00');
    await screenshot(page, 'dashboard');
  });

  it("leaves void invoices out of the list's total, and says so", async () => {
    await page.goto(url('/invoices'));
    await expect.poll(() => page.locator('.documents-table tbody tr').count()).toBe(2);
    // The paid invoice and the draft converted from the estimate.
    expect(await page.locator('.documents-summary-total dd').textContent()).toBe('$1,570.00');
    await page.getByRole('link', { name: /^INV-\d{4}-0002$/ }).click();
    await page.getByRole('button', { name: 'Void' }).click();
    await page.locator('#void-dialog').getByLabel('Reason').fill('Issued by mistake');
    await page.locator('#void-dialog').getByRole('button', { name: 'Void invoice' }).click();
    await expect.poll(status).toBe('Void');
    await page.goto(url('/invoices'));
    await expect.poll(() => page.locator('.documents-table tr[data-status="void"]').count()).toBe(1);
    expect(await page.locator('.documents-summary-total dt').textContent()).toBe('Total, excluding void');
    expect(await page.locator('.documents-summary-total dd').textContent()).toBe('$250.00');
    expect(await page.locator('.documents-summary-balance dd').textContent()).toBe('$0.00');
  });
});
