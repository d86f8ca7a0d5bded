/**
 * The aggregates behind the financial reports. The database sums; the shapes
 * (sections, signs, retained earnings, running balances, buckets) are pure
 * functions in domain/ledger/. Reports are per currency: a company whose
 * entries are all in one currency is summed straight from `journal_lines`
 * (entry dates are copied onto the lines for this); otherwise lines are kept
 * to the entries of the asked currency.
 *
 * Sums read the company's rollups plus its lines not folded yet
 * (db/ledger-rollup.ts), so a report costs what was posted since the last fold
 * rather than everything ever posted. Both sides must come from one snapshot:
 * reports run in a read-only, repeatable-read transaction (`withTenant(…, { readOnly: true })`),
 * and `reportScope` refuses any other.
 */
import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { agingCutoffs, bucketByCutoff, type AgingBucket, type AgingGroup, type OpenInvoice } from '../domain/ledger/aging';
import type { AccountTotals, DayRange, GlLineInput } from '../domain/ledger/reports';
import type { TaxEventInput } from '../domain/ledger/sales-tax';
import type { Tx } from './client';
import type { DocumentKey } from './documents';
import { exactInstant } from './instants';
import { accounts, journalEntries, journalLines } from './schema/ledger';

export interface Scope {
  companyId: string;
  currency: string;
  /** A condition on `journal_lines` keeping the currency's entries, or undefined when every entry is in it. */
  lines: SQL | undefined;
  /** Lines numbered at or below this are in the rollups (as of the report's snapshot). */
  foldedThrough: number;
}

/** The report scope of a company and currency, read in the report's snapshot. */
export async function reportScope(tx: Tx, companyId: string, currency: string): Promise<Scope> {
  // `<` or `>` rather than `<>` so the (company_id, currency) index answers it.
  const [row] = await tx.execute<{ other: boolean; folded_through: number; isolation: string }>(sql`select
    exists (select 1 from ${journalEntries} where ${journalEntries.companyId} = ${companyId} and (${journalEntries.currency} < ${currency} or ${journalEntries.currency} > ${currency})) as other,
    coalesce((select folded_through from ledger_folds where company_id = ${companyId}), 0) as folded_through,
    current_setting('transaction_isolation') as isolation`);
  // In read committed, a fold committing between two of the report's statements would count its lines twice.
  if (row!.isolation !== 'repeatable read') throw new Error('Reports read in one snapshot: open the transaction with { readOnly: true }.');
  return {
    companyId, currency, foldedThrough: Number(row!.folded_through),
    lines: row!.other ? sql`${journalLines.entryId} in (select ${journalEntries.id} from ${journalEntries} where ${journalEntries.companyId} = ${companyId} and ${journalEntries.currency} = ${currency})` : undefined,
  };
}

/** Currencies the company has posted in, its own first. */
export async function ledgerCurrencies(tx: Tx, companyId: string, home: string): Promise<string[]> {
  // Hops through the (company_id, currency) index one currency at a time, instead of reading every
  // entry for the few distinct values (`select distinct` took ~35 ms over 450,000 entries).
  const rows = await tx.execute<{ currency: string }>(sql`with recursive found (currency) as (
      (select currency from journal_entries where company_id = ${companyId} order by currency limit 1)
      union all
      select (select e.currency from journal_entries e where e.company_id = ${companyId} and e.currency > found.currency order by e.currency limit 1)
      from found where found.currency is not null)
    select currency from found where currency is not null`);
  return [home, ...rows.map((r) => r.currency).filter((c) => c !== home).sort()];
}

/**
 * Σ debits and Σ credits of the scope's posted amounts per account (`by: 'account'`) or per
 * account and calendar month (`'month'`), days from `from` to `to` (either end open; `before`
 * an exclusive end): the currency's rollups and the lines numbered after the fold mark, each
 * summed on its own (the rollups in their key's order, no sort), so one account can appear once
 * from each. Sum over it again by the same key.
 */
function amounts(s: Scope, by: 'account' | 'month', days: { from?: string; to?: string; before?: string; accountId?: string }): SQL {
  const where = (day: SQL) => sql.join([
    days.from ? sql` and ${day} >= ${days.from}::date` : sql``,
    days.to ? sql` and ${day} <= ${days.to}::date` : sql``,
    days.before ? sql` and ${day} < ${days.before}::date` : sql``,
    days.accountId ? sql` and account_id = ${days.accountId}::uuid` : sql``,
  ]);
  const key = (day: SQL) => (by === 'account' ? sql`account_id` : sql`account_id, to_char(${day}, 'YYYY-MM') as month`);
  const groupBy = by === 'account' ? sql`group by 1` : sql`group by 1, 2`;
  return sql`(
    select ${key(sql`day`)}, sum(debit_cents) as debit_cents, sum(credit_cents) as credit_cents from ledger_rollups
    where company_id = ${s.companyId} and currency = ${s.currency}${where(sql`day`)} ${groupBy}
    union all
    select ${key(sql`entry_date`)}, sum(debit_cents), sum(credit_cents) from journal_lines
    where company_id = ${s.companyId} and seq > ${s.foldedThrough}${where(sql`entry_date`)}${s.lines ? sql` and ${s.lines}` : sql``} ${groupBy}
  ) amounts`;
}

