/**
 * The books at the database: posting is idempotent, journal rows cannot be
 * changed by anyone, closed periods refuse every money path, reopening is
 * audited, and many random sequences of money events across two companies
 * leave every invariant of db/ledger-check.ts holding.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applyCredit, recordPayment, sendDocument, voidInvoice, type Actor } from '../../db/invoice-money';
import { checkLedger } from '../../db/ledger-check';
import { accountTotals, ledgerCurrencies, reportScope } from '../../db/ledger-reports';
import { foldLedger } from '../../db/ledger-rollup';
import { addAccount, changeAccount } from '../../db/chart';
import { postManualEntry } from '../../db/ledger-entries';
import { postEntry } from '../../db/journal';
import { createPeriod, setPeriodStatus } from '../../db/periods';
import { withTenant, type TransactionMode } from '../../db/tenant';
import { addDays } from '../../domain/dates';
import { AppError } from '../../domain/errors';
import { reversal, type PostingLine } from '../../domain/ledger/posting';
import { PAYMENT_METHODS } from '../../domain/payments';
import { bookClient, bookCompany, draftInvoice } from '../support/books';
import { testDatabaseUrl } from '../support/database';
import { startTestEnv, type TestEnv } from '../support/harness';

let env: TestEnv;
const actor: Actor = { actorUserId: null };
const audit = { actorUserId: null };

beforeAll(async () => { env = await startTestEnv(); });
afterAll(async () => { await env?.close(); });

const tenant = <T>(companyId: string, fn: Parameters<typeof withTenant<T>>[2], mode?: TransactionMode) => withTenant(env.database.db, companyId, fn, mode);
const fold = (companyId: string, opts?: { waitMs?: number }) => foldLedger(env.database.db, companyId, opts);

type Totals = Record<string, { d: number; c: number }>;
/** Σ per account as the reports read it (rollups + lines after the fold mark) and straight from every line: they must agree. */
async function totalsBothWays(companyId: string, range: { from?: string; to?: string } = {}, currency = 'USD'): Promise<{ report: Totals; lines: Totals }> {
  const rows = await tenant(companyId, async (tx) => accountTotals(tx, await reportScope(tx, companyId, currency), range), { readOnly: true });
  const raw = await env.owner.db.execute<{ account_id: string; d: number; c: number }>(sql`select l.account_id, sum(l.debit_cents)::bigint as d, sum(l.credit_cents)::bigint as c
    from journal_lines l join journal_entries e on e.id = l.entry_id
    where l.company_id = ${companyId} and e.currency = ${currency} ${range.from ? sql`and l.entry_date >= ${range.from}` : sql``} ${range.to ? sql`and l.entry_date <= ${range.to}` : sql``} group by 1`);
  return {
    report: Object.fromEntries(rows.map((r) => [r.accountId, { d: r.debitCents, c: r.creditCents }])),
    lines: Object.fromEntries(raw.map((r) => [r.account_id, { d: Number(r.d), c: Number(r.c) }])),
  };
}
/** The refusal's code (AppError) or the database's message. */
const refusal = (p: Promise<unknown>) => p.then(() => 'ok', (e: Error & { cause?: Error }) => (e instanceof AppError ? e.code : e.cause?.message ?? e.message));

async function accountId(companyId: string, role: string) {
  const [row] = await env.owner.db.execute<{ id: string }>(sql`select id from accounts where company_id = ${companyId} and system_role = ${role}`);
  return row!.id;
}

/** Run `work` in a transaction that, once it has done it, stays open until `release()`; `sending` settles at its commit. */
async function heldOpen(companyId: string, work: (tx: Parameters<Parameters<typeof tenant>[1]>[0]) => Promise<unknown>) {
  let release!: () => void;
  const hold = new Promise<void>((r) => { release = r; });
  let done!: () => void;
  const worked = new Promise<void>((r) => { done = r; });
  const sending = tenant(companyId, async (tx) => { await work(tx); done(); await hold; });
  await worked;
  return { release, sending };
}

/** Send the invoice in a transaction that has posted but stays open until `release()`. */
const sendHeldOpen = (companyId: string, documentId: string) => heldOpen(companyId, (tx) => sendDocument(tx, companyId, documentId, actor));

