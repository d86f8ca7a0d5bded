import { A } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import ClientsTable from '../components/ClientsTable';
import CsvImportPanel from '../components/CsvImportPanel';
import ListPageHeader from '../components/ListPageHeader';
import ListSection from '../components/ListSection';
import ListToolbar from '../components/ListToolbar';
import NoAccess from '../components/NoAccess';
import PagedListView from '../components/PagedListView';
import { createSearchableList } from '../searchableList';
import { useSession } from '../session';
import { CLIENTS_EXPORT_URL, importClients, listClients } from '../workApi';

/** The columns `POST /clients/import` understands (docs/work.md, "CSV"). */
const CLIENT_IMPORT_COLUMNS = [
  'name', 'kind', 'email', 'phone', 'tax_id', 'currency', 'payment_terms_days', 'tags', 'notes',
  'address_line1', 'address_line2', 'city', 'state', 'postal_code', 'country',
];

/** /clients — search, list and page through clients; managers add new ones. */
export default function Clients() {
  const session = useSession();
  const canManage = () => session.can('clients.manage');
  const filter = createSearchableList(listClients, 'Could not load the clients.');
  const { list, q, search } = filter;
  const [importing, setImporting] = createSignal(false);

  onMount(() => {
    if (session.can('clients.view')) void search();
  });

  return (
    <Show when={session.can('clients.view')} fallback={<NoAccess title="Clients" />}>
      <div class="page page-wide">
        <ListPageHeader title="Clients" subtitle="The people and businesses you work for.">
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
        </ListPageHeader>

        <Show when={canManage() && importing()}>
          <CsvImportPanel
            id="clients-import"
            title="Import clients from CSV"
            intro={
              <>
                The first row names the columns; only <code>name</code> is required. Columns:{' '}
                <code>{CLIENT_IMPORT_COLUMNS.join(', ')}</code>. Separate tags with <code>;</code>.
              </>
            }
            noun={['client', 'clients']}
            run={importClients}
            onImported={() => void search()}
          />
        </Show>

        <ListSection id="clients" title="Client list">
          <ListToolbar filter={filter} noun="clients" canShowDeleted={canManage()} />
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
                  <ClientsTable clients={items()} busy={list.loading()} showOwed={session.can('documents.view')} />
              </>
            )}
          </PagedListView>
        </ListSection>
      </div>
    </Show>
  );
}
