import { createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { createAction, errorMessage } from '../action';
import AuditEventRow from '../components/AuditEventRow';
import DataTable from '../components/DataTable';
import FormField from '../components/FormField';
import FormShell from '../components/FormShell';
import NoAccess from '../components/NoAccess';
import { LoadError, Loading } from '../components/PageStatus';
import SubmitButton from '../components/SubmitButton';
import { createForm } from '../form';
import { listAuditEvents, type AuditEvent, type AuditQuery } from '../identityApi';
import { useSession } from '../session';

interface Loaded {
  items: AuditEvent[];
  nextCursor: string | null;
}

/** /audit — who did what in this company, newest first, filterable, paged by cursor. */
export default function AuditLog() {
  const session = useSession();
  const [loaded, setLoaded] = createSignal<Loaded>();
  const [loadError, setLoadError] = createSignal<string>();
  let applied: AuditQuery = {};

  const fetchFirst = async (query: AuditQuery) => {
    const page = await listAuditEvents(query);
    applied = query;
    setLoaded({ items: page.items, nextCursor: page.nextCursor ?? null });
    setLoadError(undefined);
  };

  const loadInitial = async () => {
    setLoadError(undefined);
    try {
      await fetchFirst(applied);
    } catch (err) {
      setLoadError(errorMessage(err, 'Could not load the audit log.'));
    }
  };
  onMount(() => {
    if (session.can('audit.view')) void loadInitial();
  });

  const filters = createForm({
    fields: ['action', 'from', 'to'] as const,
    idPrefix: 'audit',
    submit: async (v) => {
      await fetchFirst({ action: v.action.trim() || undefined, from: v.from || undefined, to: v.to || undefined });
    },
  });

  const clearFilters = async () => {
    filters.reset();
    setLoaded(undefined);
    applied = {};
    await loadInitial();
  };

  const more = createAction(async (cursor: string) => {
    const page = await listAuditEvents({ ...applied, cursor });
    setLoaded((prev) => ({ items: [...(prev?.items ?? []), ...page.items], nextCursor: page.nextCursor ?? null }));
  });

  return (
    <Show when={session.can('audit.view')} fallback={<NoAccess title="Audit log" />}>
      <div class="page page-wide">
        <header class="page-header">
          <h1>Audit log</h1>
          <p class="page-subtitle">Every sign-in, invitation, role change and setting change in {session.me().company?.name}.</p>
        </header>

        <section class="card filters-card" aria-labelledby="audit-filters-title">
          <h2 id="audit-filters-title" class="sr-only">
            Filter events
          </h2>
          <FormShell form={filters} class="filters" labelledBy="audit-filters-title">
            <FormField {...filters.field('action')} label="Action" type="search" hint="e.g. member.invited" />
            <FormField {...filters.field('from')} label="From" type="date" />
            <FormField {...filters.field('to')} label="To" type="date" />
            <div class="filters-actions">
              <SubmitButton pending={filters.pending()} working="Filtering…">
                Apply filters
              </SubmitButton>
              <button type="button" class="btn btn-secondary" onClick={() => void clearFilters()} disabled={filters.pending()}>
                Clear
              </button>
            </div>
          </FormShell>
        </section>

        <section class="card" aria-labelledby="audit-events-title">
          <h2 id="audit-events-title" class="sr-only">
            Events
          </h2>
          <Switch fallback={<Loading />}>
            <Match when={loaded()}>
              {(page) => (
                <Show when={page().items.length > 0} fallback={<p class="muted audit-empty">No events match these filters.</p>}>
                  <DataTable
                    class="audit-table"
                    caption="Audit events, newest first"
                    columns={['Time', 'Actor', 'Action', 'Object', 'Request ID', 'Changes']}
                  >
                    <For each={page().items}>{(event) => <AuditEventRow event={event} />}</For>
                  </DataTable>
                  <Show when={more.error()}>
                    <p class="inline-error" role="alert">
                      {more.error()}
                    </p>
                  </Show>
                  <Show when={page().nextCursor}>
                    {(cursor) => (
                      <div class="load-more">
                        <button
                          type="button"
                          class="btn btn-secondary"
                          onClick={() => void more.run(cursor())}
                          disabled={more.pending()}
                        >
                          {more.pending() ? 'Loading…' : 'Load more'}
                        </button>
                      </div>
                    )}
                  </Show>
                </Show>
              )}
            </Match>
            <Match when={loadError()}>{(message) => <LoadError message={message()} onRetry={loadInitial} />}</Match>
          </Switch>
        </section>
      </div>
    </Show>
  );
}