describe('posting', () => {
  it('is idempotent by source: the same event posted twice is one entry, whichever path repeats it', async () => {
    const co = await bookCompany(env, 'Idem Co');
    const client = await bookClient(env, co.companyId, 'Idem Client');
    const inv = await draftInvoice(env, co.companyId, client, { issueDate: '2026-02-02', lines: [{ quantity: '2', unitPriceCents: 10_000, taxRateBps: 500 }] });
    await tenant(co.companyId, (tx) => sendDocument(tx, co.companyId, inv.id, actor));
    await tenant(co.companyId, (tx) => sendDocument(tx, co.companyId, inv.id, actor));
    const paymentId = randomUUID();
    const pay = { paymentId, documentId: inv.id, amountCents: 5_000, method: 'card' as const, reference: '', receivedOn: '2026-02-03', keepExcessAsCredit: false };
    await tenant(co.companyId, (tx) => recordPayment(tx, co.companyId, pay, actor));
    const again = await tenant(co.companyId, (tx) => recordPayment(tx, co.companyId, pay, actor));
    expect(again.balanceCents).toBe(21_000 - 5_000);
    // postEntry itself, asked twice for the same source with different lines, keeps the first.
    const cash = await accountId(co.companyId, 'cash');
    const equity = await accountId(co.companyId, 'owner_equity');
    const sourceId = randomUUID();
    const lines = (c: number) => [{ account: { id: cash }, debitCents: c, creditCents: 0, clientId: null }, { account: { id: equity }, debitCents: 0, creditCents: c, clientId: null }];
    const first = await tenant(co.companyId, (tx) => postEntry(tx, { companyId: co.companyId, sourceType: 'manual', sourceId, entryDate: '2026-02-04', currency: 'USD', memo: 'x', lines: lines(100) }));
    const second = await tenant(co.companyId, (tx) => postEntry(tx, { companyId: co.companyId, sourceType: 'manual', sourceId, entryDate: '2026-02-04', currency: 'USD', memo: 'x', lines: lines(999) }));
    expect(second).toBe(first);
    // Two concurrent posts of the same source: one entry.
    const racing = randomUUID();
    const ids = await Promise.all([1, 2].map(() => tenant(co.companyId, (tx) => postEntry(tx, { companyId: co.companyId, sourceType: 'manual', sourceId: racing, entryDate: '2026-02-04', currency: 'USD', memo: 'race', lines: lines(7) }).catch((e: Error) => e.message))));
    const [counts] = await env.owner.db.execute<{ invoice: number; payment: number; manual: number; racing: number }>(sql`select
      count(*) filter (where source_type = 'invoice')::int as invoice, count(*) filter (where source_type = 'payment')::int as payment,
      count(*) filter (where source_id = ${sourceId})::int as manual, count(*) filter (where source_id = ${racing})::int as racing
      from journal_entries where company_id = ${co.companyId}`);
    expect(counts).toEqual({ invoice: 1, payment: 1, manual: 1, racing: 1 });
    expect(ids.filter((x) => typeof x === 'string' && /^[0-9a-f-]{36}$/.test(x)).length).toBeGreaterThanOrEqual(1);
    expect((await checkLedger(env.owner.db, { companyId: co.companyId })).violations).toEqual([]);
  });

  it('writes each line as given: account by role or id, amounts, client and memo; an inactive account refuses the entry unless it mirrors one posted', async () => {
    const co = await bookCompany(env, 'Lines Co');
    const { companyId } = co;
    const client = await bookClient(env, companyId, 'Lines Client');
    const cash = await accountId(companyId, 'cash');
    const [expense] = await env.owner.db.execute<{ id: string }>(sql`insert into accounts (company_id, code, name, type) values (${companyId}, '6400', 'Software', 'expense') returning id`);
    const post = (sourceId: string, lines: PostingLine[], allowInactive?: boolean) => tenant(companyId, (tx) => postEntry(tx, {
      companyId, sourceType: 'manual', sourceId, entryDate: '2026-02-10', currency: 'USD', memo: 'entry memo', lines, allowInactive,
    }));
    const lines: PostingLine[] = [
      { account: { role: 'accounts_receivable' }, debitCents: 1_200, creditCents: 0, clientId: client.id, memo: 'owed' },
      { account: { id: expense!.id }, debitCents: 300, creditCents: 0, clientId: null },
      { account: { id: cash }, debitCents: 0, creditCents: 1_500, clientId: null, memo: 'paid out' },
    ];
    const id = await post(randomUUID(), lines);
    const written = await env.owner.db.execute<{ code: string; debit_cents: number; credit_cents: number; client_id: string | null; memo: string; entry_date: string }>(sql`
      select a.code, l.debit_cents, l.credit_cents, l.client_id, l.memo, l.entry_date::text from journal_lines l join accounts a on a.id = l.account_id where l.entry_id = ${id} order by a.code`);
    expect(written.map((w) => [w.code, Number(w.debit_cents), Number(w.credit_cents), w.client_id, w.memo, w.entry_date])).toEqual([
      ['1000', 0, 1_500, null, 'paid out', '2026-02-10'], ['1100', 1_200, 0, client.id, 'owed', '2026-02-10'], ['6400', 300, 0, null, '', '2026-02-10'],
    ]);

    await env.owner.db.execute(sql`update accounts set active = false where id = ${expense!.id}`);
    expect(await refusal(post(randomUUID(), lines))).toBe('ACCOUNT_INACTIVE');
    const reversed = await post(randomUUID(), reversal(lines), true);
    expect(reversed).not.toBe(id);
    expect((await checkLedger(env.owner.db, { companyId })).violations).toEqual([]);
  });

  it('refuses an unbalanced entry at the database even when the application is bypassed', async () => {
    const co = await bookCompany(env, 'Wall Co');
    const cash = await accountId(co.companyId, 'cash');
    const attempt = env.owner.db.transaction(async (tx) => {
      const [e] = await tx.execute<{ id: string }>(sql`insert into journal_entries (company_id, entry_date, source_type, source_id, currency) values (${co.companyId}, '2026-01-05', 'manual', ${randomUUID()}, 'USD') returning id`);
      await tx.execute(sql`insert into journal_lines (company_id, entry_id, account_id, entry_date, debit_cents, credit_cents) values (${co.companyId}, ${e!.id}, ${cash}, '2026-01-05', 100, 0)`);
    });
    expect(await refusal(attempt)).toMatch(/UNBALANCED_ENTRY/);
    const entry = (tx: Parameters<Parameters<typeof env.owner.db.transaction>[0]>[0]) =>
      tx.execute<{ id: string }>(sql`insert into journal_entries (company_id, entry_date, source_type, source_id, currency) values (${co.companyId}, '2026-01-06', 'manual', ${randomUUID()}, 'USD') returning id`).then((r) => r[0]!.id);
    const line = (entryId: string, debit: number, credit: number) =>
      sql`insert into journal_lines (company_id, entry_id, account_id, entry_date, debit_cents, credit_cents) values (${co.companyId}, ${entryId}, ${cash}, '2026-01-06', ${debit}, ${credit})`;
    // An entry with no lines (only the entry's own check fires), and two lines that do not balance.
    expect(await refusal(env.owner.db.transaction((tx) => entry(tx)))).toMatch(/UNBALANCED_ENTRY: entry \S+ has 0 lines/);
    expect(await refusal(env.owner.db.transaction(async (tx) => {
      const id = await entry(tx);
      await tx.execute(line(id, 100, 0));
      await tx.execute(line(id, 0, 90));
    }))).toMatch(/debits 100 and credits 90/);
    // A line added later to an entry that balanced (only the line's check fires).
    const posted = await env.owner.db.transaction(async (tx) => {
      const id = await entry(tx);
      await tx.execute(line(id, 100, 0));
      await tx.execute(line(id, 0, 100));
      return id;
    });
    expect(await refusal(env.owner.db.transaction((tx) => tx.execute(line(posted, 5, 0))))).toMatch(/UNBALANCED_ENTRY: entry \S+ has 3 lines, debits 105 and credits 100/);
  });
});

