import { A } from '@solidjs/router';
import { onMount, Show } from 'solid-js';
import CatalogItemForm from '../components/CatalogItemForm';
import DataTable from '../components/DataTable';
import { EditableRows, NewItemButton, NewItemPanel, NoItemsYet } from '../components/InlineEditing';
import ListPageHeader from '../components/ListPageHeader';
import ListSection from '../components/ListSection';
import NoAccess from '../components/NoAccess';
import PagedListView from '../components/PagedListView';
import { SuccessNote } from '../components/PageStatus';
import RowActionButton from '../components/RowActionButton';
import { createInlineEditor } from '../inlineEditor';
import { formatCents } from '../money';
import { createPagedList } from '../pagedList';
import { useSession } from '../session';
import { listCatalog, type CatalogItem } from '../workApi';
import { catalogTypeLabel } from '../workLabels';

const COLUMNS = 7;
const editButtonId = (id: string) => `catalog-edit-${id}`;

/** /catalog — the services and products projects and invoices draw from; admins add and edit them inline. */
export default function Catalog() {
  const session = useSession();
  const canManage = () => session.can('catalog.manage');
  const list = createPagedList(listCatalog, 'Could not load the catalog.');
  const editor = createInlineEditor({ list, editButtonId });

  onMount(() => {
    if (session.can('clients.view')) void list.load({});
  });

  return (
    <Show when={session.can('clients.view')} fallback={<NoAccess title="Catalog" />}>
      <div class="page page-wide">
        <nav class="breadcrumbs" aria-label="Breadcrumb">
          <A href="/projects">Projects</A>
        </nav>
        <ListPageHeader title="Catalog" subtitle="Services and products with their rates.">
          <Show when={canManage()}>
            <NewItemButton editor={editor} controls="catalog-new-item">
              New item
            </NewItemButton>
          </Show>
        </ListPageHeader>
        <SuccessNote message={editor.notice()} />

        <NewItemPanel editor={editor} id="catalog-new-item" titleId="catalog-new-title" title="New item">
          <CatalogItemForm idPrefix="catalog-new" onSaved={editor.created} onCancel={() => editor.stop()} />
        </NewItemPanel>

        <ListSection id="catalog" title="Catalog items">
          <PagedListView
            list={list}
            loadingLabel="Loading the catalog…"
            empty={<NoItemsYet editor={editor} canAdd={canManage()} text="No catalog items yet" addLabel="Add your first item" />}
          >
            {(items) => (
              <DataTable
                class="catalog-table"
                caption="Catalog items"
                columns={['Name', 'Type', 'Description', 'Rate', 'Taxable', 'Active']}
                actions
              >
                <EditableRows
                  items={items()}
                  editor={editor}
                  columns={COLUMNS}
                  attrs={(item) => ({ 'data-item-id': item.id })}
                  row={(item) => (
                    <CatalogRow item={item} canManage={canManage()} busy={editor.busy()} onEdit={() => editor.start(item.id)} />
                  )}
                  form={(item) => (
                    <CatalogItemForm
                      item={item}
                      idPrefix={`catalog-${item.id}`}
                      onSaved={editor.saved}
                      onCancel={() => editor.cancelEdit(item.id)}
                    />
                  )}
                />
              </DataTable>
            )}
          </PagedListView>
        </ListSection>
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
          <RowActionButton
            id={editButtonId(props.item.id)}
            label={`Edit ${props.item.name}`}
            text="Edit"
            onClick={props.onEdit}
            disabled={props.busy}
          />
        </Show>
      </td>
    </tr>
  );
}
