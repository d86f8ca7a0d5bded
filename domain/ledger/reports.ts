/**
 * The core financial reports shaped from aggregated journal rows (sums per
 * account, or one account's lines). The database aggregates; these pure
 * functions decide signs, sections, ordering, retained earnings and running
 * balances, so the rules are tested without a database.
 *
 * Sign convention: an account's amount is positive in its normal direction
 * (debit for assets and expenses, credit for the rest — domain/accounts.ts).
 */
import { normalBalance, type AccountType } from '../accounts';
import { addDays } from '../dates';
import { daysBetween } from './aging';

export interface LedgerAccount {
  id: string;
  code: string;
  name: string;
  type: AccountType;
  systemRole: string | null;
  active: boolean;
}

/** Σ debits and Σ credits of one account's lines over some range of days. */
export interface AccountTotals {
  accountId: string;
  debitCents: number;
  creditCents: number;
}

export function normalAmount(type: AccountType, debitCents: number, creditCents: number): number {
  return normalBalance(type) === 'debit' ? debitCents - creditCents : creditCents - debitCents;
}

const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code, 'en', { numeric: true });

function joined(accounts: readonly LedgerAccount[], totals: readonly AccountTotals[]) {
  const sums = new Map(totals.map((t) => [t.accountId, t]));
  return [...accounts].sort(byCode).map((a) => ({ account: a, debitCents: sums.get(a.id)?.debitCents ?? 0, creditCents: sums.get(a.id)?.creditCents ?? 0 }));
}

// ---------------------------------------------------------------- trial balance

export interface TrialBalanceRow {
  accountId: string;
  code: string;
  name: string;
  type: AccountType;
  /** The account's net balance, on the side it falls (one of the two is 0). */
  debitCents: number;
  creditCents: number;
}

export interface TrialBalance {
  rows: TrialBalanceRow[];
  totalDebitCents: number;
  totalCreditCents: number;
  /** Σ debits = Σ credits: what double entry guarantees; false means the books are broken. */
  balanced: boolean;
}

/** Every account that has lines, its net balance in the debit or credit column; totals that must agree. */
export function trialBalance(accounts: readonly LedgerAccount[], totals: readonly AccountTotals[]): TrialBalance {
  const rows: TrialBalanceRow[] = [];
  for (const { account: a, debitCents, creditCents } of joined(accounts, totals)) {
    if (debitCents === 0 && creditCents === 0) continue;
    const net = debitCents - creditCents;
    rows.push({ accountId: a.id, code: a.code, name: a.name, type: a.type, debitCents: Math.max(net, 0), creditCents: Math.max(-net, 0) });
  }
  const totalDebitCents = rows.reduce((s, r) => s + r.debitCents, 0);
  const totalCreditCents = rows.reduce((s, r) => s + r.creditCents, 0);
  return { rows, totalDebitCents, totalCreditCents, balanced: totalDebitCents === totalCreditCents };
}

// ---------------------------------------------------------------- profit and loss, balance sheet

export interface AmountRow {
  /** Null for a computed line (retained earnings). */
  accountId: string | null;
  code: string;
  name: string;
  amountCents: number;
}

export interface ProfitAndLoss {
  income: AmountRow[];
  expenses: AmountRow[];
  totalIncomeCents: number;
  totalExpenseCents: number;
  netIncomeCents: number;
}

function section(accounts: readonly LedgerAccount[], totals: readonly AccountTotals[], types: readonly AccountType[]): AmountRow[] {
  return joined(accounts, totals)
    .filter(({ account: a, debitCents, creditCents }) => types.includes(a.type) && (debitCents !== 0 || creditCents !== 0))
    .map(({ account: a, debitCents, creditCents }) => ({ accountId: a.id, code: a.code, name: a.name, amountCents: normalAmount(a.type, debitCents, creditCents) }));
}

const sum = (rows: readonly AmountRow[]) => rows.reduce((s, r) => s + r.amountCents, 0);