describe('money walls in the commands themselves', () => {
  it('refuse a payment dated before its invoice, and credit kept or applied in any currency but the client\'s', async () => {
    const { companyId } = await bookCompany(env, 'Walls Co');
    const client = await bookClient(env, companyId, 'Walls Client');
    const inv = await draftInvoice(env, companyId, client, { issueDate: '2026-06-10', lines: [{ quantity: '1', unitPriceCents: 10_000 }] });
    await tenant(companyId, (tx) => sendDocument(tx, companyId, inv.id, actor));
    const pay = (receivedOn: string, amountCents: number, keepExcessAsCredit = false) => refusal(tenant(companyId, (tx) => recordPayment(tx, companyId, {
      paymentId: randomUUID(), documentId: inv.id, amountCents, method: 'check', reference: '', receivedOn, keepExcessAsCredit,
    }, actor)));
    expect(await pay('2026-06-09', 1_000)).toBe('PAYMENT_INVALID');
    // The client's currency changed behind the API (which refuses it once there are documents): no credit in USD for a EUR client.
    await env.owner.db.execute(sql`update clients set currency = 'EUR' where id = ${client.id}`);
    expect(await pay('2026-06-10', 12_000, true)).toBe('PAYMENT_INVALID');
    await env.owner.db.execute(sql`update clients set currency = 'USD' where id = ${client.id}`);
    expect(await pay('2026-06-10', 12_000, true)).toBe('ok');
    const other = await draftInvoice(env, companyId, client, { issueDate: '2026-06-11', lines: [{ quantity: '1', unitPriceCents: 5_000 }] });
    await tenant(companyId, (tx) => sendDocument(tx, companyId, other.id, actor));
    await env.owner.db.execute(sql`update clients set currency = 'EUR' where id = ${client.id}`);
    expect(await refusal(tenant(companyId, (tx) => applyCredit(tx, companyId, { applicationId: randomUUID(), documentId: other.id, amountCents: 1_000, appliedOn: '2026-06-11' }, actor))))
      .toBe('CREDIT_APPLICATION_INVALID');
    await env.owner.db.execute(sql`update clients set currency = 'USD' where id = ${client.id}`);
    expect((await checkLedger(env.owner.db, { companyId })).violations).toEqual([]);
  });
});

describe('journal rows are never changed', () => {
  let companyId = '';
  beforeAll(async () => {
    const co = await bookCompany(env, 'Immutable Co');
    companyId = co.companyId;
    const client = await bookClient(env, companyId, 'Immutable Client');
    const inv = await draftInvoice(env, companyId, client, { issueDate: '2026-03-02', lines: [{ quantity: '1', unitPriceCents: 50_000 }] });
    await tenant(companyId, (tx) => sendDocument(tx, companyId, inv.id, actor));
  });

  it.each([
    ['update journal_entries set memo = \'edited\''], ['delete from journal_entries'],
    ['update journal_lines set debit_cents = debit_cents + 1'], ['delete from journal_lines'],
  ])('as the app role: %s is refused', async (statement) => {
    const result = await refusal(tenant(companyId, (tx) => tx.execute(sql.raw(`${statement} where company_id = '${companyId}'`))));
    expect(result).toMatch(/permission denied|append-only/);
  });

  it.each([
    ['update journal_entries set memo = \'edited\''], ['delete from journal_entries'],
    ['update journal_lines set debit_cents = debit_cents + 1'], ['delete from journal_lines'],
  ])('as the owner: %s is refused', async (statement) => {
    expect(await refusal(env.owner.db.execute(sql.raw(`${statement} where company_id = '${companyId}'`)))).toMatch(/append-only/);
  });

  it('as the owner: truncate is refused', async () => {
    expect(await refusal(env.owner.db.execute(sql`truncate journal_lines`))).toMatch(/append-only/);
    const [n] = await env.owner.db.execute<{ n: number }>(sql`select count(*)::int as n from journal_lines where company_id = ${companyId}`);
    expect(n!.n).toBe(2);
  });
});

