import { A } from '@solidjs/router';
import PagedListView from '../components/PagedListView';
import { createSignal, onMount, Show } from 'solid-js';
import CheckboxField from '../components/CheckboxField';
import ClientImportPanel from '../components/ClientImportPanel';
import ClientsTable from '../components/ClientsTable';
import NoAccess from '../components/NoAccess';
import SearchBox from '../components/SearchBox';
import { createPagedList } from '../pagedList';
import { useSession } from '../session';
import { CLIENTS_EXPORT_URL, listClients } from '../workApi';

/** /clients — search, list and page through clients; managers add new ones. */
export default function Clients() {
  const session = useSession();
  const canManage = () => session.can('clients.manage');
  const list = createPagedList(listClients, 'Could not load the clients.');
  const [q, setQ] = createSignal('');
  const [showDeleted, setShowDeleted] = createSignal(false);
  const [importing, setImporting] = createSignal(false);

  const search = () => list.load({ q: q() || undefined, includeDeleted: showDeleted() || undefined });
  onMount(() => {
    if (session.can('clients.view')) void search();
  });

  return (
    <Show when={session.can('clients.view')} fallback={<NoAccess title="Clients" />}>
      <div class="page page-wide">
        <header class="page-header page-header-row">
          <div>
            <h1>Clients</h1>
            <p class="page-subtitle">The people and businesses you work for.</p>
          </div>
          <div class="button-row">
            <a href={CLIENTS_EXPORT_URL} download="" class="btn btn-secondary">
              Export CSV
            </a>
            <Show when={canManage()}>
              <button
                type="button"
                class="btn btn-secondary"
                aria-expanded={importing() ? 'true' : 'false'}
                aria-controls="clients-import"
                onClick={() => setImporting((open) => !open)}
              >
                Import CSV
              </button>
              <A href="/clients/new" class="btn btn-primary">
                New client
              </A>
            </Show>
          </div>
        </header>

        <Show when={canManage() && importing()}>
          <ClientImportPanel id="clients-import" onImported={() => void search()} />
        </Show>

        <section class="card" aria-labelledby="clients-title">
          <h2 id="clients-title" class="sr-only">
            Client list
          </h2>
          <div class="list-toolbar">
            <SearchBox
              id="clients-search"
              label="Search clients"
              onSearch={(text) => {
                setQ(text);
                return search();
              }}
            />
            <Show when={canManage()}>
              <CheckboxField
                id="clients-show-deleted"
                name="includeDeleted"
                label="Show deleted clients"
                checked={showDeleted()}
                onChange={(checked) => {
                  setShowDeleted(checked);
                  void search();
                }}
              />
            </Show>
          </div>
          <PagedListView list={list} loadingLabel="Loading clients…" empty={
            <>
                <Show when={!q()} fallback={<p>No clients match “{q()}”.</p>}>
                  <p>
                    No clients yet
                    <Show when={canManage()} fallback=".">
                      {' — '}
                      <A href="/clients/new">Add your first client</A>
                    </Show>
                  </p>
                </Show>
            </>
          }>
            {(items) => (
              <>
                  <ClientsTable clients={items()} busy={list.loading()} />
              </>
            )}
          </PagedListView>
        </section>
      </div>
    </Show>
  );
}
