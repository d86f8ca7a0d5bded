import { A, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, Match, on, onMount, Show, Switch, type JSX } from 'solid-js';
import {
  arAging, balanceSheet, csvUrl, generalLedger, listAccounts, profitAndLoss, recalculate, reconciliation, salesTax, timeUtilisation, trialBalance,
  type Account, type Aging, type BalanceSheet, type ComparedRow, type GeneralLedger, type ProfitAndLoss, type Recalculated, type Reconciliation, type ReportName,
  type SalesTax, type TrialBalance, type Utilisation,
} from '../accountingApi';
import { createAction, errorMessage } from '../action';
import AccountingFrame, { loadFailed, planProblemOf } from '../components/AccountingFrame';
import BarChart from '../components/BarChart';
import CheckboxField from '../components/CheckboxField';
import DataTable from '../components/DataTable';
import FormField from '../components/FormField';
import LoadMore from '../components/LoadMore';
import { LoadError, Loading } from '../components/PageStatus';
import SelectField from '../components/SelectField';
import { formatCents } from '../money';
import { useSession } from '../session';

const REPORTS: { key: ReportName; label: string }[] = [
  { key: 'profit-and-loss', label: 'Profit & loss' },
  { key: 'balance-sheet', label: 'Balance sheet' },
  { key: 'trial-balance', label: 'Trial balance' },
  { key: 'general-ledger', label: 'General ledger' },
  { key: 'ar-aging', label: 'A/R aging' },
  { key: 'sales-tax', label: 'Sales tax' },
  { key: 'time-utilisation', label: 'Utilisation' },
  { key: 'invoice-reconciliation', label: 'Reconciliation' },
];
const AGING_LABELS: Record<string, string> = { current: 'Current', '1-30': '1–30', '31-60': '31–60', '61-90': '61–90', '90+': '90+' };
const BUCKETS = ['current', '1-30', '31-60', '61-90', '90+'] as const;
const SOURCES: Record<string, string> = { invoice: 'Invoice', invoice_void: 'Void', payment: 'Payment', credit_application: 'Credit applied', manual: 'Manual' };

type Loaded =
  | { kind: 'profit-and-loss'; data: ProfitAndLoss }
  | { kind: 'balance-sheet'; data: BalanceSheet }
  | { kind: 'trial-balance'; data: TrialBalance }
  | { kind: 'general-ledger'; data: GeneralLedger }
  | { kind: 'ar-aging'; data: Aging }
  | { kind: 'sales-tax'; data: SalesTax }
  | { kind: 'time-utilisation'; data: Utilisation }
  // With the query it was asked with, so "Load more" continues that list, not what the filters say now.
  | { kind: 'invoice-reconciliation'; data: Reconciliation; query: ReconciliationQuery };
type ReconciliationQuery = Parameters<typeof reconciliation>[0];
type ReconciliationLoaded = Extract<Loaded, { kind: 'invoice-reconciliation' }>;

