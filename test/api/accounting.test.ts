/**
 * A month of a small agency, worked by hand: invoices sent, partial payments,
 * an overpayment kept as credit, that credit applied, a void, manual entries
 * (owner's money, software, a contractor, banking a cheque). The trial
 * balance, P&L, balance sheet, general ledger and A/R aging the API answers
 * are matched to the cent against the figures written out below. Then the
 * chart, manual-entry rules, periods, plan gate, roles, CSV and reconciliation.
 *
 * Invoices are created through the API; the money moves through the same
 * commands the invoice lifecycle workflow's activities call.
 *
 *   date        entry                                  DR                     CR
 *   2025-12-01  INV A Globex (due 12-16)               A/R 1,000.00           Revenue 1,000.00
 *   2026-01-10  INV B Initech (due 01-25)              A/R 2,000.00           Revenue 2,000.00
 *   2026-02-10  payment on B, transfer                 Cash 500.00            A/R 500.00
 *   2026-03-01  manual: owner puts money in            Cash 5,000.00          Owner's equity 5,000.00
 *   2026-03-02  INV 1 Acme 10 h × 120 + 8.25% tax      A/R 1,299.00           Revenue 1,200.00, Sales tax 99.00
 *   2026-03-05  INV 2 Globex website                   A/R 3,000.00           Revenue 3,000.00
 *   2026-03-09  INV 3 Initech 4 × 150 + 8.25%          A/R 649.50             Revenue 600.00, Sales tax 49.50
 *   2026-03-12  INV 4 Acme logo 500 + 8.25%            A/R 541.25             Revenue 500.00, Sales tax 41.25
 *   2026-03-14  INV 5 Globex (wrong client)            A/R 500.00             Revenue 500.00
 *   2026-03-15  manual: software                       Expenses 120.00        Cash 120.00
 *   2026-03-16  void INV 5                             Revenue 500.00         A/R 500.00
 *   2026-03-20  Acme pays INV 1 with 1,400.00 (card)   Cash 1,400.00          A/R 1,299.00, Customer credits 101.00
 *   2026-03-25  Globex pays 1,000.00 on INV 2 (check)  Undeposited 1,000.00   A/R 1,000.00
 *   2026-03-28  Acme's 101.00 credit applied to INV 4  Customer credits 101   A/R 101.00
 *   2026-03-30  manual: cheque banked                  Cash 1,000.00          Undeposited 1,000.00
 *   2026-03-31  manual: contractor (new acct 6100)     Contractors 800.00     Cash 800.00
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCredit, recordPayment, sendDocument, voidInvoice, type Actor } from '../../db/invoice-money';
import { checkLedger } from '../../db/ledger-check';
import { legacySourceId } from '../../db/ledger-entries';
import { postEntry } from '../../db/journal';
import { withTenant } from '../../db/tenant';
import { parseCsv } from '../../domain/csv';
import { eventually, json, sessionCookie, startTestEnv, type TestEnv } from '../support/harness';
import { joinCompany } from '../support/members';

let env: TestEnv;
let cookie = '';
let companyId = '';
let actor: Actor;
const acct: Record<string, string> = {};
const inv: Record<string, { id: string; number: string }> = {};
const get = (path: string, c = cookie) => env.request(path, { cookie: c });
const post = (path: string, body: unknown, c = cookie, headers: Record<string, string> = {}) => env.request(path, { method: 'POST', cookie: c, json: body, headers });
const money = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(env.database.db, companyId, fn);

beforeAll(async () => {
  env = await startTestEnv({ worker: true, env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
  const res = await env.request('/api/v1/auth/signup', { method: 'POST', json: { email: 'books@brightside.example', password: 'correct horse battery', companyName: 'Brightside Studio' } });
  cookie = sessionCookie(res);
  const body = await json(res);
  companyId = body.company.id;
  actor = { actorUserId: body.user.id };
  await eventually(async () => ((await json(await get('/api/v1/onboarding'))).status === 'complete' ? true : undefined));
  for (const a of (await json(await get('/api/v1/accounting/accounts'))).items) acct[a.code] = a.id;

  const client = async (name: string, paymentTermsDays: number) => (await json(await post('/api/v1/clients', { kind: 'business', name, email: `ap@${name.toLowerCase()}.example`, paymentTermsDays }))).id as string;
  const acme = await client('Acme', 15);
  const globex = await client('Globex', 30);
  const initech = await client('Initech', 30);
  const invoice = async (key: string, clientId: string, issueDate: string, dueDate: string, lines: object[]) => {
    const res = await post('/api/v1/documents', { kind: 'invoice', clientId, issueDate, dueDate, lines });
    expect(res.status).toBe(201);
    const d = await json(res);
    inv[key] = { id: d.id, number: d.number };
    return d;
  };
  const send = (key: string) => money((tx) => sendDocument(tx, companyId, inv[key]!.id, actor));
  const pay = (key: string, amountCents: number, method: 'card' | 'check' | 'bank_transfer', receivedOn: string, keepExcessAsCredit = false) =>
    money((tx) => recordPayment(tx, companyId, { paymentId: randomUUID(), documentId: inv[key]!.id, amountCents, method, reference: '', receivedOn, keepExcessAsCredit }, actor));
  const manual = async (entryDate: string, memo: string, debit: string, credit: string, amount: string) => {
    const res = await post('/api/v1/accounting/entries', { entryDate, memo, lines: [{ accountId: acct[debit], debit: amount }, { accountId: acct[credit], credit: amount }] });
    expect(res.status, await res.clone().text()).toBe(201);
  };

  const taxed = (description: string, quantity: string, unitPrice: string) => ({ description, quantity, unitPrice, taxable: true, taxRate: '8.25' });
  expect((await invoice('A', globex, '2025-12-01', '2025-12-16', [{ description: 'Retainer', quantity: '1', unitPrice: '1000' }])).totalCents).toBe(100_000);
  await send('A');
  await invoice('B', initech, '2026-01-10', '2026-01-25', [{ description: 'Audit', quantity: '1', unitPrice: '2000' }]);
  await send('B');
  await pay('B', 50_000, 'bank_transfer', '2026-02-10');
  await manual('2026-03-01', 'Owner puts money in', '1000', '3000', '5,000.00');
  expect((await invoice('1', acme, '2026-03-02', '2026-03-17', [taxed('Design', '10', '120')])).totalCents).toBe(129_900);
  await send('1');
  await invoice('2', globex, '2026-03-05', '2026-04-04', [{ description: 'Website build', quantity: '1', unitPrice: '3000' }]);
  await send('2');
  expect((await invoice('3', initech, '2026-03-09', '2026-04-08', [taxed('Consulting', '4', '150')])).totalCents).toBe(64_950);
  await send('3');
  expect((await invoice('4', acme, '2026-03-12', '2026-03-27', [taxed('Logo', '1', '500')])).totalCents).toBe(54_125);
  await send('4');
  await invoice('5', globex, '2026-03-14', '2026-04-13', [{ description: 'Banner', quantity: '2', unitPrice: '250' }]);
  await send('5');
  await manual('2026-03-15', 'Software subscription', '5000', '1000', '120');
  await money((tx) => voidInvoice(tx, companyId, inv['5']!.id, { voidedOn: '2026-03-16', reason: 'Wrong client' }, actor));
  expect(await pay('1', 140_000, 'card', '2026-03-20', true)).toMatchObject({ status: 'paid', appliedCents: 129_900, creditCents: 10_100 });
  expect(await pay('2', 100_000, 'check', '2026-03-25')).toMatchObject({ status: 'partially_paid', balanceCents: 200_000 });
  expect(await money((tx) => applyCredit(tx, companyId, { applicationId: randomUUID(), documentId: inv['4']!.id, amountCents: 10_100, appliedOn: '2026-03-28' }, actor))).toMatchObject({ balanceCents: 44_025 });
  await manual('2026-03-30', 'Cheque from Globex banked', '1000', '1050', '1000');
  const contractors = await post('/api/v1/accounting/accounts', { code: '6100', name: 'Contractors', type: 'expense' });
  expect(contractors.status).toBe(201);
  acct['6100'] = (await json(contractors)).id;
  await manual('2026-03-31', '+Contractor: Jane', '6100', '1000', '800');
});
afterAll(async () => { await env?.close(); });

const march = 'from=2026-03-01&to=2026-03-31';

describe('the worked month', () => {
  it('trial balance as of 31 March, to the cent', async () => {
    const tb = await json(await get(`/api/v1/reports/trial-balance?${march}`));
    expect(tb.rows.map((r: { code: string; debitCents: number; creditCents: number }) => [r.code, r.debitCents, r.creditCents])).toEqual([
      ['1000', 698_000, 0], // 500 + 5,000 − 120 + 1,400 + 1,000 − 800
      ['1050', 0, 0], // the cheque, in and banked
      ['1100', 558_975, 0], // open invoices: A 1,000 + B 1,500 + 2: 2,000 + 3: 649.50 + 4: 440.25
      ['2100', 0, 18_975], // 99 + 49.50 + 41.25
      ['2200', 0, 0], // Acme's 101 credit, given and used
      ['3000', 0, 500_000],
      ['4000', 0, 830_000], // 1,000 + 2,000 + 1,200 + 3,000 + 600 + 500 + 500 − 500 void
      ['5000', 12_000, 0],
      ['6100', 80_000, 0],
    ]);
    expect(tb).toMatchObject({ asOf: '2026-03-31', totalDebitCents: 1_348_975, totalCreditCents: 1_348_975, balanced: true, currency: 'USD' });
  });

  it('profit and loss for March, by month, and against February', async () => {
    const pl = await json(await get(`/api/v1/reports/profit-and-loss?${march}&compare=previous`));
    expect(pl.range).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(pl.previousRange).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(pl.income.map((r: { code: string; amountCents: number; previousCents: number }) => [r.code, r.amountCents, r.previousCents])).toEqual([['4000', 530_000, 0]]);
    expect(pl.expenses.map((r: { code: string; amountCents: number }) => [r.code, r.amountCents])).toEqual([['5000', 12_000], ['6100', 80_000]]);
    expect(pl.totals).toEqual({ incomeCents: 530_000, expenseCents: 92_000, netIncomeCents: 438_000 });
    expect(pl.previousTotals).toEqual({ incomeCents: 0, expenseCents: 0, netIncomeCents: 0 });
    const q1 = await json(await get('/api/v1/reports/profit-and-loss?from=2026-01-01&to=2026-03-31'));
    expect(q1.byMonth).toEqual([
      { month: '2026-01', incomeCents: 200_000, expenseCents: 0 }, { month: '2026-02', incomeCents: 0, expenseCents: 0 }, { month: '2026-03', incomeCents: 530_000, expenseCents: 92_000 },
    ]);
  });

  it('balance sheet on 31 March balances, with the year’s earnings = income − expense to date; against 28 February', async () => {
    const bs = await json(await get(`/api/v1/reports/balance-sheet?${march}&compare=previous`));
    const rows = (section: { name: string; amountCents: number; previousCents: number }[]) => section.map((r) => [r.name, r.amountCents, r.previousCents]);
    expect(rows(bs.assets)).toEqual([['Cash', 698_000, 50_000], ['Undeposited funds', 0, 0], ['Accounts receivable', 558_975, 250_000]]);
    expect(rows(bs.liabilities)).toEqual([['Sales tax payable', 18_975, 0], ['Customer credits', 0, 0]]);
    // 8,300 of revenue − 920 of expenses to date; on 28 Feb, the 3,000 invoiced so far.
    // Of it, 1,000 was earned in December 2025: retained from the year before. The rest is this year's.
    expect(rows(bs.equity)).toEqual([["Owner's equity", 500_000, 0], ['Retained earnings', 100_000, 100_000], ['Net income this year', 638_000, 200_000]]);
    expect(bs.totals).toEqual({ assetsCents: 1_256_975, liabilitiesCents: 18_975, equityCents: 1_238_000, retainedEarningsCents: 100_000, currentYearEarningsCents: 638_000, liabilitiesAndEquityCents: 1_256_975 });
    // A year on, 2026's earnings are retained, and 2027 starts from nothing earned.
    const next = await json(await get('/api/v1/reports/balance-sheet?to=2027-01-31'));
    const earned = async (range: string) => (await json(await get(`/api/v1/reports/profit-and-loss?${range}`))).totals.netIncomeCents;
    expect(next.totals).toMatchObject({
      retainedEarningsCents: await earned('from=2020-01-01&to=2026-12-31'), currentYearEarningsCents: await earned('from=2027-01-01&to=2027-01-31'),
    });
    expect(next.totals.retainedEarningsCents).toBeGreaterThanOrEqual(738_000);
    expect(next).toMatchObject({ balanced: true });
    expect(bs.previousTotals).toMatchObject({ assetsCents: 300_000, liabilitiesAndEquityCents: 300_000 });
    expect(bs).toMatchObject({ asOf: '2026-03-31', previousAsOf: '2026-02-28', balanced: true });
  });

  it('A/R aging on 31 March, by bucket and client; on 10 March from the ledger, agreeing with the balance sheet', async () => {
    const aging = await json(await get('/api/v1/reports/ar-aging?asOf=2026-03-31'));
    expect(aging.source).toBe('balances');
    expect(aging.buckets).toEqual({ current: 264_950, '1-30': 44_025, '31-60': 0, '61-90': 150_000, '90+': 100_000 });
    expect(aging).toMatchObject({ totalCents: 558_975, invoiceCount: 5, invoicesTruncated: false });
    const acme = await json(await get(`/api/v1/reports/ar-aging?asOf=2026-03-31&clientId=${aging.clients[0].clientId}&limit=0`));
    expect(acme).toMatchObject({ totalCents: 44_025, invoiceCount: 1, invoices: [], invoicesTruncated: true });
    expect(aging.clients.map((c: { clientName: string; totalCents: number }) => [c.clientName, c.totalCents])).toEqual([['Acme', 44_025], ['Globex', 300_000], ['Initech', 214_950]]);
    expect(aging.invoices.map((i: { number: string; daysPastDue: number; bucket: string }) => [i.number, i.daysPastDue, i.bucket])).toEqual([
      [inv.A!.number, 105, '90+'], [inv.B!.number, 65, '61-90'], [inv['4']!.number, 4, '1-30'], [inv['2']!.number, 0, 'current'], [inv['3']!.number, 0, 'current'],
    ]);

    const earlier = await json(await get('/api/v1/reports/ar-aging?asOf=2026-03-10'));
    expect(earlier.source).toBe('ledger');
    expect(earlier.buckets).toEqual({ current: 494_850, '1-30': 0, '31-60': 150_000, '61-90': 100_000, '90+': 0 });
    const bs = await json(await get('/api/v1/reports/balance-sheet?from=2026-03-01&to=2026-03-10'));
    expect(bs.assets.find((r: { name: string }) => r.name === 'Accounts receivable').amountCents).toBe(earlier.totalCents);
  });

  it('general ledger of A/R in March: opening balance, each line with its running balance, closing balance', async () => {
    const gl = await json(await get(`/api/v1/reports/general-ledger?accountId=${acct['1100']}&${march}`));
    expect(gl.openingCents).toBe(250_000);
    expect(gl.lines.map((l: { entryDate: string; sourceType: string; balanceCents: number }) => [l.entryDate, l.sourceType, l.balanceCents])).toEqual([
      ['2026-03-02', 'invoice', 379_900], ['2026-03-05', 'invoice', 679_900], ['2026-03-09', 'invoice', 744_850], ['2026-03-12', 'invoice', 798_975],
      ['2026-03-14', 'invoice', 848_975], ['2026-03-16', 'invoice_void', 798_975], ['2026-03-20', 'payment', 669_075], ['2026-03-25', 'payment', 569_075],
      ['2026-03-28', 'credit_application', 558_975],
    ]);
    // March's A/R debits: 1,299 + 3,000 + 649.50 + 541.25 + 500; credits: 500 + 1,299 + 1,000 + 101.
    expect(gl).toMatchObject({ closingCents: 558_975, totalDebitCents: 598_975, totalCreditCents: 290_000, truncated: false });
    // One line shown of nine: the closing balance and the range's totals are still the account's.
    const page = await json(await get(`/api/v1/reports/general-ledger?accountId=${acct['1100']}&${march}&limit=1`));
    expect(page.lines).toHaveLength(1);
    expect(page).toMatchObject({ openingCents: 250_000, closingCents: 558_975, totalDebitCents: 598_975, totalCreditCents: 290_000, truncated: true });
    // The CSV is where the rest goes: every line, whatever the page's limit.
    const csv = parseCsv(await (await get(`/api/v1/reports/general-ledger?accountId=${acct['1100']}&${march}&limit=1&format=csv`)).text());
    expect(csv).toHaveLength(1 + 1 + gl.lines.length + 1); // header, opening, the lines, closing
    expect(csv.at(-1)![2]).toBe('Closing balance');
  });

  it('sales tax for March: by rate, voided INV 5 counted back out, matching the sales tax payable account; as CSV', async () => {
    const tax = await json(await get(`/api/v1/reports/sales-tax?${march}`));
    // INV 1 1,200.00, INV 3 600.00, INV 4 500.00 at 8.25%; INV 2 3,000.00 untaxed; INV 5 500.00 sent and voided in March.
    expect(tax.rates).toEqual([{ rateBps: 825, taxableCents: 230_000, taxCents: 18_975, invoices: 3 }]);
    expect(tax).toMatchObject({ taxableCents: 230_000, exemptCents: 300_000, taxCents: 18_975, ledgerTaxCents: 18_975, otherCents: 0 });
    const december = await json(await get('/api/v1/reports/sales-tax?from=2025-12-01&to=2025-12-31'));
    expect(december).toMatchObject({ rates: [], taxableCents: 0, exemptCents: 100_000, taxCents: 0, ledgerTaxCents: 0 });
    const csv = parseCsv(await (await get(`/api/v1/reports/sales-tax?${march}&format=csv`)).text());
    expect(csv.slice(1)).toEqual([
      ['8.25', '2300.00', '189.75', '3'], ['Exempt or zero-rated', '3000.00', '0.00', ''], ['Total', '5300.00', '189.75', ''], ['Sales tax payable, ledger movement', '', '189.75', ''],
    ]);
  });

  it('every ledger invariant holds', async () => {
    expect((await checkLedger(env.owner.db, { companyId })).violations).toEqual([]);
  });
});

describe('CSV', () => {
  it('trial balance and aging download as CSV with the same figures', async () => {
    const res = await get(`/api/v1/reports/trial-balance?${march}&format=csv`);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="trial-balance-2026-03-31.csv"');
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual(['code', 'account', 'type', 'debit', 'credit']);
    expect(rows.at(-1)).toEqual(['', 'Total', '', '13489.75', '13489.75']);
    const aging = parseCsv(await (await get('/api/v1/reports/ar-aging?asOf=2026-03-31&format=csv')).text());
    expect(aging.at(-1)).toEqual(['Total', '', '', '', '', '2649.50', '440.25', '0.00', '1500.00', '1000.00', '5589.75']);
  });

  it('is safe against formula injection, and shows negatives in parentheses', async () => {
    const gl = parseCsv(await (await get(`/api/v1/reports/general-ledger?accountId=${acct['6100']}&${march}&format=csv`)).text());
    expect(gl[2]).toEqual(['2026-03-31', 'manual', "'+Contractor: Jane", '800.00', '', '800.00']);
    const pl = parseCsv(await (await get(`/api/v1/reports/profit-and-loss?from=2026-04-01&to=2026-04-30&compare=previous&format=csv`)).text());
    expect(pl.find((r) => r[2] === 'Net income')).toEqual(['', '', 'Net income', '0.00', '4380.00', '(4380.00)']);
  });
});

describe('chart of accounts', () => {
  it('adds, renames, deactivates and reactivates; never deletes an account with lines or a system account', async () => {
    const patch = (id: string, body: object) => env.request(`/api/v1/accounting/accounts/${id}`, { method: 'PATCH', cookie, json: body });
    const dup = await post('/api/v1/accounting/accounts', { code: '6100', name: 'Again', type: 'expense' });
    expect([dup.status, (await json(dup)).error.code]).toEqual([409, 'ACCOUNT_CODE_TAKEN']);
    expect((await json(await patch(acct['6100']!, { name: 'Subcontractors' }))).name).toBe('Subcontractors');
    const typeChange = await patch(acct['6100']!, { type: 'asset' });
    expect([typeChange.status, (await json(typeChange)).error.code]).toEqual([422, 'ACCOUNT_HAS_LINES']);
    const del = await env.request(`/api/v1/accounting/accounts/${acct['6100']}`, { method: 'DELETE', cookie });
    expect([del.status, (await json(del)).error.code]).toEqual([422, 'ACCOUNT_HAS_LINES']);
    const sys = await patch(acct['1100']!, { active: false });
    expect([sys.status, (await json(sys)).error.code]).toEqual([422, 'SYSTEM_ACCOUNT']);

    expect((await json(await patch(acct['6100']!, { active: false }))).active).toBe(false);
    const toInactive = await post('/api/v1/accounting/entries', { entryDate: '2026-04-02', memo: 'x', lines: [{ accountId: acct['6100'], debit: '1' }, { accountId: acct['1000'], credit: '1' }] });
    expect([toInactive.status, (await json(toInactive)).error.code]).toEqual([422, 'ACCOUNT_INACTIVE']);
    expect((await json(await patch(acct['6100']!, { active: true }))).active).toBe(true);

    const unused = await json(await post('/api/v1/accounting/accounts', { code: '900', name: 'Petty cash', type: 'asset' }));
    // Listed as the reports list accounts: by code as a number, so 900 comes before 1000.
    const codes = (await json(await get('/api/v1/accounting/accounts'))).items.map((a: { code: string }) => a.code);
    expect(codes.indexOf('900')).toBe(codes.indexOf('1000') - 1);
    expect(codes).toEqual([...codes].sort((x: string, y: string) => Number(x) - Number(y)));
    expect((await env.request(`/api/v1/accounting/accounts/${unused.id}`, { method: 'DELETE', cookie })).status).toBe(204);
    const trail = await env.owner.db.execute<{ action: string }>(sql`select action from audit_events where company_id = ${companyId} and object_type = 'account' order by id`);
    expect(trail.map((t) => t.action)).toEqual(['account.created', 'account.updated', 'account.deactivated', 'account.reactivated', 'account.created', 'account.deleted']);
  });
});

describe('manual entries', () => {
  const entry = (lines: object[], extra: object = {}) => ({ entryDate: '2026-04-03', memo: 'Test', lines, ...extra });
  it.each([
    ['UNBALANCED_ENTRY', () => entry([{ accountId: acct['5000'], debit: '10' }, { accountId: acct['1000'], credit: '9.99' }])],
    ['UNBALANCED_ENTRY', () => entry([{ accountId: acct['5000'], debit: '10', credit: '10' }, { accountId: acct['1000'], credit: '10' }])],
    ['CONTROL_ACCOUNT', () => entry([{ accountId: acct['1100'], debit: '10' }, { accountId: acct['4000'], credit: '10' }])],
    ['CONTROL_ACCOUNT', () => entry([{ accountId: acct['2200'], debit: '10' }, { accountId: acct['1000'], credit: '10' }])],
  ])('refuses with 422 %s, posting nothing', async (code, body) => {
    const before = await env.owner.db.execute(sql`select count(*)::int as n from journal_entries where company_id = ${companyId}`);
    const res = await post('/api/v1/accounting/entries', body());
    expect([res.status, (await json(res)).error.code]).toEqual([422, code]);
    expect(await env.owner.db.execute(sql`select count(*)::int as n from journal_entries where company_id = ${companyId}`)).toEqual(before);
  });

  it('refuses a currency the app does not bill in, posting nothing', async () => {
    const res = await post('/api/v1/accounting/entries', entry([{ accountId: acct['5000'], debit: '10' }, { accountId: acct['1000'], credit: '10' }], { currency: 'ZZZ' }));
    expect([res.status, Object.keys((await json(res)).error.fields)]).toEqual([400, ['currency']]);
  });

  it('posts once per Idempotency-Key, and is corrected by its reversal, not an edit', async () => {
    const body = entry([{ accountId: acct['5000'], debit: '42.10', memo: 'Postage' }, { accountId: acct['1000'], credit: '42.10' }]);
    const first = await post('/api/v1/accounting/entries', body, cookie, { 'idempotency-key': 'postage-april' });
    const again = await post('/api/v1/accounting/entries', body, cookie, { 'idempotency-key': 'postage-april' });
    expect([first.status, again.status]).toEqual([201, 200]);
    const e = await json(first);
    expect((await json(again)).id).toBe(e.id);
    expect(e).toMatchObject({ sourceType: 'manual', memo: 'Test', postedBy: { email: 'books@brightside.example' } });
    expect(e.lines.map((l: { accountCode: string; debitCents: number; creditCents: number }) => [l.accountCode, l.debitCents, l.creditCents])).toEqual([['5000', 4210, 0], ['1000', 0, 4210]]);
    const rev = await post(`/api/v1/accounting/entries/${e.id}/reverse`, { entryDate: '2026-04-04' });
    expect(rev.status).toBe(201);
    const reversal = await json(rev);
    expect(reversal.lines.map((l: { accountCode: string; debitCents: number; creditCents: number }) => [l.accountCode, l.debitCents, l.creditCents])).toEqual([['1000', 4210, 0], ['5000', 0, 4210]]);
    expect((await post(`/api/v1/accounting/entries/${e.id}/reverse`, { entryDate: '2026-04-04' })).status).toBe(200);
    // The journal pairs them, so neither is offered for reversing again: the original names its reversal, the reversal its original.
    expect(reversal).toMatchObject({ reversalOf: e.id, reversedBy: null });
    const listed = (await json(await get('/api/v1/accounting/entries?from=2026-04-03&to=2026-04-04&sourceType=manual&limit=200'))).items as { id: string; reversedBy: unknown; reversalOf: unknown }[];
    expect(listed.find((x) => x.id === e.id)).toMatchObject({ reversedBy: { id: reversal.id, entryDate: '2026-04-04' }, reversalOf: null });
    expect(listed.find((x) => x.id === reversal.id)).toMatchObject({ reversedBy: null, reversalOf: e.id });
    const april = await json(await get('/api/v1/reports/profit-and-loss?from=2026-04-01&to=2026-04-30'));
    expect(april.totals.netIncomeCents).toBe(0);
    const list = await json(await get('/api/v1/accounting/entries?from=2026-04-01&limit=1'));
    expect(list.items).toHaveLength(1);
    expect((await json(await get(`/api/v1/accounting/entries?from=2026-04-01&limit=1&cursor=${list.nextCursor}`))).items[0].id).not.toBe(list.items[0].id);
    // An account deactivated after an entry still takes that entry's reversal.
    const toContractors = await json(await post('/api/v1/accounting/entries', entry([{ accountId: acct['6100'], debit: '75' }, { accountId: acct['1000'], credit: '75' }])));
    await env.request(`/api/v1/accounting/accounts/${acct['6100']}`, { method: 'PATCH', cookie, json: { active: false } });
    expect((await post(`/api/v1/accounting/entries/${toContractors.id}/reverse`, { entryDate: '2026-04-05' })).status).toBe(201);
    await env.request(`/api/v1/accounting/accounts/${acct['6100']}`, { method: 'PATCH', cookie, json: { active: true } });
    const automatic = (await json(await get('/api/v1/accounting/entries?sourceType=invoice&limit=1'))).items[0];
    expect((await json(await post(`/api/v1/accounting/entries/${automatic.id}/reverse`, { entryDate: '2026-04-04' }))).error.code).toBe('NOT_A_MANUAL_ENTRY');
  });

  it('one key sent twice at once is one entry, one 201 and one audit event; a key cannot stand in for a reversal', async () => {
    const body = entry([{ accountId: acct['5000'], debit: '9.99' }, { accountId: acct['1000'], credit: '9.99' }], { memo: 'Twice at once' });
    const both = await Promise.all([1, 2].map(() => post('/api/v1/accounting/entries', body, cookie, { 'idempotency-key': 'double-click' })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
    const id = (await json(both[0]!)).id;
    const [events] = await env.owner.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_events where action = 'journal.manual_entry_posted' and object_id = ${id}`);
    expect(events!.n).toBe(1);

    // A key spelled like the entry's reversal is an entry of its own; the reversal still posts.
    const decoy = await post('/api/v1/accounting/entries', entry([{ accountId: acct['5000'], debit: '1' }, { accountId: acct['1000'], credit: '1' }]), cookie, { 'idempotency-key': `reversal:${id}` });
    expect(decoy.status).toBe(201);
    const rev = await post(`/api/v1/accounting/entries/${id}/reverse`, { entryDate: '2026-04-04' });
    expect(rev.status).toBe(201);
    expect((await json(rev)).id).not.toBe((await json(decoy)).id);

    // An entry posted under a key before keys had their own namespace is still what a retry of that key finds.
    const before = await money((tx) => postEntry(tx, {
      companyId, sourceType: 'manual', sourceId: legacySourceId(companyId, 'sent-last-year')!, entryDate: '2026-04-03', currency: 'USD', memo: 'Posted before',
      lines: [{ account: { id: acct['5000']! }, debitCents: 300, creditCents: 0, clientId: null }, { account: { id: acct['1000']! }, debitCents: 0, creditCents: 300, clientId: null }],
    }));
    const retried = await post('/api/v1/accounting/entries', entry([{ accountId: acct['5000'], debit: '3' }, { accountId: acct['1000'], credit: '3' }]), cookie, { 'idempotency-key': 'sent-last-year' });
    expect([retried.status, (await json(retried)).id]).toEqual([200, before]);
  });

  it('pages through entries made in the same millisecond without skipping one', async () => {
    const made: string[] = [];
    for (const memo of ['Same instant A', 'Same instant B', 'Same instant C']) {
      made.push((await json(await post('/api/v1/accounting/entries', { ...entry([{ accountId: acct['5000'], debit: '1' }, { accountId: acct['1000'], credit: '1' }]), entryDate: '2026-04-20', memo }))).id);
    }
    // Three postings 0.1–0.9 ms apart, as a busy server makes them (a JS Date cannot tell them apart).
    await env.owner.sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      for (const [i, id] of made.entries()) await tx`update journal_entries set created_at = '2026-04-20 10:00:00.123100+00'::timestamptz + ${i * 300} * interval '1 microsecond' where id = ${id}`;
    });
    const seen: string[] = [];
    let cursor = '';
    do {
      const p = await json(await get(`/api/v1/accounting/entries?from=2026-04-20&to=2026-04-20&limit=1${cursor && `&cursor=${cursor}`}`));
      seen.push(...p.items.map((e: { id: string }) => e.id));
      cursor = p.nextCursor ?? '';
    } while (cursor);
    expect(seen.sort()).toEqual([...made].sort());
  });
});

describe('periods', () => {
  it('close refuses entries dated in them (422 PERIOD_CLOSED); reopening needs a reason and is audited', async () => {
    const created = await post('/api/v1/accounting/periods', { startDate: '2026-03-01', endDate: '2026-03-31' });
    expect(created.status).toBe(201);
    const period = await json(created);
    expect((await json(await post('/api/v1/accounting/periods', { startDate: '2026-03-31', endDate: '2026-04-30' }))).error.code).toBe('PERIOD_OVERLAP');
    expect((await json(await post(`/api/v1/accounting/periods/${period.id}/close`, { reason: 'March filed' }))).status).toBe('closed');
    const late = await post('/api/v1/accounting/entries', { entryDate: '2026-03-31', memo: 'Late', lines: [{ accountId: acct['5000'], debit: '1' }, { accountId: acct['1000'], credit: '1' }] });
    expect([late.status, (await json(late)).error.code]).toEqual([422, 'PERIOD_CLOSED']);
    // Reports still read a closed period.
    expect((await json(await get(`/api/v1/reports/trial-balance?${march}`))).totalDebitCents).toBe(1_348_975);
    expect((await post(`/api/v1/accounting/periods/${period.id}/reopen`, {})).status).toBe(400);
    expect((await json(await post(`/api/v1/accounting/periods/${period.id}/reopen`, { reason: 'Missed a March bill' }))).status).toBe('open');
    const events = await json(await get('/api/v1/company/audit-events?objectType=accounting_period'));
    expect(events.items.map((e: { action: string; after: { reason?: string } }) => [e.action, e.after?.reason ?? null])).toEqual([
      ['period.reopened', 'Missed a March bill'], ['period.closed', 'March filed'], ['period.created', null],
    ]);
    expect((await json(await get('/api/v1/accounting/periods'))).items.map((p: { status: string }) => p.status)).toEqual(['open']);
  });

  it('a period added before a closed one starts closed: adding a period reopens nothing', async () => {
    const june = await json(await post('/api/v1/accounting/periods', { startDate: '2026-06-01', endDate: '2026-06-30' }));
    expect((await json(await post(`/api/v1/accounting/periods/${june.id}/close`, { reason: 'June filed' }))).status).toBe('closed');
    // May: no period, before a closed one, so closed too.
    const may = { entryDate: '2026-05-20', memo: 'May bill', lines: [{ accountId: acct['5000'], debit: '1' }, { accountId: acct['1000'], credit: '1' }] };
    expect((await json(await post('/api/v1/accounting/entries', may))).error.code).toBe('PERIOD_CLOSED');
    const added = await json(await post('/api/v1/accounting/periods', { startDate: '2026-05-01', endDate: '2026-05-31' }));
    expect(added.status).toBe('closed');
    expect((await json(await post('/api/v1/accounting/entries', may))).error.code).toBe('PERIOD_CLOSED');
    // Reopening it, with a reason, is what lets May change.
    expect((await json(await post(`/api/v1/accounting/periods/${added.id}/reopen`, { reason: 'A May bill came late' }))).status).toBe('open');
    expect((await post('/api/v1/accounting/entries', may)).status).toBe(201);
    // After the last closed period, a new one starts open.
    expect((await json(await post('/api/v1/accounting/periods', { startDate: '2026-07-01', endDate: '2026-07-31' }))).status).toBe('open');
    for (const p of [june.id]) await post(`/api/v1/accounting/periods/${p}/reopen`, { reason: 'test tidy-up' });
  });
});

describe('invoice reconciliation', () => {
  it('explains each balance; recalculate reports drift, and fixes it only for admins, audited', async () => {
    const all = await json(await get('/api/v1/reports/invoice-reconciliation'));
    expect(all.items).toHaveLength(7);
    expect(all.items.every((r: { ok: boolean }) => r.ok)).toBe(true);
    const one = all.items.find((r: { number: string }) => r.number === inv['1']!.number);
    expect(one).toMatchObject({ totalCents: 129_900, paymentsAppliedCents: 129_900, paymentsExcessCents: 10_100, creditsAppliedCents: 0, derivedBalanceCents: 0, storedBalanceCents: 0, ledgerBalanceCents: 0 });
    const four = all.items.find((r: { number: string }) => r.number === inv['4']!.number);
    expect(four).toMatchObject({ totalCents: 54_125, creditsAppliedCents: 10_100, derivedBalanceCents: 44_025, storedBalanceCents: 44_025, ledgerBalanceCents: 44_025 });
    expect(all.items.find((r: { number: string }) => r.number === inv['5']!.number)).toMatchObject({ status: 'void', derivedBalanceCents: 0, ledgerBalanceCents: 0 });
    // Page by page, the same rows in the same order.
    const paged: string[] = [];
    for (let cursor = ''; ;) {
      const page = await json(await get(`/api/v1/reports/invoice-reconciliation?limit=2${cursor && `&cursor=${cursor}`}`));
      paged.push(...page.items.map((r: { number: string }) => r.number));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(paged).toEqual(all.items.map((r: { number: string }) => r.number));

    // A stored balance knocked out of line behind the application's back.
    await env.owner.db.execute(sql`update documents set balance_cents = 60000 where id = ${inv['3']!.id}`);
    const drift = await json(await get('/api/v1/reports/invoice-reconciliation?onlyDrift=true'));
    expect(drift.items.map((r: { number: string; driftCents: number; ledgerDriftCents: number }) => [r.number, r.driftCents, r.ledgerDriftCents])).toEqual([[inv['3']!.number, -4_950, 0]]);
    const dryRun = await json(await post('/api/v1/reports/invoice-reconciliation/recalculate', { fix: false }));
    expect(dryRun).toMatchObject({ checked: 7, fixed: 0 });

    const manager = await joinCompany(env, cookie, 'manager@brightside.example', 'manager');
    expect((await post('/api/v1/reports/invoice-reconciliation/recalculate', { fix: true }, manager.cookie)).status).toBe(403);
    expect((await post('/api/v1/reports/invoice-reconciliation/recalculate', { fix: false }, manager.cookie)).status).toBe(200);
    const fixed = await json(await post('/api/v1/reports/invoice-reconciliation/recalculate', { fix: true }));
    expect(fixed.fixed).toBe(1);
    expect(fixed.drifted[0]).toMatchObject({ number: inv['3']!.number, storedBalanceCents: 60_000, derivedBalanceCents: 64_950, fixed: true });
    const [row] = await env.owner.db.execute<{ balance_cents: number; status: string }>(sql`select balance_cents, status from documents where id = ${inv['3']!.id}`);
    expect(row).toEqual({ balance_cents: 64_950, status: 'sent' });
    const [event] = await env.owner.db.execute<{ before: object; after: object }>(sql`select before, after from audit_events where company_id = ${companyId} and action = 'invoice.balance_recalculated'`);
    expect(event).toMatchObject({ before: { balanceCents: 60_000 }, after: { balanceCents: 64_950, status: 'sent' } });
    expect((await checkLedger(env.owner.db, { companyId })).violations).toEqual([]);
  });
});

describe('who may see the books', () => {
  it('managers read reports but cannot change the books; staff see nothing; a Starter plan is refused', async () => {
    const manager = await joinCompany(env, cookie, 'manager2@brightside.example', 'manager');
    const staff = await joinCompany(env, cookie, 'staff@brightside.example', 'staff');
    expect((await get(`/api/v1/reports/trial-balance?${march}`, manager.cookie)).status).toBe(200);
    expect((await get('/api/v1/accounting/accounts', manager.cookie)).status).toBe(200);
    expect((await post('/api/v1/accounting/accounts', { code: '6300', name: 'Rent', type: 'expense' }, manager.cookie)).status).toBe(403);
    expect((await post('/api/v1/accounting/periods', { startDate: '2027-01-01', endDate: '2027-01-31' }, manager.cookie)).status).toBe(403);
    expect((await get(`/api/v1/reports/trial-balance?${march}`, staff.cookie)).status).toBe(403);

    await env.owner.db.execute(sql`update companies set plan = 'starter' where id = ${companyId}`);
    try {
      for (const path of ['/api/v1/reports/trial-balance', '/api/v1/reports/ar-aging', '/api/v1/accounting/accounts', '/api/v1/accounting/periods']) {
        const res = await get(path);
        expect([path, res.status, (await json(res)).error.code]).toEqual([path, 403, 'PLAN_UPGRADE_REQUIRED']);
      }
    } finally {
      await env.owner.db.execute(sql`update companies set plan = 'professional' where id = ${companyId}`);
    }
    expect((await get('/api/v1/reports/ar-aging')).status).toBe(200);
  });
});
