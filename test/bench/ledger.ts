/**
 * Ledger benchmarks (docs/benchmarks.md), each a ratio to a baseline measured
 * in the same run on the same driver and connection count:
 *  1. Posting throughput: balanced 3-line entries with idempotency keys
 *     (db/journal.ts#postEntry in a tenant transaction, database walls on) per
 *     second, vs single-row INSERT transactions per second. Once with lines
 *     spread over 40 accounts, once with every entry touching A/R.
 *  2. Trial balance and A/R aging over 1,000,000 journal lines and 100,000
 *     invoices, vs a plain `SELECT sum(debit_cents)` scan of the same lines.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { ledgerAccounts } from '../../db/chart';
import { createAccount, createSession } from '../../db/identity';
import { postEntry } from '../../db/journal';
import { checkLedger } from '../../db/ledger-check';
import { accountTotals, agingAsOf, reportScope } from '../../db/ledger-reports';
import { foldLedger } from '../../db/ledger-rollup';
import { provisionAccounts, provisionFinancials, provisionNumbering, setOnboardingStatus } from '../../db/onboarding';
import { withScope, withTenant } from '../../db/tenant';
import { hashToken, newToken } from '../../db/tokens';
import { ageReceivables, agingSummary } from '../../domain/ledger/aging';
import type { PostingLine } from '../../domain/ledger/posting';
import { trialBalance } from '../../domain/ledger/reports';
import { httpJson, percentiles, type Stack } from './stack';

const LANES = Number(process.env.BENCH_LANES ?? 8);
const SECONDS = Number(process.env.BENCH_POST_SECONDS ?? 5);
const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const INVOICES = Number(process.env.BENCH_INVOICES ?? 100_000);

async function company(stack: Stack, name: string) {
  const { user, company: co } = await createAccount(stack.database.db, { email: `${randomUUID().slice(0, 8)}@bench.example`, passwordHash: 'x', companyName: name });
  await withScope(stack.database.db, { companyId: co.id, userId: user.id }, async (tx) => {
    await provisionAccounts(tx, co.id);
    await provisionFinancials(tx, co.id);
    await provisionNumbering(tx, co.id);
    await setOnboardingStatus(tx, co.id, 'complete');
    for (let i = 0; i < 40; i++) await tx.execute(sql`insert into accounts (company_id, code, name, type) values (${co.id}, ${String(6000 + i)}, ${`Expense ${i}`}, 'expense')`);
  });
  const accounts = await withTenant(stack.database.db, co.id, (tx) => ledgerAccounts(tx, co.id));
  const token = newToken();
  await createSession(stack.owner.db, { tokenHash: hashToken(token), userId: user.id, activeCompanyId: co.id, expiresAt: new Date(Date.now() + 86_400_000) });
  return { companyId: co.id, userId: user.id, accounts, cookie: `ez360_session=${token}` };
}

/** How many times `fn` completes in `seconds` on `lanes` concurrent lanes, per second. */
async function throughput(lanes: number, seconds: number, fn: (lane: number) => Promise<unknown>): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: lanes }, async (_, lane) => {
    while (performance.now() < until) {
      await fn(lane);
      done += 1;
    }
  }));
  return done / ((performance.now() - start) / 1000);
}