type SumRow = { account_id: string; debit_cents: number; credit_cents: number };
const sums = sql`coalesce(sum(debit_cents), 0)::bigint as debit_cents, coalesce(sum(credit_cents), 0)::bigint as credit_cents`;

/** Σ debits and Σ credits per account for lines dated in [from, to]; either end may be open. */
export async function accountTotals(tx: Tx, s: Scope, range: { from?: string; to?: string }): Promise<AccountTotals[]> {
  const rows = await tx.execute<SumRow>(sql`select account_id, ${sums} from ${amounts(s, 'account', range)} group by account_id`);
  return rows.map((r) => ({ accountId: r.account_id, debitCents: Number(r.debit_cents), creditCents: Number(r.credit_cents) }));
}

/** Income and expense by calendar month over a range: Σ credits − Σ debits per account and month. */
export async function monthlyActivity(tx: Tx, s: Scope, range: DayRange) {
  const rows = await tx.execute<{ month: string; type: string; cents: number }>(sql`
    select amounts.month, a.type, sum(amounts.credit_cents - amounts.debit_cents)::bigint as cents
    from ${amounts(s, 'month', range)} join accounts a on a.id = amounts.account_id
    where a.type in ('income', 'expense')
    group by 1, 2 order by 1`);
  return rows.map((r) => ({ month: r.month, type: r.type as typeof accounts.$inferSelect.type, creditMinusDebitCents: Number(r.cents) }));
}

/** One account's lines in a range, in posting order, at most `limit` (one more tells the caller there were more). */
export async function accountLines(tx: Tx, s: Scope, accountId: string, range: DayRange, limit: number): Promise<GlLineInput[]> {
  return tx.select({
    lineId: journalLines.id, entryId: journalLines.entryId, entryDate: journalLines.entryDate, sourceType: journalEntries.sourceType,
    sourceId: journalEntries.sourceId, memo: sql<string>`coalesce(nullif(${journalLines.memo}, ''), ${journalEntries.memo})`,
    debitCents: journalLines.debitCents, creditCents: journalLines.creditCents,
  }).from(journalLines).innerJoin(journalEntries, eq(journalEntries.id, journalLines.entryId)).where(and(
    eq(journalLines.companyId, s.companyId), eq(journalLines.accountId, accountId), gte(journalLines.entryDate, range.from), lte(journalLines.entryDate, range.to), s.lines,
  )).orderBy(asc(journalLines.entryDate), asc(journalEntries.createdAt), asc(journalEntries.id), asc(journalLines.id)).limit(limit + 1);
}

/** Σ debits and credits of one account before a day: the opening of a general ledger. */
export async function accountTotalsBefore(tx: Tx, s: Scope, accountId: string, day: string): Promise<{ debitCents: number; creditCents: number }> {
  const [row] = await tx.execute<SumRow>(sql`select null as account_id, ${sums} from ${amounts(s, 'account', { before: day, accountId })}`);
  return { debitCents: Number(row?.debit_cents ?? 0), creditCents: Number(row?.credit_cents ?? 0) };
}

export async function roleAccountId(tx: Tx, companyId: string, role: string): Promise<string | null> {
  const [row] = await tx.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.companyId, companyId), eq(accounts.systemRole, role)));
  return row?.id ?? null;
}

type OpenRow = { document_id: string; number: string; client_id: string; client_name: string; issue_date: string; due_date: string; balance_cents: number };
const toOpen = (r: OpenRow): OpenInvoice => ({
  documentId: r.document_id, number: r.number, clientId: r.client_id, clientName: r.client_name, issueDate: r.issue_date, dueDate: r.due_date, balanceCents: Number(r.balance_cents),
});

export interface AgingData {
  /** Open balances per client and bucket. */
  groups: AgingGroup[];
  /** Open invoices, oldest due first, at most the limit asked. */
  invoices: OpenInvoice[];
  /** Where the balances came from: the invoices' stored balances, or the A/R lines up to the day. */
  source: 'balances' | 'ledger';
}

/**
 * Receivables on `asOf`, grouped by client and aging bucket (the buckets come
 * from domain/ledger/aging.ts as due-date cutoffs), plus the oldest open
 * invoices. When nothing has touched A/R after that day, the open invoices'
 * stored balances are the answer (the checker holds them equal to the A/R
 * account) and the database groups them; for an earlier day, the A/R lines up
 * to it are summed per invoice.
 */