/** Income and expense activity over a range (totals for that range only). */
export function profitAndLoss(accounts: readonly LedgerAccount[], totals: readonly AccountTotals[]): ProfitAndLoss {
  const income = section(accounts, totals, ['income']);
  const expenses = section(accounts, totals, ['expense']);
  const totalIncomeCents = sum(income);
  const totalExpenseCents = sum(expenses);
  return { income, expenses, totalIncomeCents, totalExpenseCents, netIncomeCents: totalIncomeCents - totalExpenseCents };
}

export interface BalanceSheet {
  assets: AmountRow[];
  liabilities: AmountRow[];
  /** Equity accounts, then the computed earnings: retained (earlier years), then this year's. */
  equity: AmountRow[];
  /** Income − expense of the years before the one the balance sheet's day falls in. */
  retainedEarningsCents: number;
  /** Income − expense from the start of that year to the day: what ties to the year's P&L. */
  currentYearEarningsCents: number;
  totalAssetsCents: number;
  totalLiabilitiesCents: number;
  totalEquityCents: number;
  /** Assets = liabilities + equity. */
  balanced: boolean;
}

export const RETAINED_EARNINGS = 'Retained earnings';
export const CURRENT_YEAR_EARNINGS = 'Net income this year';

/** The first day of the (calendar) year a day falls in: the books have no fiscal-year setting yet. */
export const yearStartOf = (day: string) => `${day.slice(0, 4)}-01-01`;

/**
 * Positions on a day, from totals of every line up to and including it.
 * Nothing closes income and expense into equity, so earnings are computed —
 * income − expense to date, which is what makes it balance — and shown as an
 * accountant expects: the years before as retained earnings (from the totals
 * before the year began), this year's as net income this year, which ties to
 * the year's profit and loss.
 */
export function balanceSheet(accounts: readonly LedgerAccount[], totalsToDate: readonly AccountTotals[], totalsBeforeYear: readonly AccountTotals[] = []): BalanceSheet {
  const assets = section(accounts, totalsToDate, ['asset']);
  const liabilities = section(accounts, totalsToDate, ['liability']);
  const toDate = profitAndLoss(accounts, totalsToDate).netIncomeCents;
  const retained = profitAndLoss(accounts, totalsBeforeYear).netIncomeCents;
  const equity = [
    ...section(accounts, totalsToDate, ['equity']),
    { accountId: null, code: '', name: RETAINED_EARNINGS, amountCents: retained },
    { accountId: null, code: '', name: CURRENT_YEAR_EARNINGS, amountCents: toDate - retained },
  ];
  const totalAssetsCents = sum(assets);
  const totalLiabilitiesCents = sum(liabilities);
  const totalEquityCents = sum(equity);
  return {
    assets, liabilities, equity, retainedEarningsCents: retained, currentYearEarningsCents: toDate - retained, totalAssetsCents, totalLiabilitiesCents, totalEquityCents,
    balanced: totalAssetsCents === totalLiabilitiesCents + totalEquityCents,
  };
}

// ---------------------------------------------------------------- general ledger

export interface GlLineInput {
  lineId: string;
  entryId: string;
  entryDate: string;
  sourceType: string;
  sourceId: string;
  memo: string;
  debitCents: number;
  creditCents: number;
}

export interface GlLine extends GlLineInput {
  /** The account's balance after this line, in its normal direction. */
  balanceCents: number;
}

export interface GeneralLedger {
  openingCents: number;
  lines: GlLine[];
  totalDebitCents: number;
  totalCreditCents: number;
  closingCents: number;
}

/** One account's lines in order, each with the running balance from the opening balance. */
export function generalLedger(type: AccountType, openingCents: number, lines: readonly GlLineInput[]): GeneralLedger {
  let balance = openingCents;
  let totalDebitCents = 0;
  let totalCreditCents = 0;
  const out = lines.map((l) => {
    balance += normalAmount(type, l.debitCents, l.creditCents);
    totalDebitCents += l.debitCents;
    totalCreditCents += l.creditCents;
    return { ...l, balanceCents: balance };
  });
  return { openingCents, lines: out, totalDebitCents, totalCreditCents, closingCents: balance };
}