const monthLabel = (m: string) => new Date(`${m}-01T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' });

const reportNamed = (name: unknown): ReportName => REPORTS.find((r) => r.key === name)?.key ?? 'profit-and-loss';

/**
 * /accounting — the financial reports: a date range, a comparison with the period before, the
 * currency, and CSV. The report shown is in the address (`?report=ar-aging`), so it can be linked
 * to and the back button returns to the one before.
 */
export default function AccountingReports() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const [report, setReport] = createSignal<ReportName>(reportNamed(params.report));
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [compare, setCompare] = createSignal(false);
  const [currency, setCurrency] = createSignal('');
  const [currencies, setCurrencies] = createSignal<string[]>([]);
  const [accountId, setAccountId] = createSignal('');
  const [onlyDrift, setOnlyDrift] = createSignal(false);
  const [accounts, setAccounts] = createSignal<Account[]>([]);
  const [loaded, setLoaded] = createSignal<Loaded>();
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const [planProblem, setPlanProblem] = createSignal<string>();

  /** Balance sheet and trial balance are as of a day; their `from` only says where the compared period starts. */
  const asOfReport = () => report() === 'balance-sheet' || report() === 'trial-balance' || report() === 'ar-aging';
  const fromUsed = () => report() !== 'ar-aging' && (!asOfReport() || compare());
  // A start after the end (left over from another report) is dropped: the server then starts at the first of the end's month.
  const usableFrom = () => (fromUsed() && from() && (!to() || from() <= to()) ? from() : undefined);
  const range = () => ({ from: usableFrom(), to: to() || undefined, currency: currency() || undefined });
  const query = () => ({ ...range(), compare: compare() ? ('previous' as const) : undefined });

  // Only the latest request's answer is shown: a slower earlier one (another tab) must not overwrite it.
  let latest = 0;
  const load = async () => {
    const ticket = ++latest;
    const [sentFrom, sentTo] = [from(), to()];
    setLoading(true);
    setError(undefined);
    try {
      const kind = report();
      let next: Loaded;
      if (kind === 'profit-and-loss') next = { kind, data: await profitAndLoss(query()) };
      else if (kind === 'balance-sheet') next = { kind, data: await balanceSheet(query()) };
      else if (kind === 'trial-balance') next = { kind, data: await trialBalance(query()) };
      else if (kind === 'general-ledger') {
        if (!accountId()) setAccountId(accounts()[0]?.id ?? '');
        next = { kind, data: await generalLedger({ ...range(), accountId: accountId() }) };
      } else if (kind === 'ar-aging') next = { kind, data: await arAging({ asOf: to() || undefined, currency: currency() || undefined }) };
      else if (kind === 'sales-tax') next = { kind, data: await salesTax(range()) };
      else if (kind === 'time-utilisation') next = { kind, data: await timeUtilisation({ from: usableFrom(), to: to() || undefined }) };
      else {
        const q: ReconciliationQuery = { onlyDrift: onlyDrift(), from: from() || undefined, to: to() || undefined };
        next = { kind, data: await reconciliation(q), query: q };
      }
      if (ticket !== latest) return;
      setLoaded(next);
      // Fill the form with what the server chose (its defaults are in the company's time zone), unless it was typed in meanwhile.
      const d = next.data as { range?: { from: string; to: string }; asOf?: string; previousAsOf?: string | null; currencies?: string[]; currency?: string };
      const serverFrom = d.range?.from ?? (d.previousAsOf ? new Date(Date.parse(`${d.previousAsOf}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : undefined);
      const serverTo = d.range?.to ?? d.asOf;
      if (serverFrom && from() === sentFrom) setFrom(serverFrom);
      if (serverTo && to() === sentTo) setTo(serverTo);
      if (d.currencies) setCurrencies(d.currencies);
      if (d.currency && !currency()) setCurrency(d.currency);
    } catch (err) {
      if (ticket !== latest) return;
      loadFailed(err, setPlanProblem, setError, 'Could not load the report.');
    } finally {
      if (ticket === latest) setLoading(false);
    }
  };

  onMount(async () => {
    if (!session.can('accounting.view')) return;
    try {
      setAccounts((await listAccounts()).items);
    } catch (err) {
      const locked = planProblemOf(err);
      if (locked) return setPlanProblem(locked);
    }
    await load();
  });

  const show = (key: ReportName) => {
    // The other reports fill the dates with their range; the reconciliation would take them as an
    // issue-date filter and quietly leave out older invoices, which Recalculate still counts.
    if (key === 'invoice-reconciliation') {
      setFrom('');
      setTo('');
    }
    setReport(key);
    setLoaded(undefined);
    void load();
  };
  const choose = (key: ReportName) => setParams({ report: key === 'profit-and-loss' ? undefined : key });
  // The address leads: a tab click, the back button or a link all arrive here.
  createEffect(on(() => reportNamed(params.report), (key) => { if (key !== report()) show(key); }, { defer: true }));
  // In the currency of the report shown: the dropdown may already say another, not yet loaded.
  const loadedCurrency = () => (loaded()?.data as { currency?: string } | undefined)?.currency;
  const money = (cents: number | null | undefined) => formatCents(cents, loadedCurrency() ?? (currency() || 'USD'));
  /** The next page of the reconciliation, added under the rows shown (unless another report was loaded meanwhile). */
  const moreReconciliation = createAction(async (cursor: string) => {
    const shown = loaded();
    if (shown?.kind !== 'invoice-reconciliation') return;
    const ticket = latest;
    const page = await reconciliation({ ...shown.query, cursor });
    if (ticket !== latest) return;
    setLoaded({ ...shown, data: { items: [...shown.data.items, ...page.items], nextCursor: page.nextCursor } });
  });
  const csv = () => {
    const k = report();
    if (k === 'general-ledger') return csvUrl(k, { ...range(), accountId: accountId() });
    if (k === 'sales-tax') return csvUrl(k, range());
    if (k === 'time-utilisation') return csvUrl(k, { from: usableFrom(), to: to() || undefined });
    if (k === 'ar-aging') return csvUrl(k, { asOf: to() || undefined, currency: currency() || undefined });
    if (k === 'invoice-reconciliation') return csvUrl(k, { from: from() || undefined, to: to() || undefined, onlyDrift: onlyDrift() ? 'true' : undefined });
    return csvUrl(k, query());
  };

  return (
    <AccountingFrame title="Accounting" subtitle="Your books: every invoice, payment, credit and manual entry, double-entry." planProblem={planProblem()}>
      <div class="tabs" role="tablist" aria-label="Reports">
        <For each={REPORTS}>
          {(r) => (
            <button type="button" role="tab" class="tab" classList={{ 'is-active': report() === r.key }} aria-selected={report() === r.key} onClick={() => choose(r.key)}>
              {r.label}
            </button>
          )}
        </For>
      </div>

      <section class="card filters-card" aria-label="Report range">
        <form class="report-filters" onSubmit={(e) => { e.preventDefault(); void load(); }}>
          <FormField id="report-from" name="from" label={asOfReport() ? 'Compared period starts' : 'From'} type="date" value={from()} onInput={setFrom} disabled={!fromUsed()}
            hint={asOfReport() && report() !== 'ar-aging' ? 'With the comparison on: shown as of the day before.' : undefined} />
          <FormField id="report-to" name="to" label={asOfReport() ? 'As of' : 'To'} type="date" value={to()} onInput={setTo} />
          <Show when={report() === 'general-ledger'} fallback={
            <Show when={report() === 'invoice-reconciliation'} fallback={
              <CheckboxField id="report-compare" name="compare" label="Compare with the period before" checked={compare()} onChange={setCompare} disabled={report() === 'ar-aging' || report() === 'sales-tax' || report() === 'time-utilisation'} />
            }>
              <CheckboxField id="report-drift" name="onlyDrift" label="Only invoices that do not reconcile" checked={onlyDrift()} onChange={setOnlyDrift} />
            </Show>
          }>
            <SelectField id="report-account" name="accountId" label="Account" value={accountId()} onInput={setAccountId}
              options={accounts().map((a) => ({ value: a.id, label: `${a.code} ${a.name}` }))} />
          </Show>
          {/* The reconciliation lists invoices of every currency, each in its own. */}
          <SelectField id="report-currency" name="currency" label="Currency" value={currency()} onInput={setCurrency} disabled={report() === 'invoice-reconciliation'}
            options={(currencies().length ? currencies() : [currency() || 'USD']).map((c) => ({ value: c, label: c }))} />
          <div class="filters-actions">
            <button type="submit" class="btn btn-primary" disabled={loading()}>{loading() ? 'Loading…' : 'Show'}</button>
            <a class="btn btn-secondary" href={csv()} download="">Download CSV</a>
          </div>
        </form>
      </section>

      <section class="card" aria-live="polite">
        <Switch fallback={<Loading />}>
          <Match when={error()}>{(m) => <LoadError message={m()} onRetry={() => void load()} />}</Match>
          <Match when={loaded()}>
            {(l) => (
              <Switch>
                <Match when={l().kind === 'profit-and-loss' && (l().data as ProfitAndLoss)}>{(d) => <ProfitAndLossView data={d()} money={money} />}</Match>
                <Match when={l().kind === 'balance-sheet' && (l().data as BalanceSheet)}>{(d) => <BalanceSheetView data={d()} money={money} />}</Match>
                <Match when={l().kind === 'trial-balance' && (l().data as TrialBalance)}>{(d) => <TrialBalanceView data={d()} money={money} />}</Match>
                <Match when={l().kind === 'general-ledger' && (l().data as GeneralLedger)}>{(d) => <GeneralLedgerView data={d()} money={money} />}</Match>
                <Match when={l().kind === 'ar-aging' && (l().data as Aging)}>{(d) => <AgingView data={d()} money={money} />}</Match>
                <Match when={l().kind === 'sales-tax' && (l().data as SalesTax)}>{(d) => <SalesTaxView data={d()} money={money} />}</Match>
                <Match when={l().kind === 'time-utilisation' && (l().data as Utilisation)}>{(d) => <UtilisationView data={d()} />}</Match>
                <Match when={l().kind === 'invoice-reconciliation' && (l() as ReconciliationLoaded)}>
                  {(r) => (
                    <>
                      <ReconciliationView items={r().data.items} query={r().query} canFix={session.can('accounting.manage')} onChanged={() => void load()} />
                      <LoadMore cursor={r().data.nextCursor} pending={moreReconciliation.pending()} error={moreReconciliation.error()} onMore={(c) => void moreReconciliation.run(c)} />
                    </>
                  )}
                </Match>
              </Switch>
            )}
          </Match>
        </Switch>
      </section>
    </AccountingFrame>
  );
}

