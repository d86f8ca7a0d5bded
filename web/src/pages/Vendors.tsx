import { onMount, Show } from 'solid-js';
import { createAction } from '../action';
import DataTable from '../components/DataTable';
import FormError from '../components/FormError';
import { EditableRows, NewItemButton, NewItemPanel, NoItemsYet } from '../components/InlineEditing';
import ListPageHeader from '../components/ListPageHeader';
import ListSection from '../components/ListSection';
import ListToolbar from '../components/ListToolbar';
import NoAccess from '../components/NoAccess';
import PagedListView from '../components/PagedListView';
import { SuccessNote } from '../components/PageStatus';
import RowActionButton from '../components/RowActionButton';
import VendorForm from '../components/VendorForm';
import { createInlineEditor } from '../inlineEditor';
import { createSearchableList } from '../searchableList';
import { useSession } from '../session';
import { deleteVendor, listVendors, restoreVendor, type Vendor } from '../workApi';

const COLUMNS = 6;
const editButtonId = (id: string) => `vendor-edit-${id}`;

/** Only web addresses become links; anything else is shown as typed. */
const webLink = (website: string) => (/^https?:\/\/\S+$/i.test(website) ? website : undefined);

/** /vendors — the businesses you buy from: search, page through; managers add, edit, delete and restore inline. */
export default function Vendors() {
  const session = useSession();
  const canManage = () => session.can('clients.manage');
  const filter = createSearchableList(listVendors, 'Could not load the vendors.');
  const list = filter.list;
  const editor = createInlineEditor({ list, editButtonId, onStart: () => act.clearError() });

  onMount(() => {
    if (session.can('clients.view')) void filter.search();
  });

  /** Keyed "<vendorId>:delete" or "<vendorId>:restore". */
  const act = createAction(async (key: string) => {
    const [id, action] = key.split(':') as [string, 'delete' | 'restore'];
    const vendor = list.items()?.find((v) => v.id === id);
    if (!vendor) return;
    editor.setNotice(undefined);
    if (action === 'delete') {
      if (!window.confirm(`Delete ${vendor.name}? You can restore it later.`)) return;
      await deleteVendor(vendor.id);
      if (filter.showDeleted()) list.replace((v) => v.id === vendor.id, { ...vendor, deletedAt: new Date().toISOString() });
      else list.remove((v) => v.id === vendor.id);
      editor.setNotice(`${vendor.name} was deleted.`);
    } else {
      const restored = await restoreVendor(vendor.id);
      list.replace((v) => v.id === vendor.id, restored);
      editor.setNotice(`${restored.name} was restored.`);
    }
  });

  return (
    <Show when={session.can('clients.view')} fallback={<NoAccess title="Vendors" />}>
      <div class="page page-wide">
        <ListPageHeader title="Vendors" subtitle="The businesses and merchants you buy from.">
          <Show when={canManage()}>
            <NewItemButton editor={editor} controls="vendors-new">
              New vendor
            </NewItemButton>
          </Show>
        </ListPageHeader>
        <SuccessNote message={editor.notice()} />
        <FormError message={act.error()} />

        <NewItemPanel editor={editor} id="vendors-new" titleId="vendors-new-title" title="New vendor">
          <VendorForm idPrefix="vendor-new" onSaved={editor.created} onCancel={() => editor.stop()} />
        </NewItemPanel>

        <ListSection id="vendors" title="Vendor list">
          <ListToolbar filter={filter} noun="vendors" canShowDeleted={canManage()} />
          <PagedListView
            list={list}
            loadingLabel="Loading vendors…"
            empty={
              <Show when={!filter.q()} fallback={<p>No vendors match “{filter.q()}”.</p>}>
                <NoItemsYet editor={editor} canAdd={canManage()} text="No vendors yet" addLabel="Add your first vendor" />
              </Show>
            }
          >
            {(items) => (
              <DataTable
                class="vendors-table"
                caption="Vendors"
                columns={['Name', 'Email', 'Phone', 'Website', 'Tax ID']}
                actions
                busy={list.loading()}
              >
                <EditableRows
                  items={items()}
                  editor={editor}
                  columns={COLUMNS}
                  attrs={(vendor) => ({ 'data-vendor-id': vendor.id })}
                  row={(vendor) => (
                    <VendorRow
                      vendor={vendor}
                      canManage={canManage()}
                      busy={editor.busy() || act.pending()}
                      busyAction={act.isBusy(`${vendor.id}:delete`) ? 'delete' : act.isBusy(`${vendor.id}:restore`) ? 'restore' : undefined}
                      onEdit={() => editor.start(vendor.id)}
                      onDelete={() => void act.run(`${vendor.id}:delete`)}
                      onRestore={() => void act.run(`${vendor.id}:restore`)}
                    />
                  )}
                  form={(vendor) => (
                    <VendorForm
                      vendor={vendor}
                      idPrefix={`vendor-${vendor.id}`}
                      onSaved={editor.saved}
                      onCancel={() => editor.cancelEdit(vendor.id)}
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
                  <RowActionButton id={editButtonId(v().id)} label={`Edit ${v().name}`} text="Edit" onClick={props.onEdit} disabled={props.busy} />
                  <RowActionButton
                    label={`Delete ${v().name}`}
                    text="Delete"
                    workingText="Deleting…"
                    working={props.busyAction === 'delete'}
                    onClick={props.onDelete}
                    disabled={props.busy}
                  />
                </>
              }
            >
              <RowActionButton
                label={`Restore ${v().name}`}
                text="Restore"
                workingText="Restoring…"
                working={props.busyAction === 'restore'}
                onClick={props.onRestore}
                disabled={props.busy}
              />
            </Show>
          </div>
        </Show>
      </td>
    </tr>
  );
}
