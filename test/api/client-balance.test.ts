/**
 * A client's balance on the client page: what is owed on open invoices and how much of it is
 * overdue, what was received, and the credit available — each figure worked out by hand below
 * and matched to the cent, with the invoices that must not count (a draft, a void one, a paid
 * one, another client's) in the same company. Money moves through the commands the invoice
 * lifecycle's activities call.
 *
 *   invoice  total    due          what happens                            owed now
 *   draft    100.00   2099-12-31   stays a draft                           —
 *   S1       250.00   2099-12-31   sent; 20.00 of credit applied           230.00 (not due)
 *   S2       400.00   2026-01-15   sent; 150.00 received                   250.00 (overdue)
 *   S3       300.00   2026-02-01   sent; 350.00 received, 50.00 kept       —  (paid)
 *   S4       500.00   2026-02-01   sent, then voided                       —
 *   other    999.00   2026-01-15   another client's, sent                  (not this client's)
 *
 *   outstanding 480.00 on 2 invoices, overdue 250.00 on 1, received 500.00, credit 50 − 20 = 30.00
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCredit, recordPayment, sendDocument, voidInvoice, type Actor } from '../../db/invoice-money';
import { checkLedger } from '../../db/ledger-check';
import { withTenant } from '../../db/tenant';
import { addDays } from '../../domain/dates';
import { signUpCompany } from '../support/company';
import { json, startTestEnv, type TestEnv } from '../support/harness';
import { joinCompany } from '../support/members';

let env: TestEnv;
let cookie = '';
let companyId = '';
let actor: Actor;
let umbrella = '';

beforeAll(async () => {
  env = await startTestEnv({ worker: true, env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
  const co = await signUpCompany(env, 'owner@balances.example', 'Balances Co');
  ({ cookie, companyId } = co);
  actor = { actorUserId: co.userId };
  const post = async (path: string, body: unknown) => {
    const res = await env.request(path, { method: 'POST', cookie, json: body });
    expect(res.status, await res.clone().text()).toBe(201);
    return json(res);
  };
  const money = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(env.database.db, companyId, fn);
  umbrella = (await post('/api/v1/clients', { kind: 'business', name: 'Umbrella', email: 'ap@umbrella.example' })).id;
  const other = (await post('/api/v1/clients', { kind: 'business', name: 'Other', email: 'ap@other.example' })).id;
  const invoice = async (clientId: string, amount: string, dueDate: string, send = true) => {
    const d = await post('/api/v1/documents', { kind: 'invoice', clientId, issueDate: '2026-01-01', dueDate, lines: [{ description: 'Work', quantity: '1', unitPrice: amount }] });
    if (send) await money((tx) => sendDocument(tx, companyId, d.id, actor));
    return d.id as string;
  };
  const pay = (documentId: string, amountCents: number, keepExcessAsCredit = false) =>
    money((tx) => recordPayment(tx, companyId, { paymentId: randomUUID(), documentId, amountCents, method: 'check', reference: '', receivedOn: '2026-02-01', keepExcessAsCredit }, actor));

  await invoice(umbrella, '100', '2099-12-31', false);
  const s1 = await invoice(umbrella, '250', '2099-12-31');
  const s2 = await invoice(umbrella, '400', '2026-01-15');
  const s3 = await invoice(umbrella, '300', '2026-02-01');
  const s4 = await invoice(umbrella, '500', '2026-02-01');
  await invoice(other, '999', '2026-01-15');
  await pay(s2, 15_000);
  expect(await pay(s3, 35_000, true)).toMatchObject({ status: 'paid', creditCents: 5_000 });
  await money((tx) => voidInvoice(tx, companyId, s4, { voidedOn: '2026-02-02', reason: 'Sent twice' }, actor));
  await money((tx) => applyCredit(tx, companyId, { applicationId: randomUUID(), documentId: s1, amountCents: 2_000, appliedOn: '2026-02-03' }, actor));
});
afterAll(async () => { await env?.close(); });

describe("a client's balance, and the company's", () => {
  it('owes the open invoices, overdue by due date, with what was received and the credit left', async () => {
    const res = await env.request(`/api/v1/clients/${umbrella}/balance`, { cookie });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body).toMatchObject({
      currency: 'USD', creditCents: 3_000,
      balances: [{ currency: 'USD', outstandingCents: 48_000, openInvoices: 2, overdueCents: 25_000, overdueInvoices: 1, receivedCents: 50_000 }],
    });
    // The same books, by the invariant checker: open balances equal A/R, the credit cache its ledger.
    expect((await checkLedger(env.owner.db, { companyId })).violations).toEqual([]);
  });

  it('is empty for a client with nothing sent or paid, and 404 for a client that is not there', async () => {
    const fresh = await json(await env.request('/api/v1/clients', { method: 'POST', cookie, json: { kind: 'business', name: 'Fresh' } }));
    expect(await json(await env.request(`/api/v1/clients/${fresh.id}/balance`, { cookie }))).toMatchObject({ creditCents: 0, balances: [] });
    expect((await env.request(`/api/v1/clients/${randomUUID()}/balance`, { cookie })).status).toBe(404);
  });

  it('shows in the clients list, each client owing its own', async () => {
    const { items } = await json(await env.request('/api/v1/clients', { cookie }));
    expect(items.map((c: { name: string; owed: unknown }) => [c.name, c.owed])).toEqual([
      ['Fresh', []],
      ['Other', [{ currency: 'USD', outstandingCents: 99_900, overdueCents: 99_900 }]],
      ['Umbrella', [{ currency: 'USD', outstandingCents: 48_000, overdueCents: 25_000 }]],
    ]);
  });

  it("adds up to the company's on the dashboard, with the oldest overdue first and what came in lately", async () => {
    const first = await json(await env.request('/api/v1/dashboard/money', { cookie }));
    // Every payment so far was received in February: none in the last 30 days.
    expect(first).toMatchObject({
      totals: [{ currency: 'USD', outstandingCents: 147_900, openInvoices: 3, overdueCents: 124_900, overdueInvoices: 2, receivedCents: 0 }],
    });
    expect(first.oldestOverdue.map((o: { clientName: string; dueDate: string; balanceCents: number }) => [o.clientName, o.dueDate, o.balanceCents])).toEqual([
      ['Umbrella', '2026-01-15', 25_000], ['Other', '2026-01-15', 99_900],
    ]);
    // A payment received today counts; one 30 days back does not, nor one dated ahead (a post-dated cheque).
    const [inv] = first.oldestOverdue;
    const money = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(env.database.db, companyId, fn);
    const pay = (amountCents: number, receivedOn: string) => money((tx) => recordPayment(tx, companyId, { paymentId: randomUUID(), documentId: inv.id, amountCents, method: 'check', reference: '', receivedOn, keepExcessAsCredit: false }, actor));
    await pay(1_000, first.asOf);
    await pay(2_000, addDays(first.asOf, -30));
    await pay(500, addDays(first.asOf, 5));
    expect((await json(await env.request('/api/v1/dashboard/money', { cookie }))).totals).toEqual([
      { currency: 'USD', outstandingCents: 144_400, openInvoices: 3, overdueCents: 121_400, overdueInvoices: 2, receivedCents: 1_000 },
    ]);
    expect(first.receivedSince).toBe(addDays(first.asOf, -29));
    // The client's own total is every payment to date: the post-dated one has not come in there either.
    expect((await json(await env.request(`/api/v1/clients/${umbrella}/balance`, { cookie }))).balances[0]).toMatchObject({ receivedCents: 50_000 + 1_000 + 2_000 });
  });

  it('is money, so staff (who may see clients) may not see it', async () => {
    const staff = await joinCompany(env, cookie, 'staff@balances.example', 'staff');
    expect((await env.request(`/api/v1/clients/${umbrella}`, { cookie: staff.cookie })).status).toBe(200);
    expect((await env.request(`/api/v1/clients/${umbrella}/balance`, { cookie: staff.cookie })).status).toBe(403);
    expect((await env.request('/api/v1/dashboard/money', { cookie: staff.cookie })).status).toBe(403);
    const { items } = await json(await env.request('/api/v1/clients', { cookie: staff.cookie }));
    expect(items.map((c: { name: string }) => c.name)).toEqual(['Fresh', 'Other', 'Umbrella']);
    expect(items.some((c: object) => 'owed' in c)).toBe(false);
  });
});