type Money = (cents: number | null | undefined) => string;
const Amount = (props: { cents: number | null | undefined; money: Money }) => (
  <td class="num" classList={{ negative: (props.cents ?? 0) < 0 }}>{props.cents === null || props.cents === undefined ? '' : props.money(props.cents)}</td>
);

/** Rows of one section with their total; previous-period columns when the report was compared. */
function Section(props: { title: string; rows: readonly ComparedRow[]; total: number; previousTotal?: number | null | undefined; compared: boolean; money: Money }) {
  return (
    <>
      <tr class="report-section"><th colspan={props.compared ? 5 : 3}>{props.title}</th></tr>
      <For each={props.rows} fallback={<tr><td colspan={props.compared ? 5 : 3} class="muted">Nothing in this range.</td></tr>}>
        {(r) => (
          <tr>
            <td>{r.code}</td>
            <td>{r.name}</td>
            <Amount cents={r.amountCents} money={props.money} />
            <Show when={props.compared}>
              <Amount cents={r.previousCents} money={props.money} />
              <Amount cents={r.changeCents} money={props.money} />
            </Show>
          </tr>
        )}
      </For>
      <TotalRow label={`Total ${props.title.toLowerCase()}`} cents={props.total} previous={props.previousTotal} compared={props.compared} money={props.money} />
    </>
  );
}