export async function agingAsOf(tx: Tx, s: Scope, asOf: string, opts: { clientId?: string; invoiceLimit: number }): Promise<AgingData> {
  const ar = await roleAccountId(tx, s.companyId, 'accounts_receivable');
  if (!ar) return { groups: [], invoices: [], source: 'balances' };
  const cutoffs = agingCutoffs(asOf);
  const client = opts.clientId ? sql`and d.client_id = ${opts.clientId}` : sql``;
  const [last] = await tx.select({ day: sql<string | null>`max(${journalLines.entryDate})` }).from(journalLines)
    .where(and(eq(journalLines.companyId, s.companyId), eq(journalLines.accountId, ar)));
  if (!last?.day || last.day <= asOf) {
    const open = sql`documents d join clients c on c.id = d.client_id
      where d.company_id = ${s.companyId} and d.kind = 'invoice' and d.status in ('sent', 'partially_paid') and d.currency = ${s.currency}
        and d.balance_cents <> 0 and d.deleted_at is null ${client}`;
    const bucket = sql`case ${sql.join(cutoffs.filter((c) => c.dueOnOrAfter).map((c) => sql`when d.due_date >= ${c.dueOnOrAfter} then ${c.bucket}`), sql` `)} else '90+' end`;
    const groups = await tx.execute<{ client_id: string; client_name: string; bucket: AgingBucket; balance_cents: number; invoices: number }>(sql`
      select d.client_id, c.name as client_name, ${bucket} as bucket, sum(d.balance_cents)::bigint as balance_cents, count(*)::int as invoices
      from ${open} group by 1, 2, 3`);
    const invoices = await tx.execute<OpenRow>(sql`
      select d.id as document_id, d.number, d.client_id, c.name as client_name, d.issue_date, d.due_date, d.balance_cents
      from ${open} order by d.due_date, d.number limit ${opts.invoiceLimit}`);
    return {
      groups: groups.map((g) => ({ clientId: g.client_id, clientName: g.client_name, bucket: g.bucket, balanceCents: Number(g.balance_cents), invoices: g.invoices })),
      invoices: invoices.map(toOpen), source: 'balances',
    };
  }
  const rows = (await tx.execute<OpenRow>(sql`
    with ar as (
      select e.document_id, sum(l.debit_cents - l.credit_cents)::bigint as balance_cents
      from journal_lines l join journal_entries e on e.id = l.entry_id
      where l.company_id = ${s.companyId} and l.account_id = ${ar} and l.entry_date <= ${asOf} and e.currency = ${s.currency} and e.document_id is not null
      group by e.document_id having sum(l.debit_cents - l.credit_cents) <> 0)
    select d.id as document_id, d.number, d.client_id, c.name as client_name, d.issue_date, d.due_date, ar.balance_cents
    from ar join documents d on d.id = ar.document_id join clients c on c.id = d.client_id
    where true ${client}`)).map(toOpen);
  const groups = new Map<string, AgingGroup>();
  for (const r of rows) {
    const bucket = bucketByCutoff(r.dueDate, cutoffs);
    const key = `${r.clientId}:${bucket}`;
    const g = groups.get(key) ?? { clientId: r.clientId, clientName: r.clientName, bucket, balanceCents: 0, invoices: 0 };
    g.balanceCents += r.balanceCents;
    g.invoices += 1;
    groups.set(key, g);
  }
  rows.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));
  return { groups: [...groups.values()], invoices: rows.slice(0, opts.invoiceLimit), source: 'ledger' };
}

export interface ReconciliationRow {
  documentId: string;
  number: string;
  status: string;
  clientId: string;
  clientName: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  totalCents: number;
  paymentsAppliedCents: number;
  /** Overpayments kept as client credit: not part of the balance, shown so the payments add up. */
  paymentsExcessCents: number;
  paymentCount: number;
  creditsAppliedCents: number;
  creditCount: number;
  storedBalanceCents: number;
  /** The A/R ledger's own figure for this invoice (Σ A/R lines of its entries). */
  ledgerBalanceCents: number;
}

export interface ReconciliationFilter {
  clientId?: string;
  documentIds?: string[];
  from?: string;
  to?: string;
  limit: number;
  /** Keyset on (created, id), newest first, like the invoice list (a number's sequence restarts each period). */
  before?: DocumentKey;
}

