import { createSignal, For, onMount, Show } from 'solid-js';
import { createAction } from '../action';
import CheckboxField from '../components/CheckboxField';
import NoAccess from '../components/NoAccess';
import PagedListView from '../components/PagedListView';
import { SuccessNote } from '../components/PageStatus';
import SearchBox from '../components/SearchBox';
import VendorForm from '../components/VendorForm';
import { createPagedList } from '../pagedList';
import { useSession } from '../session';
import { deleteVendor, listVendors, restoreVendor, type Vendor } from '../workApi';

const COLUMNS = 6;

/** Only web addresses become links; anything else is shown as typed. */
const webLink = (website: string) => (/^https?:\/\/\S+$/i.test(website) ? website : undefined);

/** /vendors — the businesses you buy from: search, page through; managers add, edit, delete and restore inline. */
export default function Vendors() {
  const session = useSession();
  const canManage = () => session.can('clients.manage');
  const list = createPagedList(listVendors, 'Could not load the vendors.');
  const [q, setQ] = createSignal('');
  const [showDeleted, setShowDeleted] = createSignal(false);
  /** 'new', a vendor id being edited, or nothing. One form at a time. */
  const [editing, setEditing] = createSignal<string>();
  const [notice, setNotice] = createSignal<string>();
  let newButton: HTMLButtonElement | undefined;

  const search = () => list.load({ q: q() || undefined, includeDeleted: showDeleted() || undefined });
  onMount(() => {
    if (session.can('clients.view')) void search();
  });

  const startEditing = (key: string) => {
    setNotice(undefined);
    act.clearError();
    setEditing(key);
  };

  const stopEditing = (focusId?: string) => {
    setEditing(undefined);
    queueMicrotask(() => (focusId ? document.getElementById(focusId)?.focus() : newButton?.focus()));
  };

  /** Keyed "<vendorId>:delete" or "<vendorId>:restore". */
  const act = createAction(async (key: string) => {
    const [id, action] = key.split(':') as [string, 'delete' | 'restore'];
    const vendor = list.items()?.find((v) => v.id === id);
    if (!vendor) return;
    setNotice(undefined);
    if (action === 'delete') {
      if (!window.confirm(`Delete ${vendor.name}? You can restore it later.`)) return;
      await deleteVendor(vendor.id);
      if (showDeleted()) list.replace((v) => v.id === vendor.id, { ...vendor, deletedAt: new Date().toISOString() });
      else list.remove((v) => v.id === vendor.id);
      setNotice(`${vendor.name} was deleted.`);
    } else {
      const restored = await restoreVendor(vendor.id);
      list.replace((v) => v.id === vendor.id, restored);
      setNotice(`${restored.name} was restored.`);
    }
  });

  return (
    <Show when={session.can('clients.view')} fallback={<NoAccess title="Vendors" />}>
      <div class="page page-wide">
        <header class="page-header page-header-row">
          <div>
            <h1>Vendors</h1>
            <p class="page-subtitle">The businesses and merchants you buy from.</p>
          </div>
          <Show when={canManage()}>
            <button
              ref={newButton}
              type="button"
              class="btn btn-primary"
              aria-expanded={editing() === 'new' ? 'true' : 'false'}
              aria-controls="vendors-new"
              onClick={() => (editing() === 'new' ? stopEditing() : startEditing('new'))}
            >
              New vendor
            </button>
          </Show>
        </header>
        <SuccessNote message={notice()} />
        <Show when={act.error()}>
          <div class="form-error" role="alert">
            {act.error()}
          </div>
        </Show>

        <Show when={editing() === 'new'}>
          <section id="vendors-new" class="card catalog-new" aria-labelledby="vendors-new-title">
            <h2 id="vendors-new-title">New vendor</h2>
            <VendorForm
              idPrefix="vendor-new"
              onSaved={(vendor) => {
                list.prepend(vendor);
                setNotice(`${vendor.name} added.`);
                stopEditing();
              }}
              onCancel={() => stopEditing()}
            />
          </section>
        </Show>

        <section class="card" aria-labelledby="vendors-title">
          <h2 id="vendors-title" class="sr-only">
            Vendor list
          </h2>
          <div class="list-toolbar">
            <SearchBox
              id="vendors-search"
              label="Search vendors"
              onSearch={(text) => {
                setQ(text);
                return search();
              }}
            />
            <Show when={canManage()}>
              <CheckboxField
                id="vendors-show-deleted"
                name="includeDeleted"
                label="Show deleted vendors"
                checked={showDeleted()}
                onChange={(checked) => {
                  setShowDeleted(checked);
                  void search();
                }}
              />
            </Show>
          </div>
          <PagedListView
            list={list}
            loadingLabel="Loading vendors…"
            empty={
              <Show when={!q()} fallback={<p>No vendors match “{q()}”.</p>}>
                <p>
                  No vendors yet
                  <Show when={canManage()} fallback=".">
                    {' — '}
                    <button type="button" class="btn btn-link" onClick={() => startEditing('new')}>
                      Add your first vendor
                    </button>
                  </Show>
                </p>
              </Show>
            }
          >
            {(items) => (
              <div class="table-wrap" aria-busy={list.loading() ? 'true' : 'false'}>
                <table class="table vendors-table">
                  <caption class="sr-only">Vendors</caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Email</th>
                      <th scope="col">Phone</th>
                      <th scope="col">Website</th>
                      <th scope="col">Tax ID</th>
                      <th scope="col">
                        <span class="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={items()}>
                      {(vendor) => (
                        <Show
                          when={editing() === vendor.id}
                          fallback={
                            <VendorRow
                              vendor={vendor}
                              canManage={canManage()}
                              busy={editing() !== undefined || act.pending()}
                              busyAction={act.isBusy(`${vendor.id}:delete`) ? 'delete' : act.isBusy(`${vendor.id}:restore`) ? 'restore' : undefined}
                              onEdit={() => startEditing(vendor.id)}
                              onDelete={() => void act.run(`${vendor.id}:delete`)}
                              onRestore={() => void act.run(`${vendor.id}:restore`)}
                            />
                          }
                        >
                          <tr class="is-editing" data-vendor-id={vendor.id}>
                            <td colSpan={COLUMNS}>
                              <VendorForm
                                vendor={vendor}
                                idPrefix={`vendor-${vendor.id}`}
                                onSaved={(saved) => {
                                  list.replace((v) => v.id === vendor.id, saved);
                                  setNotice(`${saved.name} saved.`);
                                  stopEditing(`vendor-edit-${vendor.id}`);
                                }}
                                onCancel={() => stopEditing(`vendor-edit-${vendor.id}`)}
                              />
                            </td>
                          </tr>
                        </Show>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            )}
          </PagedListView>
        </section>
      </div>
    </Show>
  );
}

function VendorRow(props: {
  vendor: Vendor;
  canManage: boolean;
  busy: boolean;
  busyAction: 'delete' | 'restore' | undefined;
  onEdit: () => void;
  onDelete: () => void;
  onRestore: () => void;
}) {
  const v = () => props.vendor;
  return (
    <tr data-vendor-id={v().id} classList={{ 'is-deleted': !!v().deletedAt }}>
      <td class="vendor-name">
        {v().name}
        <Show when={v().deletedAt}>
          {' '}
          <span class="badge status-deleted">Deleted</span>
        </Show>
        <Show when={v().notes}>
          <p class="vendor-notes small muted">{v().notes}</p>
        </Show>
      </td>
      <td class="vendor-email">
        <Show when={v().email} fallback="—">
          {(email) => <a href={`mailto:${email()}`}>{email()}</a>}
        </Show>
      </td>
      <td class="nowrap">{v().phone || '—'}</td>
      <td class="vendor-website">
        <Show when={v().website} fallback="—">
          {(website) => (
            <Show when={webLink(website())} fallback={website()}>
              {(href) => (
                <a href={href()} target="_blank" rel="noopener noreferrer">
                  {website()}
                </a>
              )}
            </Show>
          )}
        </Show>
      </td>
      <td class="nowrap">{v().taxId || '—'}</td>
      <td class="cell-actions">
        <Show when={props.canManage}>
          <div class="row-actions">
            <Show
              when={v().deletedAt}
              fallback={
                <>
                  <button
                    id={`vendor-edit-${v().id}`}
                    type="button"
                    class="btn btn-secondary btn-sm"
                    aria-label={`Edit ${v().name}`}
                    onClick={() => props.onEdit()}
                    disabled={props.busy}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    class="btn btn-secondary btn-sm"
                    aria-label={`Delete ${v().name}`}
                    onClick={() => props.onDelete()}
                    disabled={props.busy}
                  >
                    {props.busyAction === 'delete' ? 'Deleting…' : 'Delete'}
                  </button>
                </>
              }
            >
              <button
                type="button"
                class="btn btn-secondary btn-sm"
                aria-label={`Restore ${v().name}`}
                onClick={() => props.onRestore()}
                disabled={props.busy}
              >
                {props.busyAction === 'restore' ? 'Restoring…' : 'Restore'}
              </button>
            </Show>
          </div>
        </Show>
      </td>
    </tr>
  );
}