export async function postingBench(stack: Stack) {
  const co = await company(stack, 'Posting Co');
  const id = (code: string) => co.accounts.find((a) => a.code === code)!.id;
  const expenses = co.accounts.filter((a) => Number(a.code) >= 6000).map((a) => a.id);
  const [client] = await stack.owner.db.execute<{ id: string }>(sql`insert into clients (company_id, kind, name, currency, payment_terms_days) values (${co.companyId}, 'business', 'Bench client', 'USD', 30) returning id`);
  await stack.owner.db.execute(sql`create table if not exists bench_single_insert (id uuid primary key default gen_random_uuid(), company_id uuid not null, amount_cents bigint not null, created_at timestamptz not null default now())`);
  await stack.owner.db.execute(sql`grant select, insert on bench_single_insert to ez360pm_app`);

  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
  const line = (accountId: string, debitCents: number, creditCents: number, clientId: string | null = null): PostingLine => ({ account: { id: accountId }, debitCents, creditCents, clientId });
  const post = (lines: () => PostingLine[]) => () => withTenant(stack.database.db, co.companyId, (tx) => postEntry(tx, {
    companyId: co.companyId, sourceType: 'manual', sourceId: randomUUID(), entryDate: '2026-06-15', currency: 'USD', memo: 'bench', lines: lines(),
  }));
  const spread = post(() => {
    const a = 100 + Math.floor(Math.random() * 10_000);
    const b = 100 + Math.floor(Math.random() * 10_000);
    return [line(pick(expenses), a, 0), line(pick(expenses), b, 0), line(pick(expenses), 0, a + b)];
  });
  const ar = post(() => {
    const r = 100 + Math.floor(Math.random() * 10_000);
    return [line(id('1100'), r + 80, 0, client!.id), line(id('4000'), 0, r), line(id('2100'), 0, 80)];
  });
  const single = () => stack.database.db.transaction((tx) => tx.execute(sql`insert into bench_single_insert (company_id, amount_cents) values (${co.companyId}, ${Math.floor(Math.random() * 10_000)})`));
  const scopedSingle = () => withTenant(stack.database.db, co.companyId, (tx) => tx.execute(sql`insert into bench_single_insert (company_id, amount_cents) values (${co.companyId}, ${Math.floor(Math.random() * 10_000)})`));

  await throughput(LANES, 1, single); // warm up connections and caches
  await throughput(LANES, 1, spread);
  // Interleave the runs so drift on a shared machine hits both sides.
  const runs = { single: [] as number[], scopedSingle: [] as number[], spread: [] as number[], ar: [] as number[] };
  for (let i = 0; i < 2; i++) {
    runs.single.push(await throughput(LANES, SECONDS / 2, single));
    runs.spread.push(await throughput(LANES, SECONDS / 2, spread));
    runs.ar.push(await throughput(LANES, SECONDS / 2, ar));
    runs.scopedSingle.push(await throughput(LANES, SECONDS / 2, scopedSingle));
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [entries] = await stack.owner.db.execute<{ n: number }>(sql`select count(*)::int as n from journal_entries where company_id = ${co.companyId}`);
  // A/R lines posted without invoices break the sub-ledger rules by design here; the journal's own rules must hold.
  const check = await checkLedger(stack.owner.db, { companyId: co.companyId });
  const violations = check.violations.filter((v) => ['entry_unbalanced', 'trial_balance', 'line_crosses_company'].includes(v.rule)).length;
  return { single: mean(runs.single), scopedSingle: mean(runs.scopedSingle), spread: mean(runs.spread), ar: mean(runs.ar), entries: entries!.n, violations };
}

/**
 * One company with INVOICES invoices over three years (70% paid, 10% part paid, 20% open), their
 * invoice and payment entries, and two-line expense entries up to LINES lines. Loaded by the owner
 * with triggers off (as a restore would, so it numbers the lines itself), balanced by construction,
 * then checked by the checker.
 */
export async function seedBooks(stack: Stack) {
  const co = await company(stack, 'Books Co');
  const acct = (code: string) => co.accounts.find((a) => a.code === code)!.id;
  const expenses = co.accounts.filter((a) => Number(a.code) >= 6000).map((a) => a.id);
  const invoiceLines = INVOICES * 3;
  const paymentLines = Math.floor(INVOICES * 0.8) * 2;
  const expenseEntries = Math.max(0, Math.floor((LINES - invoiceLines - paymentLines) / 2));
  const t0 = performance.now();
  await stack.owner.sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    await tx`create temp table bench_clients on commit drop as select gen_random_uuid() as id, g from generate_series(0, 499) g`;
    await tx`insert into clients (id, company_id, kind, name, email, currency, payment_terms_days) select id, ${co.companyId}::uuid, 'business', 'Client ' || g, 'c' || g || '@bench.example', 'USD', 30 from bench_clients`;
    await tx`create temp table bench_inv on commit drop as
      select g, gen_random_uuid() as id, gen_random_uuid() as entry_id, gen_random_uuid() as payment_id, gen_random_uuid() as payment_entry_id,
             (select id from bench_clients c where c.g = s.g % 500) as client_id,
             date '2023-01-01' + (s.g % 1095) as issue, r, r * 825 / 10000 as tax, r + r * 825 / 10000 as total,
             case when s.g % 10 < 7 then 'paid' when s.g % 10 = 7 then 'partially_paid' else 'sent' end as status
      from (select g, 10000 + (g::bigint * 7919) % 90000 as r from generate_series(1, ${INVOICES}) g) s`;
    await tx`insert into documents (id, company_id, kind, seq, number, client_id, status, issue_date, due_date, currency, subtotal_cents, discount_cents, tax_cents, total_cents, balance_cents, sent_at, revision)
      select id, ${co.companyId}::uuid, 'invoice', g, 'INV-' || lpad(g::text, 6, '0'), client_id, status, to_char(issue, 'YYYY-MM-DD'), to_char(issue + 30, 'YYYY-MM-DD'), 'USD', r, 0, tax, total,
             case status when 'paid' then 0 when 'partially_paid' then total - total / 2 else total end, now(), 1
      from bench_inv`;
    await tx`insert into journal_entries (id, company_id, entry_date, source_type, source_id, currency, memo, document_id)
      select entry_id, ${co.companyId}::uuid, issue, 'invoice', id, 'USD', 'Invoice INV-' || g, id from bench_inv`;
    await tx`insert into journal_lines (company_id, entry_id, account_id, entry_date, debit_cents, credit_cents, client_id, seq)
      select *, nextval('journal_lines_seq') from (select ${co.companyId}::uuid, entry_id, ${acct('1100')}::uuid, issue, total, 0, client_id from bench_inv
      union all select ${co.companyId}::uuid, entry_id, ${acct('4000')}::uuid, issue, 0, r, null from bench_inv
      union all select ${co.companyId}::uuid, entry_id, ${acct('2100')}::uuid, issue, 0, tax, null from bench_inv) lines`;
    await tx`insert into payments (id, company_id, client_id, document_id, method, received_on, currency, amount_cents, applied_cents, credit_cents)
      select payment_id, ${co.companyId}::uuid, client_id, id, 'bank_transfer', issue + 20, 'USD', p, p, 0
      from (select *, case when status = 'paid' then total else total / 2 end as p from bench_inv where status <> 'sent') x`;
    await tx`insert into journal_entries (id, company_id, entry_date, source_type, source_id, currency, memo, document_id)
      select payment_entry_id, ${co.companyId}::uuid, issue + 20, 'payment', payment_id, 'USD', 'Payment on INV-' || g, id from bench_inv where status <> 'sent'`;
    await tx`insert into journal_lines (company_id, entry_id, account_id, entry_date, debit_cents, credit_cents, client_id, seq)
      select *, nextval('journal_lines_seq') from (select ${co.companyId}::uuid, payment_entry_id, ${acct('1000')}::uuid, issue + 20, case when status = 'paid' then total else total / 2 end, 0, null from bench_inv where status <> 'sent'
      union all select ${co.companyId}::uuid, payment_entry_id, ${acct('1100')}::uuid, issue + 20, 0, case when status = 'paid' then total else total / 2 end, client_id from bench_inv where status <> 'sent') lines`;
    await tx`create temp table bench_exp on commit drop as
      select gen_random_uuid() as id, date '2023-01-01' + (g % 1095) as day, 500 + (g::bigint * 104729) % 50000 as cents,
             (string_to_array(${expenses.join(',')}, ',')::uuid[])[1 + g % ${expenses.length}] as account_id
      from generate_series(1, ${expenseEntries}) g`;
    await tx`insert into journal_entries (id, company_id, entry_date, source_type, source_id, currency, memo)
      select id, ${co.companyId}::uuid, day, 'manual', gen_random_uuid(), 'USD', 'Expense' from bench_exp`;
    await tx`insert into journal_lines (company_id, entry_id, account_id, entry_date, debit_cents, credit_cents, seq)
      select *, nextval('journal_lines_seq') from (select ${co.companyId}::uuid, id, account_id, day, cents, 0 from bench_exp
      union all select ${co.companyId}::uuid, id, ${acct('1000')}::uuid, day, 0, cents from bench_exp) lines`;
  });
  // What autovacuum does after a load: statistics, and the block ranges of the new lines summarised (the seq index).
  await stack.owner.sql`vacuum analyze`;
  const seededMs = performance.now() - t0;
  const [counts] = await stack.owner.db.execute<{ lines: number; invoices: number }>(sql`select
    (select count(*)::int from journal_lines where company_id = ${co.companyId}) as lines,
    (select count(*)::int from documents where company_id = ${co.companyId}) as invoices`);
  const t1 = performance.now();
  const check = await checkLedger(stack.owner.db, { companyId: co.companyId });
  return { ...co, seededMs, checkMs: performance.now() - t1, violations: check.violations, ...counts! };
}

