import { A, useLocation, useNavigate, useParams } from '@solidjs/router';
import { createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { createAction, errorMessage } from '../action';
import DataTable from '../components/DataTable';
import DayList from '../components/DayList';
import EmptyState from '../components/EmptyState';
import FormError from '../components/FormError';
import ListPageHeader from '../components/ListPageHeader';
import ListSection from '../components/ListSection';
import NoAccess from '../components/NoAccess';
import { LoadError, Loading, SuccessNote } from '../components/PageStatus';
import RecurringForm from '../components/RecurringForm';
import { formatDay } from '../dates';
import { formatCents } from '../money';
import {
  endRecurring,
  frequencyLabel,
  getRecurring,
  listRecurring,
  pauseRecurring,
  resumeRecurring,
  seriesStatusLabel,
  skipRecurring,
  type RecurringSeries,
  type RecurringSeriesDetail,
} from '../recurringApi';
import { useSession } from '../session';
import { getClient, type Client } from '../workApi';
import { documentStatusLabel } from '../workLabels';
import '../recurring.css';

/** Shown after navigating here from a create or an end. */
interface PageState {
  notice?: string;
}

/** The clients a set of series bill, by id (the series carry only the id); one that cannot be read is left out. */
async function clientsOf(ids: readonly string[]): Promise<Map<string, Client>> {
  const unique = [...new Set(ids)];
  const found = await Promise.all(unique.map((id) => getClient(id).catch(() => undefined)));
  return new Map(found.filter((c): c is Client => !!c).map((c) => [c.id, c]));
}

/** /recurring — the series, with their next dates; managers start new ones. */
export function RecurringList() {
  const session = useSession();
  const location = useLocation<PageState>();
  const canManage = () => session.can('documents.manage');
  const [items, setItems] = createSignal<RecurringSeries[]>();
  const [clients, setClients] = createSignal<Map<string, Client>>(new Map());
  const [loadError, setLoadError] = createSignal<string>();
  const notice = location.state?.notice;

  const load = async () => {
    setLoadError(undefined);
    try {
      const out = await listRecurring();
      setClients(await clientsOf(out.items.map((s) => s.clientId)));
      setItems(out.items);
    } catch (err) {
      setLoadError(errorMessage(err, 'Could not load the recurring invoices.'));
    }
  };
  onMount(() => {
    if (session.can('documents.view')) void load();
  });

  const client = (s: RecurringSeries) => clients().get(s.clientId);

  return (
    <Show when={session.can('documents.view')} fallback={<NoAccess title="Recurring invoices" />}>
      <div class="page page-wide">
        <ListPageHeader title="Recurring invoices" subtitle="Invoices made for you every month, quarter or year.">
          <div class="button-row">
            <Show when={canManage()}>
              <A href="/recurring/new" class="btn btn-primary">
                New recurring invoice
              </A>
            </Show>
          </div>
        </ListPageHeader>
        <SuccessNote message={notice} />

        <ListSection id="recurring" title="Recurring invoice list">
          <Switch fallback={<Loading label="Loading recurring invoices…" />}>
            <Match when={loadError()}>{(message) => <LoadError message={message()} onRetry={() => void load()} />}</Match>
            <Match when={items()?.length === 0}>
              <EmptyState>
                <p>
                  No recurring invoices yet
                  <Show when={canManage()} fallback=".">
                    {' — '}
                    <A href="/recurring/new">New recurring invoice</A>
                  </Show>
                </p>
              </EmptyState>
            </Match>
            <Match when={items()}>
              {(list) => (
                <DataTable
                  class="recurring-table"
                  caption="Recurring invoices"
                  columns={['Name', 'Client', 'Frequency', 'Next dates', 'Status', { label: 'Amount', class: 'num' }, 'Auto-send']}
                >
                  <For each={list()}>
                    {(s) => (
                      <tr data-series-id={s.id} data-status={s.status}>
                        <td class="recurring-name">
                          <A href={`/recurring/${s.id}`}>{s.name}</A>
                        </td>
                        <td>{client(s)?.name ?? '—'}</td>
                        <td>{frequencyLabel(s.frequency)}</td>
                        <td class="recurring-next">
                          <DayList days={s.nextDates} />
                        </td>
                        <td>
                          <span class={`badge recurring-status status-${s.status}`}>{seriesStatusLabel(s.status)}</span>
                        </td>
                        <td class="num recurring-amount">{formatCents(s.totalCents, client(s)?.currency)}</td>
                        <td class="recurring-autosend">{s.autoSend ? 'Yes' : 'No'}</td>
                      </tr>
                    )}
                  </For>
                </DataTable>
              )}
            </Match>
          </Switch>
        </ListSection>
      </div>
    </Show>
  );
}

/** /recurring/new */
export function NewRecurring() {
  const session = useSession();
  const navigate = useNavigate();
  return (
    <Show when={session.can('documents.manage')} fallback={<NoAccess title="New recurring invoice" />}>
      <div class="page page-wide">
        <nav class="breadcrumbs" aria-label="Breadcrumb">
          <A href="/recurring">Recurring invoices</A>
        </nav>
        <header class="page-header">
          <h1>New recurring invoice</h1>
          <p class="page-subtitle">The same invoice for a client on a schedule, made at 06:00 on each date in the company's time zone.</p>
        </header>
        <RecurringForm
          onSaved={(s) => navigate(`/recurring/${s.id}`, { state: { notice: `${s.name} is saved.${s.nextDates[0] ? ` Its first invoice is made on ${formatDay(s.nextDates[0])}.` : ''}` } })}
          onCancel={() => navigate('/recurring')}
        />
      </div>
    </Show>
  );
}

/** /recurring/:id — a series: its schedule, the invoices it made, pause / resume / skip next / end. */
export function RecurringDetail() {
  const params = useParams<{ id: string }>();
  return (
    <Show when={params.id} keyed>
      {(id) => <RecurringDetailFor id={id} />}
    </Show>
  );
}

type SeriesAction = 'pause' | 'resume' | 'skip' | 'end';

function RecurringDetailFor(props: { id: string }) {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation<PageState>();
  const canManage = () => session.can('documents.manage');
  const [series, setSeries] = createSignal<RecurringSeriesDetail>();
  const [client, setClient] = createSignal<Client>();
  const [loadError, setLoadError] = createSignal<string>();
  const [notice, setNotice] = createSignal<string | undefined>(location.state?.notice);
  const [editing, setEditing] = createSignal(false);

  const load = async () => {
    setLoadError(undefined);
    try {
      const s = await getRecurring(props.id);
      setClient(await getClient(s.clientId).catch(() => undefined));
      setSeries(s);
    } catch (err) {
      setLoadError(errorMessage(err, 'Could not load this recurring invoice.'));
    }
  };
  onMount(() => {
    if (session.can('documents.view')) void load();
  });

  const act = createAction(async (what: SeriesAction) => {
    const s = series();
    if (!s) return;
    setNotice(undefined);
    if (what === 'end') {
      if (!window.confirm(`End ${s.name}? No more invoices will be made. The invoices it already made stay.`)) return;
      await endRecurring(s.id);
      navigate('/recurring', { state: { notice: `${s.name} has ended.` } });
      return;
    }
    const skipped = s.nextDates[0];
    const out = await (what === 'pause' ? pauseRecurring : what === 'resume' ? resumeRecurring : skipRecurring)(s.id);
    setSeries({ ...s, ...out });
    setNotice(
      what === 'pause'
        ? `${s.name} is paused: no invoices are made until you resume it.`
        : what === 'resume'
          ? `${s.name} is running again.`
          : `The invoice of ${formatDay(skipped)} will not be made.`,
    );
  });

  const money = (cents: number) => formatCents(cents, client()?.currency);

  return (
    <Show when={session.can('documents.view')} fallback={<NoAccess title="Recurring invoice" />}>
      <div class="page page-wide recurring-page">
        <nav class="breadcrumbs" aria-label="Breadcrumb">
          <A href="/recurring">Recurring invoices</A>
        </nav>
        <Switch fallback={<Loading label="Loading recurring invoice…" />}>
          <Match when={loadError()}>{(message) => <LoadError message={message()} onRetry={() => void load()} />}</Match>
          <Match when={series()}>
            {(s) => (
              <>
                <header class="page-header">
                  <h1 class="recurring-title">{s().name}</h1>
                  <p class="page-subtitle">
                    <span class={`badge recurring-status status-${s().status}`}>{seriesStatusLabel(s().status)}</span>
                  </p>
                </header>
                <Show when={canManage()}>
                  <div class="button-row recurring-actions" role="group" aria-label={`${s().name} actions`}>
                    <Show when={s().status === 'active'}>
                      <button type="button" class="btn btn-secondary" onClick={() => void act.run('pause')} disabled={act.pending()}>
                        {act.isBusy('pause') ? 'Pausing…' : 'Pause'}
                      </button>
                      <Show when={s().nextDates.length > 0}>
                        <button type="button" class="btn btn-secondary" onClick={() => void act.run('skip')} disabled={act.pending()}>
                          {act.isBusy('skip') ? 'Skipping…' : `Skip next (${formatDay(s().nextDates[0])})`}
                        </button>
                      </Show>
                    </Show>
                    <Show when={s().status === 'paused'}>
                      <button type="button" class="btn btn-primary" onClick={() => void act.run('resume')} disabled={act.pending()}>
                        {act.isBusy('resume') ? 'Resuming…' : 'Resume'}
                      </button>
                    </Show>
                    <button type="button" class="btn btn-secondary" onClick={() => { setNotice(undefined); setEditing(true); }} disabled={act.pending() || editing()}>
                      Edit
                    </button>
                    <button type="button" class="btn btn-danger" onClick={() => void act.run('end')} disabled={act.pending()}>
                      {act.isBusy('end') ? 'Ending…' : 'End'}
                    </button>
                  </div>
                </Show>
                <SuccessNote message={notice()} />
                <FormError message={act.error()} />
                <Show when={editing()}>
                  <RecurringForm
                    series={s()}
                    onSaved={(saved) => {
                      setEditing(false);
                      setNotice(`${saved.name} is saved: invoices made from now on copy it.`);
                      void load();
                    }}
                    onCancel={() => setEditing(false)}
                  />
                </Show>

                <div class="stack">
                  <section class="card" aria-labelledby="recurring-schedule-title">
                    <h2 id="recurring-schedule-title">Schedule</h2>
                    <dl class="details-list recurring-details">
                      <div>
                        <dt>Client</dt>
                        <dd>
                          <Show when={client()} fallback="—">
                            {(c) => <A href={`/clients/${c().id}`}>{c().name}</A>}
                          </Show>
                        </dd>
                      </div>
                      <div>
                        <dt>Frequency</dt>
                        <dd class="recurring-frequency">{frequencyLabel(s().frequency)}</dd>
                      </div>
                      <div>
                        <dt>Starts</dt>
                        <dd>{formatDay(s().startDate)}</dd>
                      </div>
                      <div>
                        <dt>Ends</dt>
                        <dd>{s().endDate ? formatDay(s().endDate) : 'Never'}</dd>
                      </div>
                      <div>
                        <dt>Next invoices</dt>
                        <dd class="recurring-next">
                          <Show when={s().status !== 'paused'} fallback="None while paused">
                            <DayList days={s().nextDates} />
                          </Show>
                        </dd>
                      </div>
                      <Show when={s().skipDates.length > 0}>
                        <div>
                          <dt>Skipped</dt>
                          <dd class="recurring-skipped">
                            <DayList days={s().skipDates} />
                          </dd>
                        </div>
                      </Show>
                      <div>
                        <dt>Amount</dt>
                        <dd class="recurring-amount">{money(s().totalCents)}</dd>
                      </div>
                      <div>
                        <dt>Auto-send</dt>
                        <dd>{s().autoSend ? 'Each invoice is emailed to the client when it is made' : 'No: each invoice waits as a draft for you to send'}</dd>
                      </div>
                    </dl>
                  </section>

                  <section class="card recurring-invoices" aria-labelledby="recurring-invoices-title">
                    <h2 id="recurring-invoices-title">Invoices made</h2>
                    <Show
                      when={s().invoices.length > 0}
                      fallback={
                        <p class="muted">
                          None yet.{s().nextDates[0] ? ` The first is made on ${formatDay(s().nextDates[0])}.` : ''}
                        </p>
                      }
                    >
                      <DataTable
                        class="recurring-invoices-table"
                        caption="Invoices made"
                        columns={['Number', 'Date', 'Status', { label: 'Total', class: 'num' }]}
                      >
                        <For each={s().invoices}>
                          {(inv) => (
                            <tr data-document-id={inv.id}>
                              <td class="document-number">
                                <A href={`/documents/${inv.id}`}>{inv.number}</A>
                              </td>
                              <td>{formatDay(inv.occurrenceDate)}</td>
                              <td>
                                <span class={`badge document-status status-${inv.status}`}>{documentStatusLabel(inv.status)}</span>
                              </td>
                              <td class="num">{money(inv.totalCents)}</td>
                            </tr>
                          )}
                        </For>
                      </DataTable>
                    </Show>
                  </section>
                </div>
              </>
            )}
          </Match>
        </Switch>
      </div>
    </Show>
  );
}