describe('closed periods', () => {
  it('refuse every money path dated in them with PERIOD_CLOSED, and reopening is audited with its reason', async () => {
    const co = await bookCompany(env, 'Closed Co');
    const { companyId } = co;
    const client = await bookClient(env, companyId, 'Closed Client');
    // Set up before closing: an open invoice (for payment, credit, void) and some client credit.
    const open = await draftInvoice(env, companyId, client, { issueDate: '2026-01-10', lines: [{ quantity: '1', unitPriceCents: 100_000 }] });
    const other = await draftInvoice(env, companyId, client, { issueDate: '2026-01-12', lines: [{ quantity: '1', unitPriceCents: 20_000 }] });
    await tenant(companyId, (tx) => sendDocument(tx, companyId, open.id, actor));
    await tenant(companyId, (tx) => sendDocument(tx, companyId, other.id, actor));
    await tenant(companyId, (tx) => recordPayment(tx, companyId, { paymentId: randomUUID(), documentId: other.id, amountCents: 25_000, method: 'check', reference: '', receivedOn: '2026-01-15', keepExcessAsCredit: true }, actor));
    const late = await draftInvoice(env, companyId, client, { issueDate: '2026-01-20', lines: [{ quantity: '1', unitPriceCents: 30_000 }] });

    const jan = await tenant(companyId, (tx) => createPeriod(tx, companyId, { startDate: '2026-01-01', endDate: '2026-01-31' }, audit));
    expect(await refusal(tenant(companyId, (tx) => createPeriod(tx, companyId, { startDate: '2026-01-15', endDate: '2026-02-15' }, audit)))).toBe('PERIOD_OVERLAP');
    await tenant(companyId, (tx) => setPeriodStatus(tx, companyId, jan.id, 'closed', 'January is filed', audit));

    const cash = await accountId(companyId, 'cash');
    const equity = await accountId(companyId, 'owner_equity');
    const inJanuary = {
      send: () => tenant(companyId, (tx) => sendDocument(tx, companyId, late.id, actor)),
      payment: () => tenant(companyId, (tx) => recordPayment(tx, companyId, { paymentId: randomUUID(), documentId: open.id, amountCents: 1_000, method: 'card', reference: '', receivedOn: '2026-01-31', keepExcessAsCredit: false }, actor)),
      credit: () => tenant(companyId, (tx) => applyCredit(tx, companyId, { applicationId: randomUUID(), documentId: open.id, amountCents: 1_000, appliedOn: '2026-01-01' }, actor)),
      void: () => tenant(companyId, (tx) => voidInvoice(tx, companyId, open.id, { voidedOn: '2026-01-20', reason: 'typo' }, actor)),
      manual: () => tenant(companyId, (tx) => postManualEntry(tx, companyId, { entryDate: '2026-01-05', memo: 'owner top-up', currency: 'USD', lines: [{ accountId: cash, debitCents: 500, creditCents: 0 }, { accountId: equity, debitCents: 0, creditCents: 500 }] }, audit)),
    };
    for (const [path, run] of Object.entries(inJanuary)) expect(`${path}: ${await refusal(run())}`).toBe(`${path}: PERIOD_CLOSED`);
    // Behind the application, the database refuses an entry dated in the period, even for the owner.
    const raw = env.owner.db.execute(sql`insert into journal_entries (company_id, entry_date, source_type, source_id, currency) values (${companyId}, '2026-01-31', 'manual', ${randomUUID()}, 'USD')`);
    expect(await refusal(raw)).toMatch(/PERIOD_CLOSED/);
    // Nothing changed: the refused commands rolled back whole.
    const [state] = await env.owner.db.execute<{ status: string; balance_cents: number; entries: number }>(sql`select status, balance_cents,
      (select count(*)::int from journal_entries where company_id = ${companyId}) as entries from documents where id = ${open.id}`);
    expect(state).toEqual({ status: 'sent', balance_cents: 100_000, entries: 3 });

    // Dated before it, on a day no period covers, it would still move January's balances: refused too, in both places.
    const december = { entryDate: '2025-12-31', memo: 'back-dated', currency: 'USD', lines: [{ accountId: cash, debitCents: 500, creditCents: 0 }, { accountId: equity, debitCents: 0, creditCents: 500 }] };
    expect(await refusal(tenant(companyId, (tx) => postManualEntry(tx, companyId, december, audit)))).toBe('PERIOD_CLOSED');
    expect(await refusal(env.owner.db.execute(sql`insert into journal_entries (company_id, entry_date, source_type, source_id, currency) values (${companyId}, '2025-12-31', 'manual', ${randomUUID()}, 'USD')`))).toMatch(/PERIOD_CLOSED/);

    // Dated after the period, the same commands go through.
    await tenant(companyId, (tx) => applyCredit(tx, companyId, { applicationId: randomUUID(), documentId: open.id, amountCents: 5_000, appliedOn: '2026-02-01' }, actor));

    expect(await refusal(tenant(companyId, (tx) => setPeriodStatus(tx, companyId, jan.id, 'open', '  ', audit)))).toBe('VALIDATION_FAILED');
    await tenant(companyId, (tx) => setPeriodStatus(tx, companyId, jan.id, 'open', 'Late bill from January found', audit));
    await inJanuary.send();
    const trail = await env.owner.db.execute<{ action: string; after: { reason: string; status: string } }>(sql`select action, after from audit_events where company_id = ${companyId} and object_type = 'accounting_period' order by id`);
    expect(trail.map((e) => [e.action, e.after.status ?? null, e.after.reason ?? null])).toEqual([
      ['period.created', 'open', null], ['period.closed', 'closed', 'January is filed'], ['period.reopened', 'open', 'Late bill from January found'],
    ]);
    expect((await checkLedger(env.owner.db, { companyId })).violations).toEqual([]);
  });

  /** Close the period while `held` is open: the close must not finish before the send commits. */
  async function closeWaitsFor(companyId: string, periodId: string, held: Awaited<ReturnType<typeof sendHeldOpen>>) {
    let closedAt = 0;
    const closing = tenant(companyId, (tx) => setPeriodStatus(tx, companyId, periodId, 'closed', 'done', audit)).then(() => { closedAt = Date.now(); });
    await new Promise((r) => setTimeout(r, 150));
    expect(closedAt).toBe(0); // still waiting for the send to commit
    const committedAt = Date.now();
    held.release();
    await held.sending;
    await closing;
    expect(closedAt).toBeGreaterThanOrEqual(committedAt);
  }

  it('a close waits for a posting that saw the period open, so nothing lands in it afterwards', async () => {
    const co = await bookCompany(env, 'Race Co');
    const { companyId } = co;
    const client = await bookClient(env, companyId, 'Race Client');
    const inv = await draftInvoice(env, companyId, client, { issueDate: '2026-04-10', lines: [{ quantity: '1', unitPriceCents: 10_000 }] });
    const april = await tenant(companyId, (tx) => createPeriod(tx, companyId, { startDate: '2026-04-01', endDate: '2026-04-30' }, audit));
    // The send checks the period (share lock), posts, then waits before committing.
    await closeWaitsFor(companyId, april.id, await sendHeldOpen(companyId, inv.id));
    expect((await checkLedger(env.owner.db, { companyId })).violations).toEqual([]);
  });

  it('periods created at once take turns: the second sees the first, and they never overlap', async () => {
    const { companyId } = await bookCompany(env, 'Twin Periods Co');
    // The first is made and not yet committed when the second looks for overlaps.
    const first = await heldOpen(companyId, (tx) => createPeriod(tx, companyId, { startDate: '2026-07-01', endDate: '2026-07-31' }, audit));
    const second = refusal(tenant(companyId, (tx) => createPeriod(tx, companyId, { startDate: '2026-07-15', endDate: '2026-08-14' }, audit)));
    await new Promise((r) => setTimeout(r, 150));
    first.release();
    await first.sending;
    expect(await second).toBe('PERIOD_OVERLAP');
  });

  it('a posting that starts while its account is being deactivated waits, then is refused', async () => {
    const { companyId } = await bookCompany(env, 'Deactivate Co');
    const expense = await tenant(companyId, (tx) => addAccount(tx, companyId, { code: '6400', name: 'Office supplies', type: 'expense' }, audit));
    const cash = await accountId(companyId, 'cash');
    const spend = (tx: Parameters<Parameters<typeof tenant>[1]>[0]) => postManualEntry(tx, companyId, {
      entryDate: '2026-06-10', memo: 'Supplies', currency: 'USD', lines: [{ accountId: expense!.id, debitCents: 500, creditCents: 0 }, { accountId: cash, debitCents: 0, creditCents: 500 }],
    }, audit);
    expect(await refusal(tenant(companyId, spend))).toBe('ok');
    // Deactivated and not yet committed: a posting read now would see the account active, and land on it once the deactivation commits.
    const held = await heldOpen(companyId, (tx) => changeAccount(tx, companyId, expense.id, { active: false }, audit));
    const posting = refusal(tenant(companyId, spend));
    await new Promise((r) => setTimeout(r, 150));
    held.release();
    await held.sending;
    expect(await posting).toBe('ACCOUNT_INACTIVE');
  });

  it('a close also waits for a posting that began before its period existed', async () => {
    const co = await bookCompany(env, 'Early Co');
    const { companyId } = co;
    const client = await bookClient(env, companyId, 'Early Client');
    const inv = await draftInvoice(env, companyId, client, { issueDate: '2026-05-10', lines: [{ quantity: '1', unitPriceCents: 10_000 }] });
    // No period covers May yet: the send checks, finds none, posts, then waits before committing.
    const held = await sendHeldOpen(companyId, inv.id);
    const may = await tenant(companyId, (tx) => createPeriod(tx, companyId, { startDate: '2026-05-01', endDate: '2026-05-31' }, audit));
    await closeWaitsFor(companyId, may.id, held);
    // The close counted the entry it waited for.
    const [closed] = await env.owner.db.execute<{ entries: number }>(sql`select (after->>'entries')::int as entries from audit_events where object_id = ${may.id} and action = 'period.closed'`);
    expect(closed!.entries).toBe(1);
    expect((await checkLedger(env.owner.db, { companyId })).violations).toEqual([]);
  });
});