// ---------------------------------------------------------------- ranges and comparison

export interface DayRange {
  from: string;
  to: string;
}

/**
 * The period a range is compared with. One that starts on the 1st of a month is compared with the
 * same span of calendar months before it: March with February, a quarter with the one before, 2024
 * with 2023, 1–15 March with 1–15 February; a range ending on a month's last day compares with
 * whole months (March with all of February). Any other range: the days of equal length ending the
 * day before it starts.
 */
export function previousRange(r: DayRange): DayRange {
  const [fy, fm, fd] = r.from.split('-').map(Number) as [number, number, number];
  if (fd !== 1) {
    const length = daysBetween(r.from, r.to) + 1;
    return { from: addDays(r.from, -length), to: addDays(r.from, -1) };
  }
  const [ty, tm, td] = r.to.split('-').map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm) + 1;
  const back = (y: number, m: number) => {
    const index = y * 12 + (m - 1) - months;
    return [Math.floor(index / 12), (index % 12) + 1] as const;
  };
  const [py, pm] = back(fy, fm);
  const [qy, qm] = back(ty, tm);
  const lastOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  const day = td === lastOf(ty, tm) ? lastOf(qy, qm) : Math.min(td, lastOf(qy, qm));
  const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { from: iso(py, pm, 1), to: iso(qy, qm, day) };
}

/** Calendar month of `day`: first to last day. */
export function monthOf(day: string): DayRange {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}

export interface ComparedRow extends AmountRow {
  previousCents: number;
  changeCents: number;
}

/** Current rows beside the previous period's, matched by account (or by name for computed lines); an account in either appears. */
export function compareRows(current: readonly AmountRow[], previous: readonly AmountRow[]): ComparedRow[] {
  const key = (r: AmountRow) => r.accountId ?? `name:${r.name}`;
  const prev = new Map(previous.map((r) => [key(r), r]));
  const rows: ComparedRow[] = current.map((r) => {
    const p = prev.get(key(r))?.amountCents ?? 0;
    prev.delete(key(r));
    return { ...r, previousCents: p, changeCents: r.amountCents - p };
  });
  for (const p of prev.values()) rows.push({ ...p, amountCents: 0, previousCents: p.amountCents, changeCents: -p.amountCents });
  // Computed lines (no account) stay last, in their own order.
  return [...rows.filter((r) => r.accountId !== null).sort(byCode), ...rows.filter((r) => r.accountId === null)];
}

// ---------------------------------------------------------------- by month

export interface MonthAmount {
  /** `YYYY-MM`. */
  month: string;
  amountCents: number;
}

/** One entry per calendar month from `from`'s to `to`'s, zero where nothing happened. */
export function monthlySeries(range: DayRange, amounts: readonly MonthAmount[]): MonthAmount[] {
  const have = new Map(amounts.map((a) => [a.month, a.amountCents]));
  const out: MonthAmount[] = [];
  let [y, m] = range.from.split('-').map(Number) as [number, number];
  const end = range.to.slice(0, 7);
  for (let guard = 0; guard < 1200; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > end) break;
    out.push({ month, amountCents: have.get(month) ?? 0 });
    m += 1;
    if (m === 13) { m = 1; y += 1; }
  }
  return out;
}

// ---------------------------------------------------------------- CSV amounts

/**
 * Cents as a decimal for a spreadsheet: `1234.56`, negatives in accounting
 * parentheses `(12.50)` — spreadsheets read both as numbers, and a leading
 * minus would be neutralised as a possible formula by domain/csv.ts.
 */
export function csvAmount(cents: number): string {
  const abs = Math.abs(cents);
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return cents < 0 ? `(${text})` : text;
}
