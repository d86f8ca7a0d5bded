import { onMount, Show } from 'solid-js';
import { createAction } from '../action';
import { createInlineEditor } from '../inlineEditor';
import { createPagedList } from '../pagedList';
import { deleteClientContact, listClientContacts, updateClientContact, type ClientContact } from '../workApi';
import ClientContactForm from './ClientContactForm';
import DataTable from './DataTable';
import FormError from './FormError';
import { EditableRows, NewItemButton, NoItemsYet } from './InlineEditing';
import PagedListView from './PagedListView';
import { SuccessNote } from './PageStatus';
import RowActionButton from './RowActionButton';

const COLUMNS = 5;
const editButtonId = (id: string) => `contact-edit-${id}`;

/** A client's contacts, primary first; managers add, edit, remove and mark one primary in place. */
export default function ClientContacts(props: { clientId: string; canManage: boolean; onChanged: () => void }) {
  // One page holds them all: a client has a handful of contacts.
  const list = createPagedList(async () => ({ ...(await listClientContacts(props.clientId)), nextCursor: null }), 'Could not load the contacts.');
  const editor = createInlineEditor({ list, editButtonId, onStart: () => act.clearError() });
  onMount(() => void list.load({}));

  /** After any change: the order (primary first) and other rows' primary flags may have moved, so reload. */
  const changed = async (notice: string, focusId?: string) => {
    editor.setNotice(notice);
    editor.stop(focusId);
    await list.reload();
    props.onChanged();
  };

  /** Keyed "<contactId>:primary" or "<contactId>:remove". */
  const act = createAction(async (key: string) => {
    const [id, action] = key.split(':') as [string, 'primary' | 'remove'];
    const contact = list.items()?.find((c) => c.id === id);
    if (!contact) return;
    editor.setNotice(undefined);
    if (action === 'remove') {
      if (!window.confirm(`Remove ${contact.name} from this client's contacts?`)) return;
      await deleteClientContact(props.clientId, id);
      await changed(`${contact.name} was removed.`);
    } else {
      await updateClientContact(props.clientId, id, { isPrimary: true });
      await changed(`${contact.name} is now the primary contact.`);
    }
  });

  return (
    <section class="card client-contacts" aria-labelledby="client-contacts-title">
      <div class="card-header">
        <h2 id="client-contacts-title">Contacts</h2>
        <Show when={props.canManage}>
          <NewItemButton editor={editor} controls="contacts-new">
            Add contact
          </NewItemButton>
        </Show>
      </div>
      <SuccessNote message={editor.notice()} />
      <FormError message={act.error()} />
      <Show when={editor.editing() === 'new'}>
        <div id="contacts-new" class="contact-new">
          <ClientContactForm
            clientId={props.clientId}
            idPrefix="contact-new"
            onSaved={(saved) => void changed(`${saved.name} added.`)}
            onCancel={() => editor.stop()}
          />
        </div>
      </Show>
      <PagedListView
        list={list}
        loadingLabel="Loading contacts…"
        empty={<NoItemsYet editor={editor} canAdd={props.canManage} text="No contacts yet" addLabel="Add the first contact" />}
      >
        {(items) => (
          <DataTable class="contacts-table" caption="Contacts" columns={['Name', 'Role or title', 'Email', 'Phone']} actions busy={list.loading()}>
            <EditableRows
              items={items()}
              editor={editor}
              columns={COLUMNS}
              attrs={(c) => ({ 'data-contact-id': c.id })}
              row={(c) => (
                <ContactRow
                  contact={c}
                  canManage={props.canManage}
                  busy={editor.busy() || act.pending()}
                  busyAction={act.isBusy(`${c.id}:primary`) ? 'primary' : act.isBusy(`${c.id}:remove`) ? 'remove' : undefined}
                  onEdit={() => editor.start(c.id)}
                  onPrimary={() => void act.run(`${c.id}:primary`)}
                  onRemove={() => void act.run(`${c.id}:remove`)}
                />
              )}
              form={(c) => (
                <ClientContactForm
                  clientId={props.clientId}
                  contact={c}
                  idPrefix={`contact-${c.id}`}
                  onSaved={(saved) => void changed(`${saved.name} saved.`, editButtonId(saved.id))}
                  onCancel={() => editor.cancelEdit(c.id)}
                />
              )}
            />
          </DataTable>
        )}
      </PagedListView>
    </section>
  );
}

function ContactRow(props: {
  contact: ClientContact;
  canManage: boolean;
  busy: boolean;
  busyAction: 'primary' | 'remove' | undefined;
  onEdit: () => void;
  onPrimary: () => void;
  onRemove: () => void;
}) {
  const c = () => props.contact;
  return (
    <tr data-contact-id={c().id} classList={{ 'is-primary': c().isPrimary }}>
      <td class="contact-name">
        {c().name}
        <Show when={c().isPrimary}>
          {' '}
          <span class="badge status-approved contact-primary">Primary</span>
        </Show>
      </td>
      <td>{c().title || '—'}</td>
      <td class="contact-email">
        <Show when={c().email} fallback="—">
          {(email) => <a href={`mailto:${email()}`}>{email()}</a>}
        </Show>
      </td>
      <td class="nowrap">{c().phone || '—'}</td>
      <td class="cell-actions">
        <Show when={props.canManage}>
          <div class="row-actions">
            <RowActionButton id={editButtonId(c().id)} label={`Edit ${c().name}`} text="Edit" onClick={props.onEdit} disabled={props.busy} />
            <Show when={!c().isPrimary}>
              <RowActionButton
                label={`Make ${c().name} the primary contact`}
                text="Make primary"
                workingText="Saving…"
                working={props.busyAction === 'primary'}
                onClick={props.onPrimary}
                disabled={props.busy}
              />
            </Show>
            <RowActionButton
              label={`Remove ${c().name}`}
              text="Remove"
              workingText="Removing…"
              working={props.busyAction === 'remove'}
              onClick={props.onRemove}
              disabled={props.busy}
            />
          </div>
        </Show>
      </td>
    </tr>
  );
}