/** Every sent (or later) invoice with what explains its balance. */
export async function reconciliationRows(tx: Tx, companyId: string, f: ReconciliationFilter): Promise<(ReconciliationRow & { createdAtExact: string })[]> {
  const ar = (await roleAccountId(tx, companyId, 'accounts_receivable')) ?? '00000000-0000-0000-0000-000000000000';
  const rows = await tx.execute<Record<string, string | number>>(sql`
    select d.id, ${exactInstant(sql`d.created_at`)} as created_exact, d.number, d.status, d.client_id, c.name as client_name, d.issue_date, d.due_date, d.currency, d.total_cents, d.balance_cents,
      coalesce(p.applied, 0)::bigint as applied, coalesce(p.excess, 0)::bigint as excess, coalesce(p.n, 0)::int as payment_count,
      coalesce(ca.amount, 0)::bigint as credits, coalesce(ca.n, 0)::int as credit_count, coalesce(led.balance, 0)::bigint as ledger
    from documents d
    join clients c on c.id = d.client_id
    left join lateral (select sum(applied_cents) as applied, sum(credit_cents) as excess, count(*) as n from payments
                       where company_id = d.company_id and document_id = d.id) p on true
    left join lateral (select sum(amount_cents) as amount, count(*) as n from credit_applications
                       where company_id = d.company_id and document_id = d.id) ca on true
    left join lateral (select sum(l.debit_cents - l.credit_cents) as balance from journal_entries e join journal_lines l on l.entry_id = e.id
                       where e.company_id = d.company_id and e.document_id = d.id and l.account_id = ${ar}) led on true
    where d.company_id = ${companyId} and d.kind = 'invoice' and d.status <> 'draft' and d.deleted_at is null
      ${f.clientId ? sql`and d.client_id = ${f.clientId}` : sql``}
      ${f.documentIds ? sql`and d.id in ${f.documentIds.length ? sql`(${sql.join(f.documentIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`(null)`}` : sql``}
      ${f.from ? sql`and d.issue_date >= ${f.from}` : sql``}
      ${f.to ? sql`and d.issue_date <= ${f.to}` : sql``}
      ${f.before ? sql`and (d.created_at, d.id) < (${f.before.createdAt}::timestamptz, ${f.before.id}::uuid)` : sql``}
    order by d.created_at desc, d.id desc
    limit ${f.limit + 1}`);
  return rows.map((r) => ({
    documentId: String(r.id), createdAtExact: String(r.created_exact), number: String(r.number), status: String(r.status), clientId: String(r.client_id), clientName: String(r.client_name),
    issueDate: String(r.issue_date), dueDate: String(r.due_date), currency: String(r.currency), totalCents: Number(r.total_cents),
    paymentsAppliedCents: Number(r.applied), paymentsExcessCents: Number(r.excess), paymentCount: Number(r.payment_count),
    creditsAppliedCents: Number(r.credits), creditCount: Number(r.credit_count), storedBalanceCents: Number(r.balance_cents), ledgerBalanceCents: Number(r.ledger),
  }));
}

/**
 * The invoice events behind a sales tax summary: each invoice sent (its `invoice` entry) or voided
 * (`invoice_void`) on a day in the range, in the scope's currency, with its lines' tax bases summed
 * per rate. A sent invoice's lines are locked, so they are what was posted.
 */
export async function salesTaxEvents(tx: Tx, s: Scope, range: DayRange): Promise<TaxEventInput[]> {
  const rows = await tx.execute<{ document_id: string; sign: 1 | -1; tax_inclusive: boolean; rate_bps: number; taxed: boolean; base_cents: number }>(sql`
    select e.document_id, case when e.source_type = 'invoice' then 1 else -1 end::int as sign, d.tax_inclusive,
           l.tax_rate_bps as rate_bps, (l.taxable and l.tax_rate_bps > 0) as taxed, sum(l.tax_base_cents)::bigint as base_cents
    from ${journalEntries} e
    join documents d on d.id = e.document_id and d.company_id = e.company_id
    join document_lines l on l.document_id = d.id and l.company_id = d.company_id
    where e.company_id = ${s.companyId} and e.currency = ${s.currency} and e.source_type in ('invoice', 'invoice_void')
      and e.entry_date between ${range.from} and ${range.to}
    group by e.id, e.document_id, e.source_type, d.tax_inclusive, l.tax_rate_bps, (l.taxable and l.tax_rate_bps > 0)`);
  const events = new Map<string, TaxEventInput & { taxedBases: Map<number, number> }>();
  for (const r of rows) {
    const key = `${r.document_id}:${r.sign}`;
    const e = events.get(key) ?? { documentId: r.document_id, sign: r.sign, taxInclusive: r.tax_inclusive, taxedBases: new Map<number, number>(), exemptCents: 0 };
    if (r.taxed) e.taxedBases.set(r.rate_bps, (e.taxedBases.get(r.rate_bps) ?? 0) + Number(r.base_cents));
    else e.exemptCents += Number(r.base_cents);
    events.set(key, e);
  }
  return [...events.values()];
}
