/**
 * Financial reports (PRODUCT.md §H, Professional plan and up): trial balance,
 * general ledger, profit and loss, balance sheet, A/R aging, invoice
 * reconciliation with "recalculate", the sales tax summary and time
 * utilisation. Each takes a date range (default: this month to date in the
 * company's time zone) and `format=csv` for a formula-safe download; the
 * statements also take `compare=previous` for the period of equal length
 * before it, and `currency` (default: the company's).
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { ledgerAccounts } from '../../db/chart';
import type { Tx } from '../../db/client';
import type { DocumentKey } from '../../db/documents';
import {
  accountLines, accountTotals, accountTotalsBefore, ledgerCurrencies, monthlyActivity, agingAsOf, reconciliationRows, reportScope, salesTaxEvents, type Scope,
} from '../../db/ledger-reports';
import { foldLedger } from '../../db/ledger-rollup';
import { recalculateBalances } from '../../db/reconciliation';
import { timeSettings, trackedTime } from '../../db/time-entries';
import { withTenant } from '../../db/tenant';
import { ACCOUNT_TYPES } from '../../domain/accounts';
import { addDays, isDay } from '../../domain/dates';
import { toCsv } from '../../domain/csv';
import { AppError } from '../../domain/errors';
import { lifecycleUpdate } from '../invoices';
import { errorFields } from '../log';
import { AGING_BUCKETS, ageReceivables, agingDay, agingSummary } from '../../domain/ledger/aging';
import { explainBalance } from '../../domain/ledger/reconciliation';
import { salesTaxSummary } from '../../domain/ledger/sales-tax';
import {
  balanceSheet, compareRows, csvAmount, generalLedger, monthlySeries, monthOf, normalAmount, previousRange, profitAndLoss, trialBalance, yearStartOf,
  type AmountRow, type DayRange, type LedgerAccount,
} from '../../domain/ledger/reports';
import { can } from '../../domain/permissions';
import { timeUtilisation } from '../../domain/utilisation';
import { auditBy } from '../audit';
import { decodeCursor, encodeCursor } from '../cursor';
import type { AppEnv } from '../env';
import { requireFeature } from '../plan-gate';
import { errorResponse, jsonBody, jsonResponse } from '../schemas/common';
import { areaApp } from '../validation';

const tags = ['reports'];
const errors = { 400: errorResponse('Invalid input'), 401: errorResponse('Not logged in'), 403: errorResponse('Not allowed, or not on this plan'), 404: errorResponse('Not found') };
const day = z.string().refine(isDay, 'Use a real date, YYYY-MM-DD.');
const Money = z.number().int();
const RangeQuery = z.object({
  from: day.optional(),
  to: day.optional(),
  compare: z.enum(['none', 'previous']).default('none'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'A currency code, like USD.').optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
const Range = z.object({ from: z.string(), to: z.string() });
const ComparedRow = z.object({ accountId: z.string().nullable(), code: z.string(), name: z.string(), amountCents: Money, previousCents: Money.nullable(), changeCents: Money.nullable() });
const reportResponse = <T extends z.ZodType>(name: string, schema: T) => ({
  description: `${name} (JSON, or CSV with format=csv)`,
  content: { 'application/json': { schema }, 'text/csv': { schema: z.string() } },
});

const TrialBalanceView = z.object({
  currency: z.string(), currencies: z.array(z.string()), asOf: z.string(), previousAsOf: z.string().nullable(),
  rows: z.array(z.object({ accountId: z.string(), code: z.string(), name: z.string(), type: z.enum(ACCOUNT_TYPES), debitCents: Money, creditCents: Money, previousDebitCents: Money.nullable(), previousCreditCents: Money.nullable() })),
  totalDebitCents: Money, totalCreditCents: Money, balanced: z.boolean(), previous: z.object({ totalDebitCents: Money, totalCreditCents: Money, balanced: z.boolean() }).nullable(),
}).meta({ id: 'TrialBalance' });
const Totals = z.record(z.string(), Money);
const ProfitAndLossView = z.object({
  currency: z.string(), currencies: z.array(z.string()), range: Range, previousRange: Range.nullable(),
  income: z.array(ComparedRow), expenses: z.array(ComparedRow), totals: Totals, previousTotals: Totals.nullable(),
  byMonth: z.array(z.object({ month: z.string(), incomeCents: Money, expenseCents: Money })),
}).meta({ id: 'ProfitAndLoss' });
const BalanceSheetView = z.object({
  currency: z.string(), currencies: z.array(z.string()), asOf: z.string(), previousAsOf: z.string().nullable(),
  assets: z.array(ComparedRow), liabilities: z.array(ComparedRow), equity: z.array(ComparedRow), totals: Totals, previousTotals: Totals.nullable(), balanced: z.boolean(),
}).meta({ id: 'BalanceSheet' });
const GeneralLedgerView = z.object({
  currency: z.string(), range: Range,
  account: z.object({ id: z.string(), code: z.string(), name: z.string(), type: z.enum(ACCOUNT_TYPES) }),
  openingCents: Money, closingCents: Money, totalDebitCents: Money, totalCreditCents: Money, truncated: z.boolean(),
  lines: z.array(z.object({ lineId: z.string(), entryId: z.string(), entryDate: z.string(), sourceType: z.string(), sourceId: z.string(), memo: z.string(), debitCents: Money, creditCents: Money, balanceCents: Money })),
}).meta({ id: 'GeneralLedger' });
const Buckets = z.object(Object.fromEntries(AGING_BUCKETS.map((b) => [b, Money])) as Record<(typeof AGING_BUCKETS)[number], typeof Money>);
const AgingView = z.object({
  currency: z.string(), currencies: z.array(z.string()), asOf: z.string(), source: z.enum(['balances', 'ledger']), buckets: Buckets, totalCents: Money,
  /** All open invoices; `invoices` lists the oldest `limit` of them. */
  invoiceCount: z.number(), invoicesTruncated: z.boolean(),
  clients: z.array(z.object({ clientId: z.string(), clientName: z.string(), buckets: Buckets, totalCents: Money })),
  invoices: z.array(z.object({ documentId: z.string(), number: z.string(), clientId: z.string(), clientName: z.string(), issueDate: z.string(), dueDate: z.string(), balanceCents: Money, daysPastDue: z.number(), bucket: z.enum(AGING_BUCKETS) })),
}).meta({ id: 'ArAging' });
const ReconciliationItem = z.object({
  documentId: z.string(), number: z.string(), status: z.string(), clientId: z.string(), clientName: z.string(), issueDate: z.string(), dueDate: z.string(), currency: z.string(),
  totalCents: Money, paymentsAppliedCents: Money, paymentsExcessCents: Money, paymentCount: z.number(), creditsAppliedCents: Money, creditCount: z.number(),
  storedBalanceCents: Money, ledgerBalanceCents: Money, derivedBalanceCents: Money, driftCents: Money, ledgerDriftCents: Money, ok: z.boolean(),
}).meta({ id: 'ReconciliationItem' });

