import { createSignal, For, Index, Match, onMount, Show, Switch } from 'solid-js';
import { dayIn } from '../../../domain/dates';
import { parseDollars } from '../../../domain/money';
import { listAccounts, listEntries, postManualEntry, reverseEntry, type Account, type JournalEntry } from '../accountingApi';
import { createAction, errorMessage } from '../action';
import { ApiError } from '../api';
import AccountingFrame, { loadFailed, planProblemOf } from '../components/AccountingFrame';
import DataTable from '../components/DataTable';
import FormField from '../components/FormField';
import { LoadError, Loading } from '../components/PageStatus';
import SelectField from '../components/SelectField';
import { formatDay } from '../dates';
import { companyToday, getInvoicingSettings } from '../invoicingApi';
import { formatCents } from '../money';
import { useSession } from '../session';

const SOURCES: Record<string, string> = { invoice: 'Invoice sent', invoice_void: 'Invoice void', payment: 'Payment', credit_application: 'Credit applied', manual: 'Manual' };

interface Line {
  accountId: string;
  debit: string;
  credit: string;
  memo: string;
}
const blank = (): Line => ({ accountId: '', debit: '', credit: '', memo: '' });
const isBlank = (l: Line) => !l.accountId && !l.debit.trim() && !l.credit.trim();
/**
 * One side of the lines, in cents, parsed as the server parses them; null while an amount does
 * not parse (the server names the line on posting).
 */
const sideTotal = (lines: readonly Line[], side: 'debit' | 'credit'): number | null => {
  let total = 0;
  for (const l of lines) {
    if (!l[side].trim()) continue;
    const cents = parseDollars(l[side]);
    if (cents === null) return null;
    total += cents;
  }
  return total;
};
/** The server's `lines.<sent index>…` error names, renamed to the rows on screen (blank rows are not sent). */
const toRowErrors = (fields: Record<string, string>, rowOf: readonly number[]) =>
  Object.fromEntries(Object.entries(fields).map(([name, message]) => [name.replace(/^lines\.(\d+)/, (all, i: string) => (rowOf[Number(i)] === undefined ? all : `lines.${rowOf[Number(i)]}`)), message]));

