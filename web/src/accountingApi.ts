// The books (docs/ledger.md): chart of accounts, journal, periods and reports, through the
// typed client in api.ts. Money goes out as dollar strings and comes back as integer cents.
import type { InferRequestType, InferResponseType } from 'hono/client';
import { call, v1 } from './api';

const accounting = v1.accounting;
const reports = v1.reports;

export type Account = InferResponseType<typeof accounting.accounts.$get, 200>['items'][number];
export type AccountInput = InferRequestType<typeof accounting.accounts.$post>['json'];
export type AccountPatch = InferRequestType<(typeof accounting.accounts)[':id']['$patch']>['json'];
export type AccountType = Account['type'];
export type JournalEntry = InferResponseType<typeof accounting.entries.$get, 200>['items'][number];
export type ManualEntryInput = InferRequestType<typeof accounting.entries.$post>['json'];
export type Period = InferResponseType<typeof accounting.periods.$get, 200>['items'][number];
/** Reports answer JSON, or CSV with format=csv; these are the JSON shapes. */
type JsonOf<T> = Exclude<T, string | Response>;
export type TrialBalance = JsonOf<InferResponseType<(typeof reports)['trial-balance']['$get'], 200>>;
export type ProfitAndLoss = JsonOf<InferResponseType<(typeof reports)['profit-and-loss']['$get'], 200>>;
export type BalanceSheet = JsonOf<InferResponseType<(typeof reports)['balance-sheet']['$get'], 200>>;
export type GeneralLedger = JsonOf<InferResponseType<(typeof reports)['general-ledger']['$get'], 200>>;
export type Aging = JsonOf<InferResponseType<(typeof reports)['ar-aging']['$get'], 200>>;
export type SalesTax = JsonOf<InferResponseType<(typeof reports)['sales-tax']['$get'], 200>>;
export type Utilisation = JsonOf<InferResponseType<(typeof reports)['time-utilisation']['$get'], 200>>;
export type Reconciliation = JsonOf<InferResponseType<(typeof reports)['invoice-reconciliation']['$get'], 200>>;
export type ReconciliationItem = Reconciliation['items'][number];
export type Recalculated = InferResponseType<(typeof reports)['invoice-reconciliation']['recalculate']['$post'], 200>;
export type ComparedRow = ProfitAndLoss['income'][number];

export const ACCOUNT_TYPES: readonly AccountType[] = ['asset', 'liability', 'equity', 'income', 'expense'];
export const ACCOUNT_TYPE_LABELS: Record<AccountType, string> = { asset: 'Asset', liability: 'Liability', equity: 'Equity', income: 'Income', expense: 'Expense' };

/** Report query: a date range, the comparison and the currency. */
export interface RangeQuery {
  from?: string;
  to?: string;
  compare?: 'none' | 'previous';
  currency?: string;
}

/** Drop empty values: the API's defaults apply to what is not sent. */
function clean<T extends object>(q: T): Record<string, string> {
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== null && String(v) !== '').map(([k, v]) => [k, String(v)]));
}

// ---------- Chart of accounts ----------

export const listAccounts = () => call(() => accounting.accounts.$get());
export const createAccount = (json: AccountInput) => call(() => accounting.accounts.$post({ json }));
export const updateAccount = (id: string, json: AccountPatch) => call(() => accounting.accounts[':id'].$patch({ param: { id }, json }));
export const deleteAccount = (id: string) => call(() => accounting.accounts[':id'].$delete({ param: { id } }));

// ---------- Journal ----------

export interface EntryQuery {
  from?: string;
  to?: string;
  sourceType?: JournalEntry['sourceType'];
  accountId?: string;
  cursor?: string;
  limit?: number;
}
export const listEntries = (q: EntryQuery = {}) => call(() => accounting.entries.$get({ query: clean(q) as never }));
/** One key per form submission: a double click or a retry posts the entry once. */
export const postManualEntry = (json: ManualEntryInput, idempotencyKey: string) =>
  call(() => accounting.entries.$post({ json, header: { 'idempotency-key': idempotencyKey } }));
export const reverseEntry = (id: string, entryDate: string, memo = '') => call(() => accounting.entries[':id'].reverse.$post({ param: { id }, json: { entryDate, memo } }));

// ---------- Periods ----------

export const listPeriods = () => call(() => accounting.periods.$get());
export const createPeriod = (startDate: string, endDate: string) => call(() => accounting.periods.$post({ json: { startDate, endDate } }));
export const closePeriod = (id: string, reason: string) => call(() => accounting.periods[':id'].close.$post({ param: { id }, json: { reason } }));
export const reopenPeriod = (id: string, reason: string) => call(() => accounting.periods[':id'].reopen.$post({ param: { id }, json: { reason } }));

// ---------- Reports ----------

export const trialBalance = (q: RangeQuery) => call(() => reports['trial-balance'].$get({ query: clean(q) as never })) as Promise<TrialBalance>;
export const profitAndLoss = (q: RangeQuery) => call(() => reports['profit-and-loss'].$get({ query: clean(q) as never })) as Promise<ProfitAndLoss>;
export const balanceSheet = (q: RangeQuery) => call(() => reports['balance-sheet'].$get({ query: clean(q) as never })) as Promise<BalanceSheet>;
export const generalLedger = (q: RangeQuery & { accountId: string }) =>
  call(() => reports['general-ledger'].$get({ query: clean({ ...q, compare: undefined }) as never })) as Promise<GeneralLedger>;
export const salesTax = (q: RangeQuery) => call(() => reports['sales-tax'].$get({ query: clean({ ...q, compare: undefined }) as never })) as Promise<SalesTax>;
export const timeUtilisation = (q: { from?: string; to?: string }) => call(() => reports['time-utilisation'].$get({ query: clean(q) as never })) as Promise<Utilisation>;
export const arAging = (q: { asOf?: string; currency?: string; clientId?: string; limit?: number }) => call(() => reports['ar-aging'].$get({ query: clean(q) as never })) as Promise<Aging>;
export const reconciliation = (q: { onlyDrift?: boolean; from?: string; to?: string; cursor?: string }) =>
  call(() => reports['invoice-reconciliation'].$get({ query: clean({ ...q, onlyDrift: q.onlyDrift ? 'true' : undefined }) as never })) as Promise<Reconciliation>;
export const recalculate = (fix: boolean, documentIds?: string[]) => call(() => reports['invoice-reconciliation'].recalculate.$post({ json: { fix, documentIds } }));

export type ReportName = 'trial-balance' | 'profit-and-loss' | 'balance-sheet' | 'general-ledger' | 'ar-aging' | 'sales-tax' | 'time-utilisation' | 'invoice-reconciliation';

/** The same report as a CSV download (same origin: the session cookie rides along). */
export function csvUrl(report: ReportName, q: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams({ ...clean(q), format: 'csv' });
  return `/api/v1/reports/${report}?${params.toString()}`;
}
