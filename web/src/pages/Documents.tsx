import { useNavigate } from '@solidjs/router';
import { createSignal, onMount, Show } from 'solid-js';
import ClientPicker from '../components/ClientPicker';
import DocumentsTable, { DocumentsSummary } from '../components/DocumentsTable';
import FormShell from '../components/FormShell';
import ListPageHeader from '../components/ListPageHeader';
import ListSection from '../components/ListSection';
import NoAccess from '../components/NoAccess';
import PagedListView from '../components/PagedListView';
import SelectField, { type SelectOption } from '../components/SelectField';
import FormActions from '../components/FormActions';
import { createForm } from '../form';
import { invalidFields } from '../formErrors';
import { createPagedList } from '../pagedList';
import { useQueryParam } from '../searchParams';
import { useSession } from '../session';
import { createDocument, listDocuments, type DocumentKind, type DocumentQuery } from '../workApi';
import { documentStatusLabel } from '../workLabels';

const TEXT: Record<DocumentKind, { title: string; subtitle: string; noun: string; plural: string }> = {
  invoice: { title: 'Invoices', subtitle: 'What your clients owe you.', noun: 'invoice', plural: 'invoices' },
  estimate: { title: 'Estimates', subtitle: 'Quotes for work you have not done yet.', noun: 'estimate', plural: 'estimates' },
};

const STATUSES: Record<DocumentKind, string[]> = {
  invoice: ['draft', 'sent', 'partially_paid', 'paid', 'void'],
  estimate: ['draft', 'sent', 'accepted', 'declined', 'expired', 'converted'],
};
const statusFilter = (kind: DocumentKind): SelectOption[] => [
  { value: '', label: 'All' },
  ...STATUSES[kind].map((value) => ({ value, label: documentStatusLabel(value) })),
];

/** /invoices (`?new=1&clientId=…` opens a new draft for that client) */
export function Invoices() {
  return <DocumentsPage kind="invoice" />;
}

/** /estimates */
export function Estimates() {
  return <DocumentsPage kind="estimate" />;
}

/** A paged list of one kind of document, filtered by status with its totals below; managers start a draft for a client from here. */
function DocumentsPage(props: { kind: DocumentKind }) {
  const session = useSession();
  const text = TEXT[props.kind];
  const canManage = () => session.can('documents.manage');
  const list = createPagedList((query: Omit<DocumentQuery, 'kind'>) => listDocuments({ ...query, kind: props.kind }), `Could not load the ${text.plural}.`);
  const newParam = useQueryParam('new');
  const clientParam = useQueryParam('clientId');
  const [creating, setCreating] = createSignal(!!newParam());
  const [status, setStatus] = createSignal('');

  const search = () => list.load({ status: status() || undefined });
  onMount(() => {
    if (session.can('documents.view')) void search();
  });

  return (
    <Show when={session.can('documents.view')} fallback={<NoAccess title={text.title} />}>
      <div class="page page-wide">
        <ListPageHeader title={text.title} subtitle={text.subtitle}>
          <div class="button-row">
            <Show when={canManage()}>
              <button type="button" class="btn btn-primary" aria-expanded={creating() ? 'true' : 'false'} onClick={() => setCreating((v) => !v)}>
                New {text.noun}
              </button>
            </Show>
          </div>
        </ListPageHeader>

        <Show when={creating() && canManage()}>
          <NewDraftPanel kind={props.kind} clientId={clientParam()} onCancel={() => setCreating(false)} />
        </Show>

        <ListSection id={`${props.kind}s`} title={`${text.title} list`}>
          <div class="list-toolbar">
            <SelectField
              id={`${props.kind}s-status`}
              name="status"
              label="Status"
              value={status()}
              options={statusFilter(props.kind)}
              onInput={(value) => {
                setStatus(value);
                void search();
              }}
            />
          </div>
          <PagedListView
            list={list}
            loadingLabel={`Loading ${text.plural}…`}
            empty={
              <Show when={!status()} fallback={<p>No {documentStatusLabel(status()).toLowerCase()} {text.plural}.</p>}>
                <p>
                  No {text.plural} yet
                  <Show when={canManage()} fallback=".">
                    {' — '}
                    <button type="button" class="btn-link" onClick={() => setCreating(true)}>
                      Create your first {text.noun}
                    </button>
                  </Show>
                </p>
              </Show>
            }
          >
            {(items) => (
              <>
                <DocumentsTable documents={items()} caption={text.title} busy={list.loading()} showBalance={props.kind === 'invoice'} />
                <DocumentsSummary documents={items()} noun={[text.noun, text.plural]} showBalance={props.kind === 'invoice'} more={!!list.nextCursor()} />
              </>
            )}
          </PagedListView>
        </ListSection>
      </div>
    </Show>
  );
}

/** Choose a client, create an empty draft, and open it in the editor. */
function NewDraftPanel(props: { kind: DocumentKind; clientId?: string | undefined; onCancel: () => void }) {
  const navigate = useNavigate();
  const idPrefix = `new-${props.kind}`;

  const form = createForm({
    fields: ['clientId'] as const,
    idPrefix,
    initial: { clientId: props.clientId ?? '' },
    submit: async (v) => {
      if (!v.clientId) invalidFields({ clientId: 'Choose a client.' });
      const draft = await createDocument({ kind: props.kind, clientId: v.clientId, lines: [] });
      navigate(`/documents/${draft.id}`);
    },
  });

  return (
    <section class="card new-document-panel" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`}>New {props.kind} draft</h2>
      <FormShell form={form} class="form new-document-form" labelledBy={`${idPrefix}-title`}>
        <ClientPicker {...form.field('clientId')} placeholder="Choose a client" />
        <FormActions pending={form.pending()} working="Creating…" onCancel={() => props.onCancel()}>
          Create draft
        </FormActions>
      </FormShell>
    </section>
  );
}