export async function reportBench(stack: Stack) {
  const books = await seedBooks(stack);
  const { companyId } = books;
  const db = stack.database.db;
  const runs = 25;
  /** Each function's timings, measured round-robin so a burst of load on this shared machine hits every one alike. */
  const timeAll = async (fns: Record<string, () => Promise<unknown>>) => {
    const ms: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
    for (let i = 0; i < runs + 3; i++) {
      for (const [k, fn] of Object.entries(fns)) {
        const t = performance.now();
        await fn();
        if (i >= 3) ms[k]!.push(performance.now() - t);
      }
    }
    return Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, percentiles(v)]));
  };
  const baseline = () => withTenant(db, companyId, (tx) => tx.execute(sql`select sum(debit_cents) from journal_lines where company_id = ${companyId}`));
  // The trial balance's read: the rollups and the lines after the fold mark, in one snapshot.
  const tbRead = () => withTenant(db, companyId, async (tx) => {
    const scope = await reportScope(tx, companyId, 'USD');
    const t = trialBalance(await ledgerAccounts(tx, companyId), await accountTotals(tx, scope, { to: '2026-12-31' }));
    if (!t.balanced) throw new Error('seeded books do not balance');
  }, { readOnly: true });
  // What GET /reports/trial-balance does: fold what was posted since the last report, then read.
  const tb = async () => {
    await foldLedger(db, companyId);
    await tbRead();
  };
  // The same sums straight from every line, as before rollups: for reference.
  const tbLines = () => withTenant(db, companyId, async (tx) => {
    const totals = await tx.execute<{ account_id: string; d: number; c: number }>(sql`select account_id, sum(debit_cents)::bigint as d, sum(credit_cents)::bigint as c
      from journal_lines where company_id = ${companyId} and entry_date <= '2026-12-31' group by account_id`);
    const t = trialBalance(await ledgerAccounts(tx, companyId), totals.map((r) => ({ accountId: r.account_id, debitCents: Number(r.d), creditCents: Number(r.c) })));
    if (!t.balanced) throw new Error('seeded books do not balance');
  });
  // Between rounds the company keeps posting (50 three-line entries), so every timed fold has lines to fold.
  const cash = books.accounts.find((a) => a.systemRole === 'cash')!.id;
  const revenue = books.accounts.find((a) => a.systemRole === 'revenue')!.id;
  const tax = books.accounts.find((a) => a.systemRole === 'sales_tax_payable')!.id;
  const keepPosting = async () => {
    for (let i = 0; i < 50; i++) {
      await withTenant(db, companyId, (tx) => postEntry(tx, {
        companyId, sourceType: 'manual', sourceId: randomUUID(), entryDate: '2026-06-15', currency: 'USD', memo: 'bench', lines: [
          { account: { id: cash }, debitCents: 1_080, creditCents: 0, clientId: null }, { account: { id: revenue }, debitCents: 0, creditCents: 1_000, clientId: null },
          { account: { id: tax }, debitCents: 0, creditCents: 80, clientId: null }],
      }));
    }
  };
  const aging = (asOf: string) => () => withTenant(db, companyId, async (tx) => {
    const scope = await reportScope(tx, companyId, 'USD');
    // What GET /reports/ar-aging does: buckets by client, and the oldest 200 open invoices.
    const data = await agingAsOf(tx, scope, asOf, { invoiceLimit: 200 });
    return { ...agingSummary(data.groups, asOf), invoices: ageReceivables(data.invoices, asOf).invoices };
  }, { readOnly: true });
  const api = (path: string) => async () => {
    const res = await httpJson(stack.base + path, { headers: { cookie: books.cookie } });
    if (res.status >= 400) throw new Error(`${path} → ${res.status} ${JSON.stringify(res.body)}`);
  };
  const agingNow = await aging('2026-06-30')();
  const t0 = performance.now();
  const firstFold = await foldLedger(db, companyId);
  const firstFoldMs = performance.now() - t0;
  const t = await timeAll({
    keepPosting, baseline, trialBalance: tb, tbRead, tbLines, aging: aging('2026-06-30'), agingHistorical: aging('2024-06-30'),
    tbApi: api('/api/v1/reports/trial-balance?to=2026-06-30'), agingApi: api('/api/v1/reports/ar-aging?asOf=2026-06-30'),
  });
  const check = await checkLedger(stack.owner.db, { companyId });
  return {
    books, openInvoices: agingNow.invoiceCount, firstFold: { lines: firstFold.lines, ms: firstFoldMs }, violationsAfter: check.violations.length,
    baseline: t.baseline!, trialBalance: t.trialBalance!, tbRead: t.tbRead!, tbLines: t.tbLines!, aging: t.aging!, agingHistorical: t.agingHistorical!, tbApi: t.tbApi!, agingApi: t.agingApi!,
  };
}

