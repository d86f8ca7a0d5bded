import { A } from '@solidjs/router';
import { createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { errorMessage } from '../action';
import { formatDay } from '../dates';
import { getDashboardMoney, type DashboardMoney } from '../invoicingApi';
import { formatCents } from '../money';
import MoneyFigures from './MoneyFigures';
import { LoadError, Loading } from './PageStatus';

/**
 * The dashboard's money: what clients owe, how much of it is overdue and the invoices longest
 * overdue, and what came in over the last 30 days. For those who may see invoices.
 */
export default function MoneySnapshot() {
  const [money, setMoney] = createSignal<DashboardMoney>();
  const [error, setError] = createSignal<string>();
  const load = async () => {
    setError(undefined);
    try {
      setMoney(await getDashboardMoney());
    } catch (err) {
      setError(errorMessage(err, 'Could not load your receivables.'));
    }
  };
  onMount(() => void load());

  return (
    <section class="card money-snapshot" aria-labelledby="money-title">
      <div class="card-header">
        <h2 id="money-title">Money</h2>
        <A href="/invoices" class="small">All invoices</A>
      </div>
      <Switch fallback={<Loading label="Loading receivables…" />}>
        <Match when={error()}>{(m) => <LoadError message={m()} onRetry={() => void load()} />}</Match>
        <Match when={money()}>
          {(m) => (
            <>
              <Show when={m().totals.length} fallback={<p class="muted">Nothing owed and nothing received lately. Send an invoice and it shows here.</p>}>
                <For each={m().totals}>
                  {(t) => <MoneyFigures figures={t} owedLabel="Owed to you" showCurrency={m().totals.length > 1} receivedNote={`Since ${formatDay(m().receivedSince)}`} />}
                </For>
              </Show>
              <Show when={m().oldestOverdue.length}>
                <h3 class="money-subtitle">Longest overdue</h3>
                <ul class="money-overdue-list">
                  <For each={m().oldestOverdue}>
                    {(o) => (
                      <li>
                        <A href={`/documents/${o.id}`}>{o.number}</A> · {o.clientName} · due {formatDay(o.dueDate)}
                        <span class="money-overdue-amount">{formatCents(o.balanceCents, o.currency)}</span>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}
