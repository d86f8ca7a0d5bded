import { A, useLocation, useNavigate, useParams } from '@solidjs/router';
import { createSignal, Match, onMount, Show, Switch } from 'solid-js';
import { createAction, errorMessage } from '../action';
import ClientContacts from '../components/ClientContacts';
import ClientForm from '../components/ClientForm';
import ClientMoney from '../components/ClientMoney';
import ClientTimeline from '../components/ClientTimeline';
import FormError from '../components/FormError';
import NoAccess from '../components/NoAccess';
import { LoadError, Loading, SuccessNote } from '../components/PageStatus';
import { formatDate } from '../format';
import { useSession } from '../session';
import { deleteClient, getClient, restoreClient, type Client } from '../workApi';

/** Shown after navigating here from a create. */
interface PageState {
  notice?: string;
}

/** /clients/new and /clients/:id — the client form; managers also delete and restore. */
export default function ClientPage() {
  const params = useParams<{ id?: string }>();
  return (
    <Show when={params.id ?? 'new'} keyed>
      {(id) => <ClientPageFor id={id === 'new' ? undefined : id} />}
    </Show>
  );
}

function ClientPageFor(props: { id: string | undefined }) {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation<PageState>();
  const canManage = () => session.can('clients.manage');
  const [client, setClient] = createSignal<Client>();
  const [loadError, setLoadError] = createSignal<string>();
  const [notice, setNotice] = createSignal<string | undefined>(location.state?.notice);
  /** Bumped after every change here, so the timeline shows it. */
  const [changes, setChanges] = createSignal(0);
  const changed = () => setChanges((n) => n + 1);

  const load = async () => {
    if (!props.id) return;
    setLoadError(undefined);
    try {
      setClient(await getClient(props.id));
    } catch (err) {
      setLoadError(errorMessage(err, 'Could not load this client.'));
    }
  };
  onMount(() => {
    if (session.can('clients.view')) void load();
  });

  const remove = createAction(async (current: Client) => {
    if (!window.confirm(`Delete ${current.name}? You can restore it later.`)) return;
    setNotice(undefined);
    await deleteClient(current.id);
    setClient({ ...current, deletedAt: new Date().toISOString() });
    setNotice(`${current.name} was deleted.`);
    changed();
  });

  const restore = createAction(async (current: Client) => {
    setNotice(undefined);
    setClient(await restoreClient(current.id));
    setNotice(`${current.name} was restored.`);
    changed();
  });

  const title = () => (props.id ? (client()?.name ?? 'Client') : 'New client');

  return (
    <Show when={session.can('clients.view') && (props.id || canManage())} fallback={<NoAccess title={title()} />}>
      <div class="page">
        <nav class="breadcrumbs" aria-label="Breadcrumb">
          <A href="/clients">Clients</A>
        </nav>
        <header class="page-header">
          <h1>{title()}</h1>
          <Show when={client()?.deletedAt}>
            {(deletedAt) => (
              <p class="page-subtitle">
                <span class="badge status-deleted">Deleted</span> on {formatDate(deletedAt())}. Restore it to make changes.
              </p>
            )}
          </Show>
          <Show when={session.can('documents.manage') && !client()?.deletedAt && client()}>
            {(current) => (
              <div class="button-row">
                <A href={`/invoices?new=1&clientId=${encodeURIComponent(current().id)}`} class="btn btn-primary">
                  New invoice
                </A>
              </div>
            )}
          </Show>
        </header>
        <SuccessNote message={notice()} />
        <FormError message={remove.error() ?? restore.error()} />
        <Show when={session.can('documents.view') && client()?.id}>
          {(id) => (
            <div class="stack client-money-stack">
              <ClientMoney clientId={id()} />
            </div>
          )}
        </Show>
        <section class="card">
          <Switch fallback={<Loading label="Loading client…" />}>
            <Match when={!props.id}>
              <ClientForm
                canEdit={canManage()}
                onSaved={(created) => navigate(`/clients/${created.id}`, { state: { notice: 'Client saved.' } })}
              />
            </Match>
            <Match when={loadError()}>{(message) => <LoadError message={message()} onRetry={load} />}</Match>
            <Match when={client()}>
              {(current) => (
                <Show when={`${current().id}:${current().deletedAt ?? ''}`} keyed>
                  {(_version) => (
                    <ClientForm
                      client={current()}
                      canEdit={canManage() && !current().deletedAt}
                      onSaved={(saved) => {
                        setClient(saved);
                        setNotice('Client saved.');
                        changed();
                      }}
                    />
                  )}
                </Show>
              )}
            </Match>
          </Switch>
        </section>
        <Show when={canManage() && client()}>
          {(current) => (
            <div class="button-row page-actions">
              <Show
                when={current().deletedAt}
                fallback={
                  <button
                    type="button"
                    class="btn btn-secondary"
                    onClick={() => void remove.run(current())}
                    disabled={remove.pending()}
                  >
                    {remove.pending() ? 'Deleting…' : 'Delete client'}
                  </button>
                }
              >
                <button
                  type="button"
                  class="btn btn-primary"
                  onClick={() => void restore.run(current())}
                  disabled={restore.pending()}
                >
                  {restore.pending() ? 'Restoring…' : 'Restore client'}
                </button>
              </Show>
            </div>
          )}
        </Show>
        <Show when={client()?.id}>
          {(id) => <ClientContacts clientId={id()} canManage={canManage() && !client()?.deletedAt} onChanged={changed} />}
        </Show>
        <Show when={client()?.id}>{(id) => <ClientTimeline clientId={id()} version={changes()} />}</Show>
      </div>
    </Show>
  );
}