function TotalRow(props: { label: string; cents: number; previous?: number | null | undefined; compared: boolean; money: Money }) {
  return (
    <tr class="report-total">
      <td />
      <td>{props.label}</td>
      <Amount cents={props.cents} money={props.money} />
      <Show when={props.compared}>
        <Amount cents={props.previous ?? 0} money={props.money} />
        <Amount cents={props.cents - (props.previous ?? 0)} money={props.money} />
      </Show>
    </tr>
  );
}

const columns = (compared: boolean, previousLabel = 'Previous period') =>
  ['Code', 'Account', { label: 'Amount', class: 'num' }, ...(compared ? [{ label: previousLabel, class: 'num' }, { label: 'Change', class: 'num' }] : [])];

function ProfitAndLossView(props: { data: ProfitAndLoss; money: Money }) {
  const d = () => props.data;
  const compared = () => d().previousTotals !== null;
  return (
    <>
      <div class="report-toolbar">
        <h2>Profit &amp; loss, {d().range.from} to {d().range.to}</h2>
        <Show when={d().previousRange}>{(p) => <span class="muted">compared with {p().from} to {p().to}</span>}</Show>
      </div>
      <Show when={d().byMonth.length > 1}>
        <BarChart label="Income and expenses by month" categories={d().byMonth.map((m) => monthLabel(m.month))} format={(v) => props.money(v)}
          series={[{ name: 'Income', tone: 'tone-income', values: d().byMonth.map((m) => m.incomeCents) }, { name: 'Expenses', tone: 'tone-expense', values: d().byMonth.map((m) => m.expenseCents) }]} />
      </Show>
      <DataTable class="report-table" caption="Profit and loss" columns={columns(compared())}>
        <Section title="Income" rows={d().income} total={d().totals.incomeCents!} previousTotal={d().previousTotals?.incomeCents} compared={compared()} money={props.money} />
        <Section title="Expenses" rows={d().expenses} total={d().totals.expenseCents!} previousTotal={d().previousTotals?.expenseCents} compared={compared()} money={props.money} />
        <TotalRow label="Net income" cents={d().totals.netIncomeCents!} previous={d().previousTotals?.netIncomeCents} compared={compared()} money={props.money} />
      </DataTable>
    </>
  );
}

