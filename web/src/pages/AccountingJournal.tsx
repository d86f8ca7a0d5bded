import { createSignal, For, Index, Match, onMount, Show, Switch } from 'solid-js';
import { listAccounts, listEntries, postManualEntry, reverseEntry, type Account, type JournalEntry } from '../accountingApi';
import { createAction, errorMessage } from '../action';
import { ApiError } from '../api';
import AccountingFrame, { loadFailed, planProblemOf } from '../components/AccountingFrame';
import DataTable from '../components/DataTable';
import FormField from '../components/FormField';
import { LoadError, Loading } from '../components/PageStatus';
import SelectField from '../components/SelectField';
import { formatDay } from '../dates';
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
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
/** Dollars as typed → cents, for the running totals only (the server parses what is posted). */
const cents = (text: string) => {
  const n = Number(text.replace(/[$,\s]/g, ''));
  return text.trim() && Number.isFinite(n) ? Math.round(n * 100) : 0;
};

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
    try {
      setAccounts((await listAccounts()).items.filter((a) => a.active));
    } catch (err) {
      const locked = planProblemOf(err);
      if (locked) return setPlanProblem(locked);
    }
    await load();
  });

  // The manual entry form.
  const [entryDate, setEntryDate] = createSignal(localToday());
  const [memo, setMemo] = createSignal('');
  const [lines, setLines] = createSignal<Line[]>([blank(), blank()]);
  const [key, setKey] = createSignal(crypto.randomUUID());
  const [pending, setPending] = createSignal(false);
  const [formError, setFormError] = createSignal<string>();
  const [fieldErrors, setFieldErrors] = createSignal<Record<string, string>>({});
  const [posted, setPosted] = createSignal<string>();
  const setLine = (i: number, patch: Partial<Line>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const debits = () => lines().reduce((s, l) => s + cents(l.debit), 0);
  const credits = () => lines().reduce((s, l) => s + cents(l.credit), 0);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (pending()) return;
    setPending(true);
    setFormError(undefined);
    setFieldErrors({});
    setPosted(undefined);
    try {
      const body = { entryDate: entryDate(), memo: memo().trim(), lines: lines().filter((l) => l.accountId || l.debit || l.credit).map((l) => ({ accountId: l.accountId, debit: l.debit.trim(), credit: l.credit.trim(), memo: l.memo.trim() || undefined })) };
      const entry = await postManualEntry(body, key());
      setPosted(`Posted: ${entry.memo}, ${formatCents(entry.lines.reduce((s, l) => s + l.debitCents, 0), entry.currency)}.`);
      setMemo('');
      setLines([blank(), blank()]);
      setKey(crypto.randomUUID());
      await load();
    } catch (err) {
      // The 422 codes name the rule: unbalanced, inactive or control account, closed period.
      setFormError(errorMessage(err, 'Could not post the entry.'));
      if (err instanceof ApiError) setFieldErrors(err.fields);
    } finally {
      setPending(false);
    }
  };

  const reverse = createAction(async (id: string) => {
    await reverseEntry(id, localToday());
    await load();
  });

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
                      <td class="num" data-label="Debit"><input class="inline-input" aria-label={`Line ${i + 1} debit`} inputMode="decimal" value={line().debit} onInput={(e) => setLine(i, { debit: e.currentTarget.value })} /></td>
                      <td class="num" data-label="Credit"><input class="inline-input" aria-label={`Line ${i + 1} credit`} inputMode="decimal" value={line().credit} onInput={(e) => setLine(i, { credit: e.currentTarget.value })} /></td>
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
              <span>Debits {formatCents(debits())}</span>
              <span>Credits {formatCents(credits())}</span>
              <span class={debits() === credits() ? (debits() > 0 ? 'report-balanced' : 'muted') : 'report-unbalanced'}>
                {debits() === credits() ? (debits() > 0 ? 'Balanced' : 'Enter amounts') : `Off by ${formatCents(Math.abs(debits() - credits()))}`}
              </span>
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
                                <Show when={i() === 0 && e.sourceType === 'manual'}>
                                  <button type="button" class="btn btn-link" disabled={reverse.pending()} onClick={() => void reverse.run(e.id)}>Reverse</button>
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