/** /accounting/journal — every entry with its lines, newest first; admins post manual entries and reverse them. */
export default function AccountingJournal() {
  const session = useSession();
  const canManage = () => session.can('accounting.manage');
  const [accounts, setAccounts] = createSignal<Account[]>([]);
  const [entries, setEntries] = createSignal<JournalEntry[]>();
  const [next, setNext] = createSignal<string | null>(null);
  const [sourceType, setSourceType] = createSignal('');
  const [loadError, setLoadError] = createSignal<string>();
  const [planProblem, setPlanProblem] = createSignal<string>();
  /** What manual entries post in; until it is known, amounts show in dollars. */
  const [currency, setCurrency] = createSignal<string>();
  /**
   * The company's time zone: entries are dated on its calendar (periods, PERIOD_CLOSED), and the
   * browser's today may be another day.
   */
  const [timeZone, setTimeZone] = createSignal<string>();
  const today = async () => {
    const zone = timeZone();
    return zone ? dayIn(zone, Date.now()) : companyToday();
  };

  const load = async (cursor?: string) => {
    setLoadError(undefined);
    try {
      const page = await listEntries({ sourceType: (sourceType() || undefined) as JournalEntry['sourceType'] | undefined, cursor, limit: 50 });
      setEntries((prev) => (cursor ? [...(prev ?? []), ...page.items] : page.items));
      setNext(page.nextCursor);
    } catch (err) {
      loadFailed(err, setPlanProblem, setLoadError, 'Could not load the journal.');
    }
  };
  onMount(async () => {
    if (!session.can('accounting.view')) return;
    if (session.can('accounting.manage')) {
      void getInvoicingSettings().then((s) => {
        setCurrency(s.currency);
        setTimeZone(s.timeZone);
        // Unless a date was typed meanwhile; if the settings cannot be read, the date is left to type.
        setEntryDate((d) => d || dayIn(s.timeZone, Date.now()));
      }, () => undefined);
    }
    try {
      setAccounts((await listAccounts()).items.filter((a) => a.active));
    } catch (err) {
      const locked = planProblemOf(err);
      if (locked) return setPlanProblem(locked);
    }
    await load();
  });

  // The manual entry form.
  const [entryDate, setEntryDate] = createSignal('');
  const [memo, setMemo] = createSignal('');
  const [lines, setLines] = createSignal<Line[]>([blank(), blank()]);
  const [key, setKey] = createSignal(crypto.randomUUID());
  const [pending, setPending] = createSignal(false);
  const [formError, setFormError] = createSignal<string>();
  const [fieldErrors, setFieldErrors] = createSignal<Record<string, string>>({});
  const [posted, setPosted] = createSignal<string>();
  const setLine = (i: number, patch: Partial<Line>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const debits = () => sideTotal(lines(), 'debit');
  const credits = () => sideTotal(lines(), 'credit');
  const balance = () => {
    const [d, c] = [debits(), credits()];
    if (d === null || c === null) return { text: 'Check the amounts', class: 'report-unbalanced' };
    if (d !== c) return { text: `Off by ${formatCents(Math.abs(d - c), currency())}`, class: 'report-unbalanced' };
    return d > 0 ? { text: 'Balanced', class: 'report-balanced' } : { text: 'Enter amounts', class: 'muted' };
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (pending()) return;
    setPending(true);
    setFormError(undefined);
    setFieldErrors({});
    setPosted(undefined);
    // Blank rows are left out; `rowOf[i]` is the row on screen of the i-th line sent.
    const rowOf = lines().flatMap((l, row) => (isBlank(l) ? [] : [row]));
    try {
      const sent = rowOf.map((row) => lines()[row]!);
      const body = { entryDate: entryDate(), memo: memo().trim(), lines: sent.map((l) => ({ accountId: l.accountId, debit: l.debit.trim(), credit: l.credit.trim(), memo: l.memo.trim() || undefined })) };
      const entry = await postManualEntry(body, key());
      setPosted(`Posted: ${entry.memo}, ${formatCents(entry.lines.reduce((s, l) => s + l.debitCents, 0), entry.currency)}.`);
      setMemo('');
      setLines([blank(), blank()]);
      setKey(crypto.randomUUID());
      await load();
    } catch (err) {
      // The 422 codes name the rule: unbalanced, inactive or control account, closed period.
      setFormError(errorMessage(err, 'Could not post the entry.'));
      if (err instanceof ApiError) setFieldErrors(toRowErrors(err.fields, rowOf));
    } finally {
      setPending(false);
    }
  };

  const [reversed, setReversed] = createSignal<string>();
  /** A reversal is a new entry dated today (the company's), in an open period: the person confirms that date first. */
  const reverse = createAction(async (entry: JournalEntry) => {
    setReversed(undefined);
    const on = await today();
    if (!window.confirm(`Reverse "${entry.memo}"? A mirror-image entry dated ${formatDay(on)} will be posted; the original stays in the journal.`)) return;
    const reversal = await reverseEntry(entry.id, on);
    setReversed(`Reversed "${entry.memo}" with an entry dated ${formatDay(reversal.entryDate)}.`);
    await load();
  });
  /** Reverse applies to a manual entry that is neither reversed already nor a reversal itself. */
  const reversible = (e: JournalEntry) => e.sourceType === 'manual' && !e.reversedBy && !e.reversalOf;

  return (
    <AccountingFrame title="Journal" subtitle="Every posting, newest first. Entries are never edited: a correction is a new entry." planProblem={planProblem()}>
      <Show when={canManage()}>
        <section class="card" aria-labelledby="manual-entry-title">
          <h2 id="manual-entry-title">Manual entry</h2>
          <p class="card-intro muted">
            For what invoices and payments do not post themselves: owner contributions, expenses, banking a cheque. Accounts receivable and customer credits move only with invoices, payments and credits.
          </p>
          <Show when={formError()}><p class="inline-error" role="alert">{formError()}</p></Show>
          <Show when={posted()}><p class="report-balanced" role="status">{posted()}</p></Show>
          <form onSubmit={submit} noValidate aria-labelledby="manual-entry-title" aria-busy={pending() ? 'true' : 'false'}>
            <div class="inline-form">
              <FormField id="entry-date" name="entryDate" label="Date" type="date" value={entryDate()} onInput={setEntryDate} error={fieldErrors().entryDate} />
              <FormField id="entry-memo" name="memo" label="What it is for" value={memo()} onInput={setMemo} error={fieldErrors().memo} maxLength={500} />
            </div>
            <table class="entry-lines">
              <thead><tr><th>Account</th><th class="num">Debit</th><th class="num">Credit</th><th>Line memo</th><th><span class="sr-only">Remove</span></th></tr></thead>
              <tbody>
                <Index each={lines()}>
                  {(line, i) => (
                    <tr>
                      <td data-label={`Line ${i + 1}`}>
                        <select class="inline-select" aria-label={`Line ${i + 1} account`} value={line().accountId} onChange={(e) => setLine(i, { accountId: e.currentTarget.value })} aria-invalid={fieldErrors()[`lines.${i}`] ? 'true' : undefined}>
                          <option value="">Choose an account</option>
                          <For each={accounts()}>{(a) => <option value={a.id}>{a.code} {a.name}</option>}</For>
                        </select>
                        <Show when={fieldErrors()[`lines.${i}`] ?? fieldErrors()[`lines.${i}.accountId`]}>{(m) => <span class="field-error">{m()}</span>}</Show>
                      </td>
                      <For each={['debit', 'credit'] as const}>
                        {(side) => (
                          <td class="num" data-label={side === 'debit' ? 'Debit' : 'Credit'}>
                            <input class="inline-input" aria-label={`Line ${i + 1} ${side}`} inputMode="decimal" value={line()[side]} onInput={(e) => setLine(i, { [side]: e.currentTarget.value })}
                              aria-invalid={fieldErrors()[`lines.${i}.${side}`] ? 'true' : undefined} />
                            <Show when={fieldErrors()[`lines.${i}.${side}`]}>{(m) => <span class="field-error">{m()}</span>}</Show>
                          </td>
                        )}
                      </For>
                      <td data-label="Line memo"><input class="inline-input" aria-label={`Line ${i + 1} memo`} value={line().memo} onInput={(e) => setLine(i, { memo: e.currentTarget.value })} /></td>
                      <td>
                        <Show when={lines().length > 2}>
                          <button type="button" class="btn btn-link" onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}>Remove</button>
                        </Show>
                      </td>
                    </tr>
                  )}
                </Index>
              </tbody>
            </table>
            <div class="entry-totals">
              <button type="button" class="btn btn-secondary btn-sm" onClick={() => setLines((ls) => [...ls, blank()])}>Add a line</button>
              <span>Debits {formatCents(debits(), currency())}</span>
              <span>Credits {formatCents(credits(), currency())}</span>
              <span class={balance().class}>{balance().text}</span>
              <button type="submit" class="btn btn-primary" disabled={pending()}>{pending() ? 'Posting…' : 'Post entry'}</button>
            </div>
          </form>
        </section>
      </Show>

      <section class="card" aria-label="Journal entries">
        <div class="report-toolbar">
          <h2>Entries</h2>
          <SelectField id="journal-source" name="sourceType" label="Show" value={sourceType()} onInput={(v) => { setSourceType(v); void load(); }}
            options={[{ value: '', label: 'All entries' }, ...Object.entries(SOURCES).map(([value, label]) => ({ value, label }))]} />
        </div>
        <Show when={reverse.error()}><p class="inline-error" role="alert">{reverse.error()}</p></Show>
        <Show when={reversed()}><p class="report-balanced" role="status">{reversed()}</p></Show>
        <Switch fallback={<Loading />}>
          <Match when={loadError()}>{(m) => <LoadError message={m()} onRetry={() => void load()} />}</Match>
          <Match when={entries()}>
            {(list) => (
              <>
                <DataTable class="report-table" caption="Journal entries" columns={['Date', 'Source', 'Memo', 'Account', { label: 'Debit', class: 'num' }, { label: 'Credit', class: 'num' }]} actions={canManage()}>
                  <For each={list()} fallback={<tr><td colspan={7} class="muted">Nothing posted yet.</td></tr>}>
                    {(e) => (
                      <For each={e.lines}>
                        {(l, i) => (
                          <tr classList={{ 'entry-first': i() === 0 }}>
                            <td>{i() === 0 ? formatDay(e.entryDate) : ''}</td>
                            <td>{i() === 0 ? SOURCES[e.sourceType] ?? e.sourceType : ''}</td>
                            <td>{i() === 0 ? e.memo : l.memo}</td>
                            <td>{l.accountCode} {l.accountName}</td>
                            <td class="num">{l.debitCents ? formatCents(l.debitCents, e.currency) : ''}</td>
                            <td class="num">{l.creditCents ? formatCents(l.creditCents, e.currency) : ''}</td>
                            <Show when={canManage()}>
                              <td>
                                <Show when={i() === 0}>
                                  <Show when={e.reversedBy} fallback={
                                    <Show when={reversible(e)}>
                                      <button type="button" class="btn btn-link" disabled={reverse.pending()} onClick={() => void reverse.run(e)} aria-label={`Reverse ${e.memo}`}>Reverse</button>
                                    </Show>
                                  }>
                                    {(by) => <span class="small muted entry-reversed">Reversed as the entry of {formatDay(by().entryDate)}</span>}
                                  </Show>
                                </Show>
                              </td>
                            </Show>
                          </tr>
                        )}
                      </For>
                    )}
                  </For>
                </DataTable>
                <Show when={next()}>
                  {(cursor) => (
                    <div class="load-more"><button type="button" class="btn btn-secondary" onClick={() => void load(cursor())}>Load more</button></div>
                  )}
                </Show>
              </>
            )}
          </Match>
        </Switch>
      </section>
    </AccountingFrame>
  );
}