function BalanceSheetView(props: { data: BalanceSheet; money: Money }) {
  const d = () => props.data;
  const compared = () => d().previousTotals !== null;
  return (
    <>
      <div class="report-toolbar">
        <h2>Balance sheet as of {d().asOf}</h2>
        <span class={d().balanced ? 'report-balanced' : 'report-unbalanced'}>{d().balanced ? 'Assets = liabilities + equity' : 'Does not balance — run the ledger check'}</span>
      </div>
      <DataTable class="report-table" caption="Balance sheet" columns={columns(compared(), `As of ${d().previousAsOf ?? ''}`)}>
        <Section title="Assets" rows={d().assets} total={d().totals.assetsCents!} previousTotal={d().previousTotals?.assetsCents} compared={compared()} money={props.money} />
        <Section title="Liabilities" rows={d().liabilities} total={d().totals.liabilitiesCents!} previousTotal={d().previousTotals?.liabilitiesCents} compared={compared()} money={props.money} />
        <Section title="Equity" rows={d().equity} total={d().totals.equityCents!} previousTotal={d().previousTotals?.equityCents} compared={compared()} money={props.money} />
        <TotalRow label="Total liabilities and equity" cents={d().totals.liabilitiesAndEquityCents!} previous={d().previousTotals?.liabilitiesAndEquityCents} compared={compared()} money={props.money} />
      </DataTable>
      <p class="muted">Retained earnings are income less expenses of the years before this one; net income this year runs from 1 January to this day.</p>
    </>
  );
}

const hours = (seconds: number) => (seconds / 3600).toFixed(2);
const share = (bps: number | null) => (bps === null ? '—' : `${(bps / 100).toFixed(1)}%`);

/** Each person's tracked time over the range, how much of it was billable, and how much of that is billed. */
function UtilisationView(props: { data: Utilisation }) {
  const d = () => props.data;
  const row = (label: string, u: Utilisation['team']) => (
    <>
      <td>{label}</td>
      <td class="num">{hours(u.totalSeconds)}</td><td class="num">{hours(u.billableSeconds)}</td><td class="num">{hours(u.nonBillableSeconds)}</td>
      <td class="num">{share(u.utilisationBps)}</td><td class="num">{hours(u.billedSeconds)}</td>
    </>
  );
  return (
    <>
      <div class="report-toolbar">
        <h2>Utilisation, {d().range.from} to {d().range.to}</h2>
        <span class="muted">Billable hours as a share of hours tracked, as tracked (before billing rounding).</span>
      </div>
      <Show when={d().people.length > 0} fallback={<p class="muted">Nobody tracked time in this range.</p>}>
        <DataTable class="report-table" caption="Utilisation by person"
          columns={['Person', { label: 'Hours', class: 'num' }, { label: 'Billable', class: 'num' }, { label: 'Non-billable', class: 'num' }, { label: 'Utilisation', class: 'num' }, { label: 'Billed', class: 'num' }]}>
          <For each={d().people}>{(p) => <tr>{row(p.email, p)}</tr>}</For>
          <tr class="report-total">{row('Team', d().team)}</tr>
        </DataTable>
      </Show>
    </>
  );
}