const fmt = (x: number) => x.toFixed(1).padStart(8);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`.padStart(7);

export async function ledgerReport(stack: Stack): Promise<string> {
  const p = await postingBench(stack);
  const r = await reportBench(stack);
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  return [
    `ledger posting (${LANES} connections, ${SECONDS} s each, interleaved)           per second   ratio   target`,
    `  single-row INSERT transactions (baseline)                   ${fmt(p.single)}`,
    `  (the same inside a tenant transaction: + set_config)         ${fmt(p.scopedSingle)}  ${ratio(p.scopedSingle, p.single)}`,
    `  3-line entries, lines spread over 40 accounts               ${fmt(p.spread)}  ${ratio(p.spread, p.single)}   ≥0.4: ${met(p.spread / p.single >= 0.4)}`,
    `  3-line entries, every one touching A/R                      ${fmt(p.ar)}  ${ratio(p.ar, p.single)}   ≥0.4: ${met(p.ar / p.single >= 0.4)}`,
    `  (${p.entries.toLocaleString()} entries posted; balance and company violations: ${p.violations})`,
    '',
    `reports over ${r.books.lines.toLocaleString()} journal lines, ${r.books.invoices.toLocaleString()} invoices (${r.openInvoices.toLocaleString()} open); seeded in ${(r.books.seededMs / 1000).toFixed(1)} s, checker ${(r.books.checkMs / 1000).toFixed(1)} s, ${r.books.violations.length} violations`,
    '                                                                p50 ms   p99 ms   ratio   target',
    `  SELECT sum(debit_cents) of the company's lines (baseline)  ${fmt(r.baseline.p50)} ${fmt(r.baseline.p99)}`,
    `  trial balance (fold 150 new lines, then db + shaping)     ${fmt(r.trialBalance.p50)} ${fmt(r.trialBalance.p99)} ${ratio(r.trialBalance.p50, r.baseline.p50)}   ≤2× and <300 ms: ${met(r.trialBalance.p50 <= 2 * r.baseline.p50 && r.trialBalance.p50 < 300)}`,
    `  (its read alone, nothing new to fold)                      ${fmt(r.tbRead.p50)} ${fmt(r.tbRead.p99)} ${ratio(r.tbRead.p50, r.baseline.p50)}`,
    `  (the same summed from every line, as before rollups)       ${fmt(r.tbLines.p50)} ${fmt(r.tbLines.p99)} ${ratio(r.tbLines.p50, r.baseline.p50)}`,
    `  A/R aging today (open balances)                            ${fmt(r.aging.p50)} ${fmt(r.aging.p99)} ${ratio(r.aging.p50, r.baseline.p50)}   ≤2×: ${met(r.aging.p50 <= 2 * r.baseline.p50)}`,
    `  (A/R aging on a past day, from the ledger)                 ${fmt(r.agingHistorical.p50)} ${fmt(r.agingHistorical.p99)} ${ratio(r.agingHistorical.p50, r.baseline.p50)}`,
    `  (GET /reports/trial-balance through HTTP)                  ${fmt(r.tbApi.p50)} ${fmt(r.tbApi.p99)} ${ratio(r.tbApi.p50, r.baseline.p50)}`,
    `  (GET /reports/ar-aging through HTTP)                       ${fmt(r.agingApi.p50)} ${fmt(r.agingApi.p99)} ${ratio(r.agingApi.p50, r.baseline.p50)}`,
    `  (first fold after seeding: ${r.firstFold.lines.toLocaleString()} lines in ${(r.firstFold.ms / 1000).toFixed(1)} s; violations after the rounds: ${r.violationsAfter})`,
  ].join('\n');
}
