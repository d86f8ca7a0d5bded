import { createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { errorMessage } from '../action';
import { formatDay } from '../dates';
import { formatCents } from '../money';
import { getClientBalance, listDocuments, type ClientBalance, type DocumentSummary } from '../workApi';
import DocumentsTable from './DocumentsTable';
import MoneyFigures from './MoneyFigures';
import { LoadError, Loading } from './PageStatus';

const NEWEST = 10;

/**
 * A client's money, first on its page: what it owes on open invoices and how much of that is
 * overdue, what it has paid, the credit it holds, and its newest invoices and estimates. For
 * those who may see documents (managers and up); the figures are the server's.
 */
export default function ClientMoney(props: { clientId: string }) {
  const [balance, setBalance] = createSignal<ClientBalance>();
  const [invoices, setInvoices] = createSignal<{ items: DocumentSummary[]; more: boolean }>();
  const [estimates, setEstimates] = createSignal<{ items: DocumentSummary[]; more: boolean }>();
  const [error, setError] = createSignal<string>();

  const load = async () => {
    setError(undefined);
    try {
      const [b, inv, est] = await Promise.all([
        getClientBalance(props.clientId),
        listDocuments({ kind: 'invoice', clientId: props.clientId, limit: NEWEST }),
        listDocuments({ kind: 'estimate', clientId: props.clientId, limit: NEWEST }),
      ]);
      setBalance(b);
      setInvoices({ items: inv.items, more: !!inv.nextCursor });
      setEstimates({ items: est.items, more: !!est.nextCursor });
    } catch (err) {
      setError(errorMessage(err, "Could not load the client's balance."));
    }
  };
  onMount(() => void load());

  /** One row per currency owed or paid in, and always one in the client's own (where its credit is). */
  const rows = () => {
    const b = balance()!;
    const own = { currency: b.currency, outstandingCents: 0, openInvoices: 0, overdueCents: 0, overdueInvoices: 0, receivedCents: 0 };
    return b.balances.some((r) => r.currency === b.currency) ? b.balances : [own, ...b.balances];
  };

  return (
    <>
      <section class="card client-money" aria-labelledby="client-money-title">
        <h2 id="client-money-title">Balance</h2>
        <Switch fallback={<Loading label="Loading balance…" />}>
          <Match when={error()}>{(m) => <LoadError message={m()} onRetry={() => void load()} />}</Match>
          <Match when={balance()}>
            {(b) => (
              <>
                <For each={rows()}>
                  {(r) => (
                    <MoneyFigures figures={r} owedLabel="Outstanding" showCurrency={rows().length > 1} receivedNote="All payments to date">
                      <Show when={r.currency === b().currency}>
                        <div class="money-credit">
                          <dt>Credit</dt>
                          <dd>{formatCents(b().creditCents, b().currency)}</dd>
                          <dd class="small muted">Available to apply</dd>
                        </div>
                      </Show>
                    </MoneyFigures>
                  )}
                </For>
                <p class="small muted">Overdue: due before today, {formatDay(b().asOf)} in the company's time zone.</p>
              </>
            )}
          </Match>
        </Switch>
      </section>
      <DocumentList title="Invoices" list={invoices()} showBalance />
      <DocumentList title="Estimates" list={estimates()} />
    </>
  );
}

function DocumentList(props: { title: string; list: { items: DocumentSummary[]; more: boolean } | undefined; showBalance?: boolean }) {
  return (
    <Show when={props.list?.items.length ? props.list : undefined}>
      {(l) => (
        <section class="card" aria-label={props.title}>
          <h2>{props.title}</h2>
          <DocumentsTable documents={l().items} caption={props.title} showBalance={!!props.showBalance} />
          <Show when={l().more}>
            <p class="small muted">The {NEWEST} newest.</p>
          </Show>
        </section>
      )}
    </Show>
  );
}