const ratePercent = (bps: number) => `${(bps / 100).toFixed(2).replace(/\.?0+$/, '')}%`;

/** Tax charged by rate (counted when an invoice is sent, counted out when it is voided), beside what the sales tax account moved. */
function SalesTaxView(props: { data: SalesTax; money: Money }) {
  const d = () => props.data;
  return (
    <>
      <div class="report-toolbar">
        <h2>Sales tax, {d().range.from} to {d().range.to}</h2>
        <span class={d().otherCents === 0 ? 'report-balanced' : 'report-unbalanced'}>
          {d().otherCents === 0 ? 'Matches the sales tax payable account' : `Other entries moved sales tax payable by ${props.money(d().otherCents)}`}
        </span>
      </div>
      <Show when={d().rates.length > 0 || d().exemptCents !== 0} fallback={<p class="muted">No invoice was sent or voided in this range.</p>}>
        <DataTable class="report-table" caption="Sales tax by rate" columns={['Rate', { label: 'Taxable sales', class: 'num' }, { label: 'Tax', class: 'num' }, { label: 'Invoices', class: 'num' }]}>
          <For each={d().rates}>
            {(r) => (
              <tr>
                <td>{ratePercent(r.rateBps)}</td>
                <Amount cents={r.taxableCents} money={props.money} /><Amount cents={r.taxCents} money={props.money} /><td class="num">{r.invoices}</td>
              </tr>
            )}
          </For>
          <tr>
            <td>Exempt or zero-rated</td><Amount cents={d().exemptCents} money={props.money} /><td class="num">—</td><td />
          </tr>
          <tr class="report-total">
            <td>Total</td><Amount cents={d().taxableCents + d().exemptCents} money={props.money} /><Amount cents={d().taxCents} money={props.money} /><td />
          </tr>
          <tr>
            <td>Sales tax payable, ledger movement</td><td /><Amount cents={d().ledgerTaxCents} money={props.money} /><td />
          </tr>
        </DataTable>
      </Show>
    </>
  );
}

function TrialBalanceView(props: { data: TrialBalance; money: Money }) {
  const d = () => props.data;
  const compared = () => d().previous !== null;
  const cols = () => ['Code', 'Account', 'Type', { label: 'Debit', class: 'num' }, { label: 'Credit', class: 'num' },
    ...(compared() ? [{ label: `Debit ${d().previousAsOf}`, class: 'num' }, { label: `Credit ${d().previousAsOf}`, class: 'num' }] : [])];
  return (
    <>
      <div class="report-toolbar">
        <h2>Trial balance as of {d().asOf}</h2>
        <span class={d().balanced ? 'report-balanced' : 'report-unbalanced'}>{d().balanced ? 'Debits = credits' : 'Debits and credits differ — run the ledger check'}</span>
      </div>
      <DataTable class="report-table" caption="Trial balance" columns={cols()}>
        <For each={d().rows}>
          {(r) => (
            <tr>
              <td>{r.code}</td><td>{r.name}</td><td>{r.type}</td>
              <Amount cents={r.debitCents || null} money={props.money} /><Amount cents={r.creditCents || null} money={props.money} />
              <Show when={compared()}><Amount cents={r.previousDebitCents || null} money={props.money} /><Amount cents={r.previousCreditCents || null} money={props.money} /></Show>
            </tr>
          )}
        </For>
        <tr class="report-total">
          <td /><td>Total</td><td />
          <Amount cents={d().totalDebitCents} money={props.money} /><Amount cents={d().totalCreditCents} money={props.money} />
          <Show when={d().previous}>{(p) => <><Amount cents={p().totalDebitCents} money={props.money} /><Amount cents={p().totalCreditCents} money={props.money} /></>}</Show>
        </tr>
      </DataTable>
    </>
  );
}