/** mulberry32: a small seeded generator, so a failing sequence can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

describe('random sequences of money events', () => {
  it('200 sequences across two companies: after each, every invariant holds and no line crosses companies', async () => {
    const companies = await Promise.all(['Random A', 'Random B'].map(async (name) => {
      const co = await bookCompany(env, name);
      const clients = [];
      for (const n of [1, 2, 3]) clients.push(await bookClient(env, co.companyId, `${name} client ${n}`, { paymentTermsDays: 15 * n }));
      return { ...co, clients };
    }));
    const seed = Number(process.env.LEDGER_SEED ?? 20261122);
    const r = rng(seed);
    const day = () => addDays('2026-01-01', r.int(0, 180));
    const counts: Record<string, number> = {};
    const count = (k: string) => { counts[k] = (counts[k] ?? 0) + 1; };

    for (let sequence = 0; sequence < 200; sequence++) {
      const events = r.int(2, 6);
      for (let e = 0; e < events; e++) {
        const co = r.pick(companies);
        const { companyId } = co;
        const open = await env.owner.db.execute<{ id: string; client_id: string; balance_cents: number; status: string }>(sql`
          select id, client_id, balance_cents, status from documents where company_id = ${companyId} and kind = 'invoice' and status in ('sent', 'partially_paid') order by random() limit 1`);
        const target = open[0];
        const kind = !target ? 'invoice' : r.pick(['invoice', 'invoice', 'payment', 'payment', 'overpayment', 'credit', 'void', 'refused'] as const);
        try {
          if (kind === 'invoice') {
            const client = r.pick(co.clients);
            const lines = Array.from({ length: r.int(1, 3) }, () => ({ quantity: String(r.int(1, 40) / 4), unitPriceCents: r.int(1, 200_000), taxRateBps: r.pick([0, 0, 500, 825]) }));
            const inv = await draftInvoice(env, companyId, client, { issueDate: day(), lines });
            await tenant(companyId, (tx) => sendDocument(tx, companyId, inv.id, actor));
          } else if (kind === 'payment' || kind === 'overpayment') {
            const amount = kind === 'payment' ? r.int(1, target!.balance_cents) : target!.balance_cents + r.int(1, 50_000);
            await tenant(companyId, (tx) => recordPayment(tx, companyId, {
              paymentId: randomUUID(), documentId: target!.id, amountCents: amount, method: r.pick(PAYMENT_METHODS), reference: '', receivedOn: day(), keepExcessAsCredit: kind === 'overpayment',
            }, actor));
          } else if (kind === 'credit') {
            const [c] = await env.owner.db.execute<{ credit_cents: number }>(sql`select credit_cents from clients where id = ${target!.client_id}`);
            if (c!.credit_cents === 0) { count('credit-none'); continue; }
            const amount = r.int(1, Math.min(c!.credit_cents, target!.balance_cents));
            await tenant(companyId, (tx) => applyCredit(tx, companyId, { applicationId: randomUUID(), documentId: target!.id, amountCents: amount, appliedOn: day() }, actor));
          } else if (kind === 'void') {
            await tenant(companyId, (tx) => voidInvoice(tx, companyId, target!.id, { voidedOn: day(), reason: 'random' }, actor));
          } else {
            // Invalid on purpose: more than is due without keeping the excess. Must change nothing.
            await tenant(companyId, (tx) => recordPayment(tx, companyId, {
              paymentId: randomUUID(), documentId: target!.id, amountCents: target!.balance_cents + 1, method: 'cash', reference: '', receivedOn: day(), keepExcessAsCredit: false,
            }, actor));
          }
          count(kind);
        } catch (err) {
          // Refusals are expected (void of a partly paid invoice, the deliberate overpayment); anything else fails the test.
          if (!(err instanceof AppError) || err.status >= 500) throw new Error(`seed ${seed}, sequence ${sequence}, ${kind}: ${(err as Error).message}`);
          count(`refused:${err.code}`);
        }
      }
      // Now and then a company's lines are folded; its reports read the same sums either way.
      const co = r.pick(companies);
      if (r.next() < 0.3) count(`folded:${(await fold(co.companyId)).lines > 0}`);
      const range = { from: r.next() < 0.5 ? day() : undefined, to: day() };
      const both = await totalsBothWays(co.companyId, range);
      if (JSON.stringify(both.report, Object.keys(both.report).sort()) !== JSON.stringify(both.lines, Object.keys(both.lines).sort())) {
        throw new Error(`seed ${seed}, after sequence ${sequence}, ${JSON.stringify(range)}: report ${JSON.stringify(both.report)} ≠ lines ${JSON.stringify(both.lines)}`);
      }
      const { violations } = await checkLedger(env.owner.db);
      if (violations.length) throw new Error(`seed ${seed}, after sequence ${sequence}: ${JSON.stringify(violations, null, 2)}`);
    }
    // The sequences really exercised every path.
    for (const k of ['invoice', 'payment', 'overpayment', 'credit', 'void', 'refused:PAYMENT_EXCEEDS_BALANCE', 'folded:true']) expect(counts[k] ?? 0, k).toBeGreaterThan(0);
    const [crossing] = await env.owner.db.execute<{ n: number }>(sql`select count(*)::int as n from journal_lines l join journal_entries e on e.id = l.entry_id
      join accounts a on a.id = l.account_id where l.company_id <> e.company_id or a.company_id <> l.company_id`);
    expect(crossing!.n).toBe(0);
    // Each company's own view through the app role agrees.
    for (const co of companies) expect((await tenant(co.companyId, (tx) => checkLedger(tx, { companyId: co.companyId }))).violations).toEqual([]);
  }, 120_000);
});

describe('rollups', () => {
  it('a fold waits for a posting in flight, even one numbered before lines already committed, and folds each line once', async () => {
    const { companyId } = await bookCompany(env, 'Fold Co');
    const cash = await accountId(companyId, 'cash');
    const revenue = await accountId(companyId, 'revenue');
    // Straight through postEntry, with no period check: only the line trigger takes the books lock.
    const entry = (day: string, cents: number) => ({
      companyId, sourceType: 'manual' as const, sourceId: randomUUID(), entryDate: day, currency: 'USD', memo: 'fold test',
      lines: [{ account: { id: cash }, debitCents: cents, creditCents: 0, clientId: null }, { account: { id: revenue }, debitCents: 0, creditCents: cents, clientId: null }],
    });
    await tenant(companyId, (tx) => postEntry(tx, entry('2026-03-01', 1_000)));
    expect((await fold(companyId)).lines).toBe(2);

    // Numbered but not committed; meanwhile another entry is numbered after it and commits.
    const held = await heldOpen(companyId, (tx) => postEntry(tx, entry('2026-03-02', 2_000)));
    await tenant(companyId, (tx) => postEntry(tx, entry('2026-03-03', 4_000)));
    let folded: Awaited<ReturnType<typeof fold>> | null = null;
    const folding = fold(companyId).then((f) => { folded = f; });
    await new Promise((r) => setTimeout(r, 150));
    expect(folded).toBe(null); // waiting for the held posting, though a later-numbered one has committed
    held.release();
    await held.sending;
    await folding;
    expect(folded!.lines).toBe(4);
    const [last] = await env.owner.db.execute<{ max: number }>(sql`select max(seq)::bigint as max from journal_lines where company_id = ${companyId}`);
    expect(folded!.foldedThrough).toBeGreaterThanOrEqual(Number(last!.max));
    expect((await checkLedger(env.owner.db, { companyId })).violations).toEqual([]);

    // Posted after the fold: the report reads it from the lines, and still agrees.
    await tenant(companyId, (tx) => postEntry(tx, entry('2026-03-04', 8_000)));
    const both = await totalsBothWays(companyId);
    expect(both.report).toEqual(both.lines);
    expect(both.report[cash]).toEqual({ d: 15_000, c: 0 });
    expect((await fold(companyId)).lines).toBe(2);
    expect((await checkLedger(env.owner.db, { companyId })).violations).toEqual([]);
  });

  it('a fold that cannot have the books in time leaves the lines to the next one; reports count them all the while', async () => {
    const { companyId } = await bookCompany(env, 'Busy Co');
    const client = await bookClient(env, companyId, 'Busy Client');
    const inv = await draftInvoice(env, companyId, client, { issueDate: '2026-03-05', lines: [{ quantity: '2', unitPriceCents: 7_500 }] });
    const held = await sendHeldOpen(companyId, inv.id);
    expect(await fold(companyId, { waitMs: 100 })).toEqual({ lines: 0, foldedThrough: 0, done: false });
    held.release();
    await held.sending;
    const both = await totalsBothWays(companyId);
    expect(both.report).toEqual(both.lines);
    expect(Object.keys(both.report)).toHaveLength(2);
    expect((await fold(companyId)).lines).toBe(2);
    expect((await totalsBothWays(companyId)).report).toEqual(both.lines);
  });

  it('folds started together take turns: each line is folded once', async () => {
    const { companyId } = await bookCompany(env, 'Twice Co');
    const client = await bookClient(env, companyId, 'Twice Client');
    for (const day of ['2026-03-10', '2026-03-10', '2026-03-11']) {
      const inv = await draftInvoice(env, companyId, client, { issueDate: day, lines: [{ quantity: '1', unitPriceCents: 3_000 }] });
      await tenant(companyId, (tx) => sendDocument(tx, companyId, inv.id, actor));
    }
    const results = await Promise.all([fold(companyId), fold(companyId), fold(companyId)]);
    expect(results.map((f) => f.lines).sort()).toEqual([0, 0, 6]);
    const [rollups] = await env.owner.db.execute<{ n: number }>(sql`select count(*)::int as n from ledger_rollups where company_id = ${companyId}`);
    expect(rollups!.n).toBe(4); // A/R and revenue, on two days
    expect((await checkLedger(env.owner.db, { companyId })).violations).toEqual([]);
  });

  it("keep each currency to itself, folded or not, and list the currencies posted in, the company's own first", async () => {
    const { companyId } = await bookCompany(env, 'Two Currencies Co');
    const cash = await accountId(companyId, 'cash');
    const revenue = await accountId(companyId, 'revenue');
    const post = (currency: string, day: string, cents: number) => tenant(companyId, (tx) => postEntry(tx, {
      companyId, sourceType: 'manual', sourceId: randomUUID(), entryDate: day, currency, memo: currency,
      lines: [{ account: { id: cash }, debitCents: cents, creditCents: 0, clientId: null }, { account: { id: revenue }, debitCents: 0, creditCents: cents, clientId: null }],
    }));
    await post('USD', '2026-04-01', 1_000);
    await post('EUR', '2026-04-01', 700);
    await post('GBP', '2026-04-02', 300);
    const check = async (expected: Record<string, number>) => {
      for (const [currency, cents] of Object.entries(expected)) {
        const both = await totalsBothWays(companyId, {}, currency);
        expect(both.report, currency).toEqual(both.lines);
        expect(both.report[cash], currency).toEqual({ d: cents, c: 0 });
      }
    };
    await check({ USD: 1_000, EUR: 700, GBP: 300 });
    await fold(companyId);
    await post('EUR', '2026-04-03', 50);
    await check({ USD: 1_000, EUR: 750, GBP: 300 });
    const currencies = await tenant(companyId, (tx) => ledgerCurrencies(tx, companyId, 'EUR'));
    expect(currencies).toEqual(['EUR', 'GBP', 'USD']);
    expect(await tenant(companyId, (tx) => ledgerCurrencies(tx, companyId, 'CAD'))).toEqual(['CAD', 'EUR', 'GBP', 'USD']);
  });

  it('a report refuses to read outside one snapshot', async () => {
    const { companyId } = await bookCompany(env, 'Snapshot Co');
    await expect(tenant(companyId, (tx) => reportScope(tx, companyId, 'USD'))).rejects.toThrow(/one snapshot/);
  });
});

// Last, because it breaks the books on purpose: the checker names each kind of breakage.
describe('the checker', () => {
  it('names every invariant a broken company violates', async () => {
    const co = await bookCompany(env, 'Broken Co');
    const other = await bookCompany(env, 'Bystander Co');
    const { companyId } = co;
    const client = await bookClient(env, companyId, 'Broken Client');
    const inv = await draftInvoice(env, companyId, client, { issueDate: '2026-05-01', lines: [{ quantity: '1', unitPriceCents: 40_000 }] });
    await tenant(companyId, (tx) => sendDocument(tx, companyId, inv.id, actor));
    await tenant(companyId, (tx) => recordPayment(tx, companyId, { paymentId: randomUUID(), documentId: inv.id, amountCents: 45_000, method: 'card', reference: '', receivedOn: '2026-05-02', keepExcessAsCredit: true }, actor));
    expect((await foldLedger(env.database.db, companyId)).lines).toBeGreaterThan(0);
    expect((await checkLedger(env.owner.db, { companyId })).violations).toEqual([]);

    // Rows changed behind the commands' back (the owner, with triggers off, as a bad restore or script might).
    const cash = await accountId(companyId, 'cash');
    const otherCash = await accountId(other.companyId, 'cash');
    await env.owner.sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`update documents set balance_cents = 1234, status = 'partially_paid' where id = ${inv.id}`;
      await tx`update clients set credit_cents = credit_cents + 1, currency = 'EUR' where id = ${client.id}`;
      const [e] = await tx`insert into journal_entries (company_id, entry_date, source_type, source_id, currency) values (${companyId}, '2026-05-03', 'manual', ${randomUUID()}, 'USD') returning id`;
      // With triggers off the script numbers its lines itself (the column has no default, so it must).
      await tx`insert into journal_lines (company_id, entry_id, account_id, entry_date, debit_cents, credit_cents, seq) values (${companyId}, ${e!.id}, ${cash}, '2026-05-03', 100, 0, nextval('journal_lines_seq'))`;
      await tx`insert into journal_lines (company_id, entry_id, account_id, entry_date, debit_cents, credit_cents, seq) values (${other.companyId}, ${e!.id}, ${otherCash}, '2026-05-03', 0, 100, nextval('journal_lines_seq'))`;
      const [lone] = await tx`insert into journal_entries (company_id, entry_date, source_type, source_id, currency) values (${companyId}, '2026-05-04', 'manual', ${randomUUID()}, 'USD') returning id`;
      await tx`insert into journal_lines (company_id, entry_id, account_id, entry_date, debit_cents, credit_cents, seq) values (${companyId}, ${lone!.id}, ${cash}, '2026-05-04', 250, 0, nextval('journal_lines_seq'))`;
      await tx`update ledger_rollups set debit_cents = debit_cents + 1 where company_id = ${companyId} and account_id = ${cash}`;
    });
    const { violations } = await checkLedger(env.owner.db, { companyId });
    expect([...new Set(violations.map((v) => v.rule))].sort()).toEqual([
      'ar_matches_open_invoices', 'client_credit_cache', 'entry_unbalanced', 'invoice_ar_matches_balance', 'invoice_balance_derived', 'line_crosses_company', 'money_in_its_currency', 'rollups_match_lines', 'trial_balance',
    ]);
    expect(violations.find((v) => v.rule === 'money_in_its_currency')!.detail).toMatch(/Broken Client \(EUR\): credit of 5000 moved on .* which is in USD/);
    expect(violations.find((v) => v.rule === 'invoice_balance_derived')!.detail).toMatch(/total 40000 − payments 40000 − credit 0 = 0, stored 1234/);
    // `npm run check:ledger` as the owner over every company: exits 1 and names the rule.
    const ownerUrl = testDatabaseUrl(inject('pgAdminUrl'), new URL(env.databaseUrl).pathname.slice(1));
    const script = spawnSync(process.execPath, ['--import', 'tsx', 'bin/check-ledger.ts'], { env: { ...process.env, DATABASE_URL: ownerUrl }, encoding: 'utf8' });
    expect(script.status).toBe(1);
    expect(script.stdout).toMatch(/VIOLATED invoice_balance_derived/);
  });
});
