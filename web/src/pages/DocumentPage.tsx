import { A, useNavigate, useParams } from '@solidjs/router';
import { createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { createAction, errorMessage } from '../action';
import DataTable from '../components/DataTable';
import { ActivitySection, createLifecycle, LifecycleActions, lockReason, PaymentsSection, PortalLinksSection } from '../components/DocumentLifecycle';
import { DiscountFields, LinesEditor, TaxInclusiveField, TotalsList } from '../components/DocumentLines';
import FormError from '../components/FormError';
import FormField from '../components/FormField';
import FormShell from '../components/FormShell';
import NoAccess from '../components/NoAccess';
import { LoadError, Loading, SuccessNote } from '../components/PageStatus';
import SubmitButton from '../components/SubmitButton';
import TextAreaField from '../components/TextAreaField';
import { formatDay } from '../dates';
import { bpsToInput, createLineEditor, discountBody, discountValues, previewTotals } from '../documentLines';
import { createForm } from '../form';
import { countOf } from '../format';
import { formatCents } from '../money';
import { useSession } from '../session';
import { billDocumentTime, deleteDocument, getDocument, updateDocument, type Document, type DocumentInput } from '../workApi';
import { documentStatusLabel } from '../workLabels';

const FIELDS = ['issueDate', 'dueDate', 'discountKind', 'discount', 'notes', 'terms', 'lines', 'taxInclusive'] as const;

/**
 * /documents/:id — an estimate or invoice: edit a draft, or notes and terms once locked;
 * send it, take payments, void it, share portal links and read its activity.
 */
export default function DocumentPage() {
  const params = useParams<{ id: string }>();
  return (
    <Show when={params.id} keyed>
      {(id) => <DocumentPageFor id={id} />}
    </Show>
  );
}

function DocumentPageFor(props: { id: string }) {
  const session = useSession();
  const [doc, setDoc] = createSignal<Document>();
  const [loadError, setLoadError] = createSignal<string>();

  const load = async () => {
    setLoadError(undefined);
    try {
      setDoc(await getDocument(props.id));
    } catch (err) {
      setLoadError(errorMessage(err, 'Could not load this document.'));
    }
  };
  onMount(() => {
    if (session.can('documents.view')) void load();
  });

  return (
    <Show when={session.can('documents.view')} fallback={<NoAccess title="Document" />}>
      <div class="page page-wide document-page">
        <Switch fallback={<Loading label="Loading document…" />}>
          <Match when={loadError()}>{(message) => <LoadError message={message()} onRetry={() => void load()} />}</Match>
          <Match when={doc()}>{(current) => <DocumentEditor doc={current()} onChange={setDoc} />}</Match>
        </Switch>
      </div>
    </Show>
  );
}

function DocumentEditor(props: { doc: Document; onChange: (doc: Document) => void }) {
  const session = useSession();
  const navigate = useNavigate();
  const canManage = () => session.can('documents.manage');
  const doc = () => props.doc;
  const listPath = () => (doc().kind === 'estimate' ? '/estimates' : '/invoices');
  const editable = () => canManage() && !doc().locked;
  const isDraft = () => doc().status === 'draft';

  const editor = createLineEditor({ idPrefix: 'document', lines: doc().lines });
  const [taxInclusive, setTaxInclusive] = createSignal(doc().taxInclusive);
  const [notice, setNotice] = createSignal<string>();

  const valuesOf = (d: Document) => ({ issueDate: d.issueDate, dueDate: d.dueDate, notes: d.notes, terms: d.terms });

  /** Everything the form would send, as one comparable text: the inputs, the lines and the tax switch. */
  const typed = () => JSON.stringify([form.values.issueDate, form.values.dueDate, form.values.notes, form.values.terms, form.values.discountKind, form.values.discount, taxInclusive(), editor.body()]);
  /** `typed()` as the server last answered; anything else is unsaved. */
  const [savedAs, setSavedAs] = createSignal('');
  const unsaved = () => typed() !== savedAs();

  /** Show what the server answered: its dates, lines and totals. */
  const adopt = (saved: Document) => {
    props.onChange(saved);
    editor.reset(saved.lines);
    setTaxInclusive(saved.taxInclusive);
    form.reset({ ...valuesOf(saved), ...discountValues(saved.discount) });
    setSavedAs(typed());
  };

  const form = createForm({
    fields: FIELDS,
    idPrefix: 'document',
    initial: { ...valuesOf(doc()), ...discountValues(doc().discount) },
    submit: async (v) => {
      setNotice(undefined);
      editor.clearErrors();
      let body: DocumentInput;
      if (doc().locked) {
        body = { notes: v.notes, terms: v.terms };
      } else {
        body = {
          issueDate: v.issueDate,
          dueDate: v.dueDate,
          notes: v.notes,
          terms: v.terms,
          lines: editor.body(),
          discount: discountBody(v.discountKind, v.discount),
          taxInclusive: taxInclusive(),
        };
      }
      adopt(await updateDocument(doc().id, body).catch(editor.placeErrors));
      setNotice(doc().locked ? 'Notes and terms saved.' : isDraft() ? 'Draft saved.' : 'Changes saved. The client sees them once you send a revision.');
      void life.loadActivity();
    },
  });

  /** While editing, the totals of what is typed (the server's own arithmetic); otherwise what the server stored. */
  const totals = () =>
    editable() ? previewTotals(editor.lines, discountBody(form.values.discountKind, form.values.discount), taxInclusive()) : doc();
  const shownInclusive = () => (editable() ? taxInclusive() : doc().taxInclusive);

  setSavedAs(typed());
  // After a payment, void or send the page shows the document anew; typing not saved yet stays in the form.
  const life = createLifecycle({ doc, onChange: (next) => (unsaved() ? props.onChange(next) : adopt(next)), onNotice: setNotice });
  const settled = () => doc().kind === 'invoice' && doc().status !== 'draft' && doc().status !== 'void';

  const billTime = createAction(async (id: string) => {
    setNotice(undefined);
    const result = await billDocumentTime(id);
    adopt(result.document);
    setNotice(`Billed ${countOf(result.billedEntries, 'time entry', 'time entries')}.`);
    void life.loadActivity();
  });

  const remove = createAction(async (id: string) => {
    if (!window.confirm(`Delete draft ${doc().number}? It can be restored.`)) return;
    await deleteDocument(id);
    navigate(listPath());
  });

  const money = (cents: number) => formatCents(cents, doc().currency);

  return (
    <>
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <A href={listPath()}>{doc().kind === 'estimate' ? 'Estimates' : 'Invoices'}</A>
      </nav>
      <header class="page-header document-header">
        <h1 class="document-number">{doc().number}</h1>
        <p class="page-subtitle">
          <span class="document-client">{doc().client.name}</span>{' '}
          <span class={`badge document-status status-${doc().status}`}>{documentStatusLabel(doc().status)}</span>
        </p>
      </header>
      <LifecycleActions life={life} busy={form.pending()} unsaved={unsaved()} />
      <Show when={doc().locked}>
        <div class="locked-banner" role="note">
          <strong>Locked.</strong> {lockReason(doc())}
        </div>
      </Show>
      <SuccessNote message={notice()} />
      <FormError message={billTime.error() ?? remove.error()} />

      <section class="card">
        <FormShell form={form} class="form document-form" label={`${doc().number} details`}>
          <Show
            when={editable()}
            fallback={
              <p class="document-dates">
                Issued {formatDay(doc().issueDate)} · Due {formatDay(doc().dueDate)}
                {doc().taxInclusive ? ' · Prices include tax' : ''}
              </p>
            }
          >
            <div class="form-row">
              <FormField {...form.field('issueDate')} type="date" label="Issue date" />
              <FormField {...form.field('dueDate')} type="date" label="Due date" />
            </div>
          </Show>

          <h2 class="section-title">Lines</h2>
          <Show
            when={editable()}
            fallback={
              <Show when={doc().lines.length > 0} fallback={<p class="muted">No lines.</p>}>
                <DataTable
                  class="document-lines-table is-readonly"
                  caption="Lines"
                  columns={['Description', { label: 'Quantity', class: 'num' }, { label: 'Unit price', class: 'num' }, 'Taxable', { label: 'Tax rate (%)', class: 'num' }, { label: 'Amount', class: 'num' }]}
                >
                  <For each={doc().lines}>
                    {(line) => (
                      <tr class="document-line">
                        <td>{line.description}</td>
                        <td class="num">{line.quantity}</td>
                        <td class="num">{money(line.unitPriceCents)}</td>
                        <td>{line.taxable ? 'Yes' : 'No'}</td>
                        <td class="num">{bpsToInput(line.taxRateBps)}</td>
                        <td class="num">{money(line.netCents)}</td>
                      </tr>
                    )}
                  </For>
                </DataTable>
              </Show>
            }
          >
            <LinesEditor editor={editor} totals={previewTotals(editor.lines, null, taxInclusive())} currency={doc().currency} error={form.field('lines').error} />
            <DiscountFields kind={form.field('discountKind')} value={form.field('discount')} />
            <TaxInclusiveField id="document-taxInclusive" checked={taxInclusive()} onChange={setTaxInclusive} error={form.field('taxInclusive').error} />
          </Show>

          <TotalsList totals={totals()} currency={doc().currency} taxInclusive={shownInclusive()}>
            <Show when={settled()}>
              <div class="document-totals-row document-paid">
                <dt>Paid</dt>
                <dd>{money(doc().totalCents - doc().balanceCents)}</dd>
              </div>
              <div class="document-totals-row document-balance">
                <dt>Balance due</dt>
                <dd>{money(doc().balanceCents)}</dd>
              </div>
            </Show>
          </TotalsList>

          <TextAreaField {...form.field('notes')} label="Notes" disabled={!canManage()} />
          <TextAreaField {...form.field('terms')} label="Terms" disabled={!canManage()} />

          <Show when={canManage()}>
            <div class="button-row">
              <SubmitButton pending={form.pending()} working="Saving…">
                {doc().locked ? 'Save notes and terms' : isDraft() ? 'Save draft' : 'Save changes'}
              </SubmitButton>
            </div>
          </Show>
        </FormShell>
      </section>

      <Show when={canManage() && isDraft()}>
        <div class="button-row page-actions">
          <Show when={doc().kind === 'invoice' && !doc().locked}>
            {/* Billing time adds lines on the server and reloads the form from it: typing not saved yet would be lost. */}
            <button type="button" class="btn btn-secondary" onClick={() => void billTime.run(doc().id)} disabled={billTime.pending() || form.pending() || unsaved()}>
              {billTime.pending() ? 'Billing…' : 'Bill approved time'}
            </button>
            <Show when={unsaved()}>
              <span class="small muted unsaved-hint">Save your changes first, then bill time.</span>
            </Show>
          </Show>
          <button type="button" class="btn btn-secondary" onClick={() => void remove.run(doc().id)} disabled={remove.pending()}>
            {remove.pending() ? 'Deleting…' : 'Delete draft'}
          </button>
        </div>
      </Show>

      <div class="stack document-sections">
        <Show when={life.hasPayments()}>
          <PaymentsSection life={life} />
        </Show>
        <Show when={life.hasLinks()}>
          <PortalLinksSection life={life} />
        </Show>
        <ActivitySection life={life} />
      </div>
    </>
  );
}