function GeneralLedgerView(props: { data: GeneralLedger; money: Money }) {
  const d = () => props.data;
  return (
    <>
      <div class="report-toolbar">
        <h2>{d().account.code} {d().account.name}, {d().range.from} to {d().range.to}</h2>
        <span class="muted">Opening {props.money(d().openingCents)} · closing {props.money(d().closingCents)}</span>
      </div>
      <Show when={d().truncated}><p class="inline-error" role="status">More lines than shown: narrow the range, or download the CSV.</p></Show>
      <DataTable class="report-table" caption="General ledger" columns={['Date', 'Source', 'Memo', { label: 'Debit', class: 'num' }, { label: 'Credit', class: 'num' }, { label: 'Balance', class: 'num' }]}>
        <tr><td>{d().range.from}</td><td /><td>Opening balance</td><td /><td /><Amount cents={d().openingCents} money={props.money} /></tr>
        <For each={d().lines}>
          {(l) => (
            <tr>
              <td>{l.entryDate}</td><td>{SOURCES[l.sourceType] ?? l.sourceType}</td><td>{l.memo}</td>
              <Amount cents={l.debitCents || null} money={props.money} /><Amount cents={l.creditCents || null} money={props.money} /><Amount cents={l.balanceCents} money={props.money} />
            </tr>
          )}
        </For>
        <tr class="report-total">
          <td /><td /><td>Closing balance</td>
          <Amount cents={d().totalDebitCents} money={props.money} /><Amount cents={d().totalCreditCents} money={props.money} /><Amount cents={d().closingCents} money={props.money} />
        </tr>
      </DataTable>
    </>
  );
}

function AgingView(props: { data: Aging; money: Money }) {
  const d = () => props.data;
  return (
    <>
      <div class="report-toolbar">
        <h2>Accounts receivable aging as of {d().asOf}</h2>
        <span class="muted">{d().invoiceCount} open invoices · {props.money(d().totalCents)}</span>
      </div>
      <BarChart label="Open receivables by days past due" categories={BUCKETS.map((b) => AGING_LABELS[b]!)} format={(v) => props.money(v)}
        series={[{ name: 'Owed', tone: 'tone-aging', values: BUCKETS.map((b) => d().buckets[b]) }]} />
      <DataTable class="report-table" caption="Aging by client" columns={['Client', ...BUCKETS.map((b) => ({ label: AGING_LABELS[b]!, class: 'num' })), { label: 'Total', class: 'num' }]}>
        <For each={d().clients} fallback={<tr><td colspan={7} class="muted">Nothing is owed.</td></tr>}>
          {(c) => (
            <tr>
              <td><A href={`/clients/${c.clientId}`}>{c.clientName}</A></td>
              <For each={BUCKETS}>{(b) => <Amount cents={c.buckets[b] || null} money={props.money} />}</For>
              <Amount cents={c.totalCents} money={props.money} />
            </tr>
          )}
        </For>
        <tr class="report-total">
          <td>Total</td>
          <For each={BUCKETS}>{(b) => <Amount cents={d().buckets[b]} money={props.money} />}</For>
          <Amount cents={d().totalCents} money={props.money} />
        </tr>
      </DataTable>
      <h3>Oldest open invoices</h3>
      <DataTable class="report-table" caption="Open invoices, oldest due first" columns={['Invoice', 'Client', 'Due', { label: 'Days past due', class: 'num' }, { label: 'Balance', class: 'num' }]}>
        <For each={d().invoices}>
          {(i) => (
            <tr>
              <td><A href={`/documents/${i.documentId}`}>{i.number}</A></td><td>{i.clientName}</td><td>{i.dueDate}</td>
              <td class="num">{i.daysPastDue}</td><Amount cents={i.balanceCents} money={props.money} />
            </tr>
          )}
        </For>
      </DataTable>
      <Show when={d().invoicesTruncated}><p class="muted">The CSV lists every open invoice.</p></Show>
    </>
  );
}

