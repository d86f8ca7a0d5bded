import { A } from '@solidjs/router';
import PagedListView from '../components/PagedListView';
import { createSignal, For, onMount, Show } from 'solid-js';
import CatalogItemForm from '../components/CatalogItemForm';
import NoAccess from '../components/NoAccess';
import { SuccessNote } from '../components/PageStatus';
import { formatCents } from '../money';
import { createPagedList } from '../pagedList';
import { useSession } from '../session';
import { listCatalog, type CatalogItem } from '../workApi';
import { catalogTypeLabel } from '../workLabels';

const COLUMNS = 7;

/** /catalog — the services and products projects and invoices draw from; admins add and edit them inline. */
export default function Catalog() {
  const session = useSession();
  const canManage = () => session.can('catalog.manage');
  const list = createPagedList(listCatalog, 'Could not load the catalog.');
  /** 'new', an item id being edited, or nothing. One form at a time. */
  const [editing, setEditing] = createSignal<string>();
  const [notice, setNotice] = createSignal<string>();
  let newButton: HTMLButtonElement | undefined;

  onMount(() => {
    if (session.can('clients.view')) void list.load({});
  });

  const startEditing = (key: string) => {
    setNotice(undefined);
    setEditing(key);
  };

  const stopEditing = (focusId?: string) => {
    setEditing(undefined);
    queueMicrotask(() => (focusId ? document.getElementById(focusId)?.focus() : newButton?.focus()));
  };

  return (
    <Show when={session.can('clients.view')} fallback={<NoAccess title="Catalog" />}>
      <div class="page page-wide">
        <nav class="breadcrumbs" aria-label="Breadcrumb">
          <A href="/projects">Projects</A>
        </nav>
        <header class="page-header page-header-row">
          <div>
            <h1>Catalog</h1>
            <p class="page-subtitle">Services and products with their rates.</p>
          </div>
          <Show when={canManage()}>
            <button
              ref={newButton}
              type="button"
              class="btn btn-primary"
              aria-expanded={editing() === 'new' ? 'true' : 'false'}
              aria-controls="catalog-new-item"
              onClick={() => (editing() === 'new' ? stopEditing() : startEditing('new'))}
            >
              New item
            </button>
          </Show>
        </header>
        <SuccessNote message={notice()} />

        <Show when={editing() === 'new'}>
          <section id="catalog-new-item" class="card catalog-new" aria-labelledby="catalog-new-title">
            <h2 id="catalog-new-title">New item</h2>
            <CatalogItemForm
              idPrefix="catalog-new"
              onSaved={(item) => {
                list.prepend(item);
                setNotice(`${item.name} added.`);
                stopEditing();
              }}
              onCancel={() => stopEditing()}
            />
          </section>
        </Show>

        <section class="card" aria-labelledby="catalog-title">
          <h2 id="catalog-title" class="sr-only">
            Catalog items
          </h2>
          <PagedListView list={list} loadingLabel="Loading the catalog…" empty={
            <>
                <p>
                  No catalog items yet
                  <Show when={canManage()} fallback=".">
                    {' — '}
                    <button type="button" class="btn btn-link" onClick={() => startEditing('new')}>
                      Add your first item
                    </button>
                  </Show>
                </p>
            </>
          }>
            {(items) => (
              <>
                  <div class="table-wrap">
                    <table class="table catalog-table">
                      <caption class="sr-only">Catalog items</caption>
                      <thead>
                        <tr>
                          <th scope="col">Name</th>
                          <th scope="col">Type</th>
                          <th scope="col">Description</th>
                          <th scope="col">Rate</th>
                          <th scope="col">Taxable</th>
                          <th scope="col">Active</th>
                          <th scope="col">
                            <span class="sr-only">Actions</span>
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={items()}>
                          {(item) => (
                            <Show
                              when={editing() === item.id}
                              fallback={
                                <CatalogRow
                                  item={item}
                                  canManage={canManage()}
                                  busy={editing() !== undefined}
                                  onEdit={() => startEditing(item.id)}
                                />
                              }
                            >
                              <tr class="is-editing" data-item-id={item.id}>
                                <td colSpan={COLUMNS}>
                                  <CatalogItemForm
                                    item={item}
                                    idPrefix={`catalog-${item.id}`}
                                    onSaved={(saved) => {
                                      list.replace((i) => i.id === item.id, saved);
                                      setNotice(`${saved.name} saved.`);
                                      stopEditing(`catalog-edit-${item.id}`);
                                    }}
                                    onCancel={() => stopEditing(`catalog-edit-${item.id}`)}
                                  />
                                </td>
                              </tr>
                            </Show>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
              </>
            )}
          </PagedListView>
        </section>
      </div>
    </Show>
  );
}

function CatalogRow(props: { item: CatalogItem; canManage: boolean; busy: boolean; onEdit: () => void }) {
  return (
    <tr data-item-id={props.item.id} classList={{ 'is-inactive': !props.item.active }}>
      <td class="catalog-name">{props.item.name}</td>
      <td>{catalogTypeLabel(props.item.type)}</td>
      <td class="muted">{props.item.description || '—'}</td>
      <td class="nowrap catalog-rate">{formatCents(props.item.rateCents, props.item.currency)}</td>
      <td>{props.item.taxable ? 'Yes' : 'No'}</td>
      <td>{props.item.active ? 'Yes' : 'No'}</td>
      <td class="cell-actions">
        <Show when={props.canManage}>
          <button
            id={`catalog-edit-${props.item.id}`}
            type="button"
            class="btn btn-secondary btn-sm"
            aria-label={`Edit ${props.item.name}`}
            onClick={() => props.onEdit()}
            disabled={props.busy}
          >
            Edit
          </button>
        </Show>
      </td>
    </tr>
  );
}