const trialBalanceRoute = createRoute({ method: 'get', path: '/reports/trial-balance', tags, summary: 'Trial balance as of `to` (every line up to it); compare: as of the day before `from`', request: { query: RangeQuery }, responses: { 200: reportResponse('Trial balance', TrialBalanceView), ...errors } });
const profitAndLossRoute = createRoute({ method: 'get', path: '/reports/profit-and-loss', tags, summary: 'Income and expenses over the range, by account and by month', request: { query: RangeQuery }, responses: { 200: reportResponse('Profit and loss', ProfitAndLossView), ...errors } });
const balanceSheetRoute = createRoute({ method: 'get', path: '/reports/balance-sheet', tags, summary: 'Assets, liabilities and equity as of `to`; earnings computed: retained (income − expense before the year of `to`) and net income this year', request: { query: RangeQuery }, responses: { 200: reportResponse('Balance sheet', BalanceSheetView), ...errors } });
/** Lines a general ledger's CSV holds at most (the page holds `limit`, 5,000 by default). */
const GL_CSV_MAX_LINES = 250_000;

const generalLedgerRoute = createRoute({
  method: 'get', path: '/reports/general-ledger', tags, summary: 'One account’s lines over the range with the running balance',
  request: { query: RangeQuery.omit({ compare: true }).extend({ accountId: z.string({ error: 'Choose an account.' }).uuid('Choose an account.'), limit: z.coerce.number().int().min(1).max(20_000).default(5_000) }) },
  responses: { 200: reportResponse('General ledger', GeneralLedgerView), ...errors },
});
const agingRoute = createRoute({
  method: 'get', path: '/reports/ar-aging', tags, summary: 'Open receivables by days past due (current, 1–30, 31–60, 61–90, 90+) on `asOf` (default today in the company’s time zone)',
  request: { query: RangeQuery.pick({ currency: true, format: true }).extend({ asOf: day.optional(), clientId: z.string().uuid().optional(), limit: z.coerce.number().int().min(0).max(5_000).default(200) }) },
  responses: { 200: reportResponse('A/R aging (CSV lists every open invoice)', AgingView), ...errors },
});
const reconciliationRoute = createRoute({
  method: 'get', path: '/reports/invoice-reconciliation', tags, summary: 'Each sent invoice’s balance explained from its total, payments and credit applied, beside the stored balance and the A/R ledger',
  request: { query: z.object({ from: day.optional(), to: day.optional(), clientId: z.string().uuid().optional(), onlyDrift: z.enum(['true', 'false']).default('false'), format: z.enum(['json', 'csv']).default('json'), cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) },
  responses: { 200: reportResponse('Reconciliation', z.object({ items: z.array(ReconciliationItem), nextCursor: z.string().nullable() })), ...errors },
});
const recalculateRoute = createRoute({
  method: 'post', path: '/reports/invoice-reconciliation/recalculate', tags, summary: 'Compare stored balances with derived ones; with fix=true (admins) correct the drifted ones, audited',
  request: { body: jsonBody(z.object({ documentIds: z.array(z.string().uuid()).max(1000).optional(), fix: z.boolean().default(false) }).meta({ id: 'RecalculateBody' })) },
  responses: { 200: jsonResponse('What was found, and fixed', z.object({ checked: z.number(), fixed: z.number(), drifted: z.array(ReconciliationItem.extend({ fixed: z.boolean(), problem: z.string().nullable() })) })), ...errors },
});

const SalesTaxView = z.object({
  currency: z.string(), currencies: z.array(z.string()), range: Range,
  rates: z.array(z.object({ rateBps: z.number().int(), taxableCents: Money, taxCents: Money, invoices: z.number().int() })),
  taxableCents: Money, exemptCents: Money, taxCents: Money,
  /** Net credit to sales tax payable over the range, from every source. */
  ledgerTaxCents: Money,
  /** Ledger − invoices: what other entries (manual adjustments, a payment to the tax office) moved. */
  otherCents: Money,
}).meta({ id: 'SalesTaxSummary' });
const salesTaxRoute = createRoute({
  method: 'get', path: '/reports/sales-tax', tags,
  summary: 'Tax charged on invoices by rate over the range (counted when sent, counted out when voided), beside the sales tax payable account',
  request: { query: RangeQuery.omit({ compare: true }) }, responses: { 200: reportResponse('Sales tax summary', SalesTaxView), ...errors },
});

const Utilisation = { totalSeconds: z.number().int(), billableSeconds: z.number().int(), nonBillableSeconds: z.number().int(), billedSeconds: z.number().int(), utilisationBps: z.number().int().nullable() };
const UtilisationView = z.object({
  range: Range, people: z.array(z.object({ userId: z.string(), email: z.string(), ...Utilisation })), team: z.object(Utilisation),
}).meta({ id: 'TimeUtilisation' });
const utilisationRoute = createRoute({
  method: 'get', path: '/reports/time-utilisation', tags,
  summary: 'Per person over the range: time tracked, billable and not, billable ÷ tracked, and billable time already billed (raw durations)',
  request: { query: RangeQuery.pick({ from: true, to: true, format: true }) }, responses: { 200: reportResponse('Time utilisation', UtilisationView), ...errors },
});

interface Ctx {
  companyId: string;
  userId: string;
  role: Parameters<typeof can>[0];
  currency: string;
  home: string;
  today: string;
}

/** The caller (plan and permission checked), their company's currency and today in its time zone. */
async function reportContext(c: Context<AppEnv>, tx: Tx, access: Awaited<ReturnType<typeof requireFeature>>, currency: string | undefined): Promise<Ctx> {
  const settings = await timeSettings(tx, access.companyId);
  const home = settings?.currency ?? 'USD';
  return { companyId: access.companyId, userId: access.userId, role: access.role, currency: currency ?? home, home, today: agingDay(settings?.timeZone ?? 'UTC', Date.now()) };
}

/** The asked range, by default this month to date. */
function rangeOf(q: { from?: string; to?: string }, today: string): DayRange {
  const to = q.to ?? (q.from && q.from > today ? monthOf(q.from).to : today);
  const from = q.from ?? monthOf(to).from;
  if (from > to) throw AppError.validation({ from: 'The range starts on or before it ends.' });
  return { from, to };
}

function csvFile(c: Context<AppEnv>, name: string, header: readonly string[], rows: readonly (readonly unknown[])[]) {
  return c.body(toCsv(header, rows), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` });
}

function compared(current: AmountRow[], previous: AmountRow[] | null) {
  if (previous) return compareRows(current, previous);
  return current.map((r) => ({ ...r, previousCents: null, changeCents: null }));
}

const run = <T>(c: Context<AppEnv>, companyId: string, fn: (tx: Tx) => Promise<T>) => withTenant(c.var.deps.database.db, companyId, fn);

async function books(tx: Tx, ctx: Ctx): Promise<{ scope: Scope; accounts: LedgerAccount[]; currencies: string[] }> {
  return { scope: await reportScope(tx, ctx.companyId, ctx.currency), accounts: await ledgerAccounts(tx, ctx.companyId), currencies: await ledgerCurrencies(tx, ctx.companyId, ctx.home) };
}

/**
 * One report's books, read in one read-only tenant transaction (one snapshot): who asks (the plan
 * gate and permission checked), its context (currency, today), the date range asked, and the
 * company's accounts.
 */
async function readReport<T>(c: Context<AppEnv>, q: { currency?: string; from?: string; to?: string },
  fn: (tx: Tx, r: { ctx: Ctx; range: DayRange; scope: Scope; accounts: LedgerAccount[]; currencies: string[] }) => Promise<T>): Promise<T> {
  const access = await requireFeature(c, 'accounting.view', 'accounting');
  // Lines posted since the last report go into the rollups first, so this one sums few lines.
  await foldLedger(c.var.deps.database.db, access.companyId);
  return withTenant(c.var.deps.database.db, access.companyId, async (tx) => {
    const ctx = await reportContext(c, tx, access, q.currency);
    return fn(tx, { ctx, range: rangeOf(q, ctx.today), ...(await books(tx, ctx)) });
  }, { readOnly: true });
}

type CsvRow = (string | number)[];
const sectionRows = (section: string, rows: ReturnType<typeof compared>, withPrevious: boolean): CsvRow[] => rows.map((r) => [
  section, r.code, r.name, csvAmount(r.amountCents), ...(withPrevious ? [csvAmount(r.previousCents ?? 0), csvAmount(r.changeCents ?? 0)] : []),
]);

/** A statement's total row, with its previous value and the change when the report compares. */
const totalRowOf = (totals: object, previous: object | null) => (label: string, key: string): CsvRow => {
  const t = totals as Record<string, number>;
  const pt = previous as Record<string, number> | null;
  return ['', '', label, csvAmount(t[key]!), ...(pt ? [csvAmount(pt[key]!), csvAmount(t[key]! - pt[key]!)] : [])];
};

export const reportRoutes = areaApp()
  .openapi(trialBalanceRoute, async (c) => {
    const q = c.req.valid('query');
    const out = await readReport(c, q, async (tx, { ctx, range, scope, accounts, currencies }) => {
      const previousAsOf = q.compare === 'previous' ? addDays(range.from, -1) : null;
      const cur = trialBalance(accounts, await accountTotals(tx, scope, { to: range.to }));
      const prev = previousAsOf ? trialBalance(accounts, await accountTotals(tx, scope, { to: previousAsOf })) : null;
      const prevRows = new Map(prev?.rows.map((r) => [r.accountId, r]));
      const rows = cur.rows.map((r) => ({ ...r, previousDebitCents: prev ? prevRows.get(r.accountId)?.debitCents ?? 0 : null, previousCreditCents: prev ? prevRows.get(r.accountId)?.creditCents ?? 0 : null }));
      for (const p of prev?.rows ?? []) if (!cur.rows.some((r) => r.accountId === p.accountId)) rows.push({ ...p, debitCents: 0, creditCents: 0, previousDebitCents: p.debitCents, previousCreditCents: p.creditCents });
      rows.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
      return {
        currency: ctx.currency, currencies, asOf: range.to, previousAsOf, rows, totalDebitCents: cur.totalDebitCents, totalCreditCents: cur.totalCreditCents, balanced: cur.balanced,
        previous: prev && { totalDebitCents: prev.totalDebitCents, totalCreditCents: prev.totalCreditCents, balanced: prev.balanced },
      };
    });
    if (q.format === 'csv') {
      const p = out.previous !== null;
      return csvFile(c, `trial-balance-${out.asOf}`, ['code', 'account', 'type', 'debit', 'credit', ...(p ? [`debit_${out.previousAsOf}`, `credit_${out.previousAsOf}`] : [])], [
        ...out.rows.map((r) => [r.code, r.name, r.type, csvAmount(r.debitCents), csvAmount(r.creditCents), ...(p ? [csvAmount(r.previousDebitCents ?? 0), csvAmount(r.previousCreditCents ?? 0)] : [])]),
        ['', 'Total', '', csvAmount(out.totalDebitCents), csvAmount(out.totalCreditCents), ...(p ? [csvAmount(out.previous!.totalDebitCents), csvAmount(out.previous!.totalCreditCents)] : [])],
      ]);
    }
    return c.json(out, 200);
  })
  .openapi(profitAndLossRoute, async (c) => {
    const q = c.req.valid('query');
    const out = await readReport(c, q, async (tx, { ctx, range, scope, accounts, currencies }) => {
      const prevRange = q.compare === 'previous' ? previousRange(range) : null;
      const cur = profitAndLoss(accounts, await accountTotals(tx, scope, range));
      const prev = prevRange ? profitAndLoss(accounts, await accountTotals(tx, scope, prevRange)) : null;
      const months = await monthlyActivity(tx, scope, range);
      const income = monthlySeries(range, months.filter((m) => m.type === 'income').map((m) => ({ month: m.month, amountCents: m.creditMinusDebitCents })));
      const expense = monthlySeries(range, months.filter((m) => m.type === 'expense').map((m) => ({ month: m.month, amountCents: -m.creditMinusDebitCents })));
      const totals = (p: typeof cur) => ({ incomeCents: p.totalIncomeCents, expenseCents: p.totalExpenseCents, netIncomeCents: p.netIncomeCents });
      return {
        currency: ctx.currency, currencies, range, previousRange: prevRange,
        income: compared(cur.income, prev?.income ?? null), expenses: compared(cur.expenses, prev?.expenses ?? null),
        totals: totals(cur), previousTotals: prev && totals(prev),
        byMonth: income.map((m, i) => ({ month: m.month, incomeCents: m.amountCents, expenseCents: expense[i]!.amountCents })),
      };
    });
    if (q.format === 'csv') {
      const p = out.previousTotals !== null;
      const total = totalRowOf(out.totals, out.previousTotals);
      return csvFile(c, `profit-and-loss-${out.range.from}-to-${out.range.to}`, ['section', 'code', 'account', 'amount', ...(p ? ['previous', 'change'] : [])], [
        ...sectionRows('Income', out.income, p), total('Total income', 'incomeCents'),
        ...sectionRows('Expenses', out.expenses, p), total('Total expenses', 'expenseCents'), total('Net income', 'netIncomeCents'),
      ]);
    }
    return c.json(out, 200);
  })
  .openapi(balanceSheetRoute, async (c) => {
    const q = c.req.valid('query');
    const out = await readReport(c, q, async (tx, { ctx, range, scope, accounts, currencies }) => {
      const previousAsOf = q.compare === 'previous' ? addDays(range.from, -1) : null;
      // Earnings split at the start of the day's year: the totals before it are the earlier years'.
      const at = async (day: string) => balanceSheet(accounts, await accountTotals(tx, scope, { to: day }), await accountTotals(tx, scope, { to: addDays(yearStartOf(day), -1) }));
      const cur = await at(range.to);
      const prev = previousAsOf ? await at(previousAsOf) : null;
      const totals = (b: typeof cur) => ({
        assetsCents: b.totalAssetsCents, liabilitiesCents: b.totalLiabilitiesCents, equityCents: b.totalEquityCents, retainedEarningsCents: b.retainedEarningsCents,
        currentYearEarningsCents: b.currentYearEarningsCents, liabilitiesAndEquityCents: b.totalLiabilitiesCents + b.totalEquityCents,
      });
      return {
        currency: ctx.currency, currencies, asOf: range.to, previousAsOf,
        assets: compared(cur.assets, prev?.assets ?? null), liabilities: compared(cur.liabilities, prev?.liabilities ?? null), equity: compared(cur.equity, prev?.equity ?? null),
        totals: totals(cur), previousTotals: prev && totals(prev), balanced: cur.balanced,
      };
    });
    if (q.format === 'csv') {
      const p = out.previousTotals !== null;
      const total = totalRowOf(out.totals, out.previousTotals);
      return csvFile(c, `balance-sheet-${out.asOf}`, ['section', 'code', 'account', 'amount', ...(p ? [`at_${out.previousAsOf}`, 'change'] : [])], [
        ...sectionRows('Assets', out.assets, p), total('Total assets', 'assetsCents'),
        ...sectionRows('Liabilities', out.liabilities, p), total('Total liabilities', 'liabilitiesCents'),
        ...sectionRows('Equity', out.equity, p), total('Total equity', 'equityCents'), total('Total liabilities and equity', 'liabilitiesAndEquityCents'),
      ]);
    }
    return c.json(out, 200);
  })
  .openapi(generalLedgerRoute, async (c) => {
    const q = c.req.valid('query');
    const out = await readReport(c, q, async (tx, { ctx, range, scope, accounts }) => {
      const account = accounts.find((a) => a.id === q.accountId);
      if (!account) throw AppError.notFound('No such account.');
      const before = await accountTotalsBefore(tx, scope, account.id, range.from);
      const through = await accountTotalsBefore(tx, scope, account.id, addDays(range.to, 1));
      // The page shows `limit` lines; the CSV is where a longer range goes, so it takes them all (up to a bound).
      const limit = q.format === 'csv' ? GL_CSV_MAX_LINES : q.limit;
      const lines = await accountLines(tx, scope, account.id, range, limit);
      const gl = generalLedger(account.type, normalAmount(account.type, before.debitCents, before.creditCents), lines.slice(0, limit));
      // The range's totals and closing balance are the account's, whatever the page shows: with more lines than the limit they still tell the truth.
      return {
        currency: ctx.currency, range, account: { id: account.id, code: account.code, name: account.name, type: account.type }, truncated: lines.length > limit, ...gl,
        totalDebitCents: through.debitCents - before.debitCents, totalCreditCents: through.creditCents - before.creditCents,
        closingCents: normalAmount(account.type, through.debitCents, through.creditCents),
      };
    });
    if (q.format === 'csv') {
      return csvFile(c, `general-ledger-${out.account.code}-${out.range.from}-to-${out.range.to}`, ['date', 'source', 'memo', 'debit', 'credit', 'balance'], [
        [out.range.from, '', 'Opening balance', '', '', csvAmount(out.openingCents)],
        ...out.lines.map((l) => [l.entryDate, l.sourceType, l.memo, l.debitCents ? csvAmount(l.debitCents) : '', l.creditCents ? csvAmount(l.creditCents) : '', csvAmount(l.balanceCents)]),
        [out.range.to, '', out.truncated ? 'Closing balance (more lines than shown; narrow the range)' : 'Closing balance', csvAmount(out.totalDebitCents), csvAmount(out.totalCreditCents), csvAmount(out.closingCents)],
      ]);
    }
    return c.json(out, 200);
  })
  .openapi(agingRoute, async (c) => {
    const q = c.req.valid('query');
    const out = await readReport(c, q, async (tx, { ctx, scope, currencies }) => {
      const asOf = q.asOf ?? ctx.today;
      const limit = q.format === 'csv' ? 1_000_000 : q.limit;
      const data = await agingAsOf(tx, scope, asOf, { clientId: q.clientId, invoiceLimit: limit });
      const summary = agingSummary(data.groups, asOf);
      return {
        currency: ctx.currency, currencies, source: data.source, ...summary,
        invoices: ageReceivables(data.invoices, asOf).invoices, invoicesTruncated: summary.invoiceCount > data.invoices.length,
      };
    });
    if (q.format === 'csv') {
      return csvFile(c, `ar-aging-${out.asOf}`, ['client', 'invoice', 'issue_date', 'due_date', 'days_past_due', ...AGING_BUCKETS, 'total'], [
        ...out.invoices.map((i) => [i.clientName, i.number, i.issueDate, i.dueDate, i.daysPastDue, ...AGING_BUCKETS.map((b) => (b === i.bucket ? csvAmount(i.balanceCents) : '')), csvAmount(i.balanceCents)]),
        ['Total', '', '', '', '', ...AGING_BUCKETS.map((b) => csvAmount(out.buckets[b])), csvAmount(out.totalCents)],
      ]);
    }
    return c.json(out, 200);
  })
  .openapi(reconciliationRoute, async (c) => {
    const access = await requireFeature(c, 'accounting.view', 'accounting');
    const q = c.req.valid('query');
    const onlyDrift = q.onlyDrift === 'true';
    const before = decodeCursor<DocumentKey>(q.cursor, { createdAt: 'string', id: 'string' });
    // CSV and the drift-only view look at every invoice; the plain list pages.
    const everything = onlyDrift || q.format === 'csv';
    const limit = everything ? 1_000_000 : q.limit;
    const rows = await run(c, access.companyId, (tx) => reconciliationRows(tx, access.companyId, { from: q.from, to: q.to, clientId: q.clientId, limit, before }));
    const items = rows.slice(0, limit).map((r) => {
      const { createdAtExact: _at, ...rest } = r;
      return { ...rest, ...explainBalance(r) };
    }).filter((r) => !onlyDrift || !r.ok);
    const last = rows[limit - 1];
    const nextCursor = !everything && rows.length > limit ? encodeCursor({ createdAt: last!.createdAtExact, id: last!.documentId }) : null;
    if (q.format === 'csv') {
      return csvFile(c, 'invoice-reconciliation', ['invoice', 'client', 'status', 'issue_date', 'currency', 'total', 'payments_applied', 'credit_applied', 'derived_balance', 'stored_balance', 'ledger_balance', 'drift', 'ledger_drift'],
        items.map((r) => [r.number, r.clientName, r.status, r.issueDate, r.currency, csvAmount(r.totalCents), csvAmount(r.paymentsAppliedCents), csvAmount(r.creditsAppliedCents),
          csvAmount(r.derivedBalanceCents), csvAmount(r.storedBalanceCents), csvAmount(r.ledgerBalanceCents), csvAmount(r.driftCents), csvAmount(r.ledgerDriftCents)]));
    }
    return c.json({ items, nextCursor }, 200);
  })
  .openapi(salesTaxRoute, async (c) => {
    const q = c.req.valid('query');
    const out = await readReport(c, q, async (tx, { ctx, range, scope, accounts, currencies }) => {
      const [events, totals] = await Promise.all([salesTaxEvents(tx, scope, range), accountTotals(tx, scope, range)]);
      const summary = salesTaxSummary(events);
      const taxAccount = accounts.find((a) => a.systemRole === 'sales_tax_payable');
      const moved = totals.find((t) => t.accountId === taxAccount?.id);
      const ledgerTaxCents = moved ? moved.creditCents - moved.debitCents : 0;
      return { currency: ctx.currency, currencies, range, ...summary, ledgerTaxCents, otherCents: ledgerTaxCents - summary.taxCents };
    });
    if (q.format === 'csv') {
      return csvFile(c, `sales-tax-${out.range.from}-to-${out.range.to}`, ['rate_percent', 'taxable_sales', 'tax', 'invoices'], [
        ...out.rates.map((r) => [(r.rateBps / 100).toFixed(2), csvAmount(r.taxableCents), csvAmount(r.taxCents), r.invoices]),
        ['Exempt or zero-rated', csvAmount(out.exemptCents), csvAmount(0), ''],
        ['Total', csvAmount(out.taxableCents + out.exemptCents), csvAmount(out.taxCents), ''],
        ['Sales tax payable, ledger movement', '', csvAmount(out.ledgerTaxCents), ''],
      ]);
    }
    return c.json(out, 200);
  })
  .openapi(utilisationRoute, async (c) => {
    const q = c.req.valid('query');
    const access = await requireFeature(c, 'accounting.view', 'accounting');
    const out = await run(c, access.companyId, async (tx) => {
      const range = rangeOf(q, (await reportContext(c, tx, access, undefined)).today);
      return { range, ...timeUtilisation(await trackedTime(tx, access.companyId, range)) };
    });
    if (q.format === 'csv') {
      const hours = (s: number) => (s / 3600).toFixed(2);
      const pct = (bps: number | null) => (bps === null ? '' : (bps / 100).toFixed(2));
      return csvFile(c, `time-utilisation-${out.range.from}-to-${out.range.to}`, ['person', 'hours', 'billable_hours', 'non_billable_hours', 'utilisation_percent', 'billed_hours'], [
        ...out.people.map((p) => [p.email, hours(p.totalSeconds), hours(p.billableSeconds), hours(p.nonBillableSeconds), pct(p.utilisationBps), hours(p.billedSeconds)]),
        ['Team', hours(out.team.totalSeconds), hours(out.team.billableSeconds), hours(out.team.nonBillableSeconds), pct(out.team.utilisationBps), hours(out.team.billedSeconds)],
      ]);
    }
    return c.json(out, 200);
  })
  .openapi(recalculateRoute, async (c) => {
    const { documentIds, fix } = c.req.valid('json');
    const access = await requireFeature(c, fix ? 'accounting.manage' : 'accounting.view', 'accounting');
    const result = await run(c, access.companyId, (tx) => recalculateBalances(tx, access.companyId, { documentIds, fix }, auditBy(c, access.userId)));
    // A corrected invoice's lifecycle takes the new figures (a settled one stops reminding; one open again is restarted).
    for (const d of result.drifted.filter((r) => r.fixed)) {
      await lifecycleUpdate(c.var.deps, { companyId: access.companyId, documentId: d.documentId }, 'syncMoney', undefined)
        // Settled and ended: nothing to tell. Anything else is logged, not answered: the correction has been made.
        .catch((err) => { if (!(err instanceof AppError && err.status === 409)) c.var.deps.log.error('lifecycle not told of a recalculated balance', { documentId: d.documentId, ...errorFields(err) }); });
    }
    return c.json(result, 200);
  });