/**
 * Invoices of every currency side by side: each row is in its own invoice's currency. Recalculate
 * checks every invoice whatever the dates, so with dates asked for the list says so, and the
 * count says how many of those found are in the list's dates.
 */
function ReconciliationView(props: { items: Reconciliation['items']; query: ReconciliationQuery; canFix: boolean; onChanged: () => void }) {
  const [result, setResult] = createSignal<Recalculated>();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const run = async (fix: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await recalculate(fix));
      if (fix) props.onChanged();
    } catch (err) {
      setError(errorMessage(err, 'Could not recalculate.'));
    } finally {
      setBusy(false);
    }
  };
  const dated = () => !!(props.query.from || props.query.to);
  const issued = () => {
    const { from, to } = props.query;
    return from && to ? `issued ${from} to ${to}` : from ? `issued on or after ${from}` : `issued on or before ${to}`;
  };
  const inDates = (day: string) => (!props.query.from || day >= props.query.from) && (!props.query.to || day <= props.query.to);
  const summary = (): JSX.Element => {
    const r = result();
    if (!r) return null;
    if (r.drifted.length === 0) return <p class="report-balanced" role="status">All {r.checked} invoices reconcile.</p>;
    const listed = dated() ? ` (of every date; ${r.drifted.filter((d) => inDates(d.issueDate)).length} of them ${issued()})` : '';
    return <p class="report-unbalanced" role="status">{r.drifted.length} of {r.checked} invoices do not reconcile{listed}{r.fixed ? `; ${r.fixed} stored balance(s) corrected (audited)` : ''}.</p>;
  };
  return (
    <>
      <div class="report-toolbar">
        <h2>Invoice reconciliation</h2>
        <div class="inline-form">
          <button type="button" class="btn btn-secondary" disabled={busy()} onClick={() => void run(false)}>Recalculate</button>
          <Show when={props.canFix}>
            <button type="button" class="btn btn-primary" disabled={busy()} onClick={() => void run(true)}>Fix stored balances</button>
          </Show>
        </div>
      </div>
      <Show when={dated()}>
        <p class="muted" role="note">Listing invoices {issued()}; Recalculate and Fix look at invoices of every date. Clear From and To for all of them.</p>
      </Show>
      <Show when={error()}><p class="inline-error" role="alert">{error()}</p></Show>
      {summary()}
      <p class="muted">Balance = total − payments applied − credit applied (a void invoice owes nothing). It must match the stored balance and the A/R ledger.</p>
      <DataTable class="report-table" caption="Invoice balances explained" columns={['Invoice', 'Client', 'Status', { label: 'Total', class: 'num' }, { label: 'Payments', class: 'num' }, { label: 'Credit', class: 'num' }, { label: 'Balance', class: 'num' }, { label: 'Stored', class: 'num' }, { label: 'A/R ledger', class: 'num' }, '']}>
        <For each={props.items} fallback={<tr><td colspan={10} class="muted">No invoices to show.</td></tr>}>
          {(r) => {
            const money: Money = (cents) => formatCents(cents, r.currency);
            return (
              <tr>
                <td><A href={`/documents/${r.documentId}`}>{r.number}</A></td><td>{r.clientName}</td><td>{r.status.replace('_', ' ')}</td>
                <Amount cents={r.totalCents} money={money} /><Amount cents={r.paymentsAppliedCents} money={money} /><Amount cents={r.creditsAppliedCents} money={money} />
                <Amount cents={r.derivedBalanceCents} money={money} /><Amount cents={r.storedBalanceCents} money={money} /><Amount cents={r.ledgerBalanceCents} money={money} />
                <td>{r.ok ? <span class="report-balanced">✓</span> : <span class="report-unbalanced">Drift {money(r.driftCents || r.ledgerDriftCents)}</span>}</td>
              </tr>
            );
          }}
        </For>
      </DataTable>
    </>
  );
}
