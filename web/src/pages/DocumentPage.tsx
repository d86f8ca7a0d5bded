import { A, useNavigate, useParams } from '@solidjs/router';
import { createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { createStore } from 'solid-js/store';
import { createAction, errorMessage } from '../action';
import { ApiError } from '../api';
import CheckboxField from '../components/CheckboxField';
import DataTable from '../components/DataTable';
import { ActivitySection, createLifecycle, LifecycleActions, lockReason, PaymentsSection, PortalLinksSection } from '../components/DocumentLifecycle';
import FieldError from '../components/FieldError';
import FormError from '../components/FormError';
import FormField from '../components/FormField';
import FormShell from '../components/FormShell';
import NoAccess from '../components/NoAccess';
import { LoadError, Loading, SuccessNote } from '../components/PageStatus';
import RowActionButton from '../components/RowActionButton';
import SelectField from '../components/SelectField';
import SubmitButton from '../components/SubmitButton';
import TextAreaField from '../components/TextAreaField';
import { formatDay } from '../dates';
import { createForm } from '../form';
import { centsToInput, formatCents } from '../money';
import { useSession } from '../session';
import {
  billDocumentTime,
  deleteDocument,
  getDocument,
  updateDocument,
  type Document,
  type DocumentDiscountInput,
  type DocumentInput,
  type DocumentLine,
} from '../workApi';
import { documentStatusLabel } from '../workLabels';

/** The line inputs the editor shows; server errors for them arrive as `lines.<i>.<name>`. */
const LINE_FIELDS = ['description', 'quantity', 'unitPrice', 'taxable', 'taxRate'] as const;
type LineField = (typeof LINE_FIELDS)[number];
const MAX_LINES = 200;
const FIELDS = ['issueDate', 'dueDate', 'discountKind', 'discount', 'notes', 'terms', 'lines'] as const;
const LINE_ERROR = /^lines\.(\d+)\.(\w+)/;

interface LineDraft {
  /** Stable key for the row (not sent). */
  key: number;
  description: string;
  quantity: string;
  unitPrice: string;
  taxable: boolean;
  taxRate: string;
  /** A line discount has no input here yet: carried through unchanged so saving never drops it. */
  discount: DocumentDiscountInput;
}

const DISCOUNT_OPTIONS = [
  { value: '', label: 'None' },
  { value: 'percent', label: 'Percent' },
  { value: 'amount', label: 'Amount' },
];

/** Basis points → "8.25" for an input (a rate, not money). */
function bpsToInput(bps: number): string {
  const abs = Math.abs(Math.round(bps));
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return bps < 0 ? `-${text}` : text;
}

/** The stored document discount as the form's two fields. */
const discountValues = (d: DocumentDiscountInput) => ({
  discountKind: d?.kind ?? '',
  discount: d ? (d.kind === 'percent' ? d.percent : d.amount) : '',
});

let nextKey = 1;
const lineDraft = (line?: DocumentLine): LineDraft => ({
  key: nextKey++,
  description: line?.description ?? '',
  quantity: line?.quantity ?? '1',
  unitPrice: line ? centsToInput(line.unitPriceCents) : '',
  taxable: line?.taxable ?? false,
  taxRate: line ? bpsToInput(line.taxRateBps) : '0',
  discount: line?.discount ?? null,
});

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

  const [lines, setLines] = createStore<LineDraft[]>(doc().lines.map((l) => lineDraft(l)));
  const [notice, setNotice] = createSignal<string>();
  /** Server messages for line inputs, keyed `lines.<i>.<field>` as the API names them. */
  const [lineErrors, setLineErrors] = createSignal<Record<string, string>>({});

  /** Take the line errors out of an ApiError (shown beside their inputs); the rest goes to the form. */
  const placeLineErrors = (err: unknown): never => {
    if (!(err instanceof ApiError)) throw err;
    const mine: Record<string, string> = {};
    const rest: Record<string, string> = {};
    for (const [name, message] of Object.entries(err.fields)) {
      const match = LINE_ERROR.exec(name);
      if (match && (LINE_FIELDS as readonly string[]).includes(match[2]!)) mine[`lines.${match[1]}.${match[2]}`] ??= message;
      else rest[name] = message;
    }
    setLineErrors(mine);
    const first = Object.keys(mine)[0];
    if (first && Object.keys(rest).length === 0) queueMicrotask(() => document.getElementById(`document-${first}`)?.focus());
    throw new ApiError(err.status, err.code, Object.keys(mine).length ? 'Check the highlighted lines.' : err.message, rest);
  };

  const valuesOf = (d: Document) => ({ issueDate: d.issueDate, dueDate: d.dueDate, notes: d.notes, terms: d.terms });

  /** Show what the server answered: its dates, lines and totals. */
  const adopt = (saved: Document) => {
    props.onChange(saved);
    setLines(saved.lines.map((l) => lineDraft(l)));
    form.reset({ ...valuesOf(saved), ...discountValues(saved.discount) });
  };

  const discountBody = (kind: string, value: string): DocumentDiscountInput =>
    kind === 'percent' ? { kind: 'percent', percent: value.trim() } : kind === 'amount' ? { kind: 'amount', amount: value.trim() } : null;

  const form = createForm({
    fields: FIELDS,
    idPrefix: 'document',
    initial: { ...valuesOf(doc()), ...discountValues(doc().discount) },
    submit: async (v) => {
      setNotice(undefined);
      setLineErrors({});
      let body: DocumentInput;
      if (doc().locked) {
        body = { notes: v.notes, terms: v.terms };
      } else {
        body = {
          issueDate: v.issueDate,
          dueDate: v.dueDate,
          notes: v.notes,
          terms: v.terms,
          lines: lines.map((l) => ({
            description: l.description,
            quantity: l.quantity,
            unitPrice: l.unitPrice,
            taxable: l.taxable,
            taxRate: l.taxRate.trim() || '0',
            discount: l.discount,
          })),
          discount: discountBody(v.discountKind, v.discount),
        };
      }
      adopt(await updateDocument(doc().id, body).catch(placeLineErrors));
      setNotice(doc().locked ? 'Notes and terms saved.' : 'Draft saved.');
    },
  });

  const life = createLifecycle({ doc, onChange: adopt, onNotice: setNotice });
  const settled = () => doc().kind === 'invoice' && doc().status !== 'draft' && doc().status !== 'void';

  const lineField = (i: number, name: LineField) => {
    const key = `lines.${i}.${name}`;
    return { id: `document-${key}`, name: key, error: lineErrors()[key] };
  };
  const clearLineError = (i: number, name: LineField) => {
    const key = `lines.${i}.${name}`;
    if (lineErrors()[key]) setLineErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => k !== key)));
  };
  const setLine = (i: number, name: Exclude<LineField, 'taxable'>, value: string) => {
    setLines(i, name, value);
    clearLineError(i, name);
  };

  const addLine = () => {
    setLines(lines.length, lineDraft());
    queueMicrotask(() => document.getElementById(`document-lines.${lines.length - 1}.description`)?.focus());
  };
  const removeLine = (i: number) => {
    setLines((prev) => prev.filter((_, j) => j !== i));
    setLineErrors({}); // their indexes no longer match
  };

  const billTime = createAction(async (id: string) => {
    setNotice(undefined);
    const result = await billDocumentTime(id);
    adopt(result.document);
    setNotice(`Billed ${result.billedEntries} time ${result.billedEntries === 1 ? 'entry' : 'entries'}.`);
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
      <LifecycleActions life={life} busy={form.pending()} />
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
            <Show when={lines.length > 0} fallback={<p class="muted">No lines yet.</p>}>
              <DataTable
                class="document-lines-table"
                caption="Lines"
                columns={['Description', 'Quantity', 'Unit price', 'Taxable', 'Tax rate (%)']}
                actions
              >
                <For each={lines}>
                  {(line, i) => (
                    <tr class="document-line" data-line-key={line.key}>
                      <td>
                        <FormField {...lineField(i(), 'description')} value={line.description} onInput={(v) => setLine(i(), 'description', v)} label="Description" />
                      </td>
                      <td>
                        <FormField {...lineField(i(), 'quantity')} value={line.quantity} onInput={(v) => setLine(i(), 'quantity', v)} label="Quantity" inputMode="decimal" />
                      </td>
                      <td>
                        <FormField {...lineField(i(), 'unitPrice')} value={line.unitPrice} onInput={(v) => setLine(i(), 'unitPrice', v)} label="Unit price" inputMode="decimal" />
                      </td>
                      <td>
                        <CheckboxField
                          {...lineField(i(), 'taxable')}
                          label="Taxable"
                          checked={line.taxable}
                          onChange={(checked) => {
                            setLines(i(), 'taxable', checked);
                            clearLineError(i(), 'taxable');
                          }}
                        />
                      </td>
                      <td>
                        <FormField {...lineField(i(), 'taxRate')} value={line.taxRate} onInput={(v) => setLine(i(), 'taxRate', v)} label="Tax rate (%)" inputMode="decimal" />
                      </td>
                      <td class="row-actions-cell">
                        <RowActionButton label={`Remove line ${i() + 1}`} text="Remove line" onClick={() => removeLine(i())} />
                      </td>
                    </tr>
                  )}
                </For>
              </DataTable>
            </Show>
            <FieldError id="document-lines-error" message={form.field('lines').error} />
            <div class="button-row">
              <button type="button" class="btn btn-secondary" onClick={addLine} disabled={lines.length >= MAX_LINES}>
                Add line
              </button>
            </div>

            <div class="form-row document-discount">
              <SelectField
                {...form.field('discountKind')}
                label="Discount"
                options={DISCOUNT_OPTIONS}
              />
              <Show when={form.values.discountKind}>
                <FormField
                  {...form.field('discount')}
                  label={form.values.discountKind === 'percent' ? 'Discount (%)' : 'Discount amount'}
                  inputMode="decimal"
                />
              </Show>
            </div>
          </Show>

          <dl class="document-totals" aria-label="Totals">
            <div class="document-totals-row document-subtotal">
              <dt>Subtotal</dt>
              <dd>{money(doc().subtotalCents)}</dd>
            </div>
            <div class="document-totals-row document-discount-total">
              <dt>Discount</dt>
              <dd>{money(doc().discountCents)}</dd>
            </div>
            <div class="document-totals-row document-tax">
              <dt>Tax</dt>
              <dd>{money(doc().taxCents)}</dd>
            </div>
            <div class="document-totals-row document-grand-total">
              <dt>Total</dt>
              <dd>{money(doc().totalCents)}</dd>
            </div>
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
          </dl>

          <TextAreaField {...form.field('notes')} label="Notes" disabled={!canManage()} />
          <TextAreaField {...form.field('terms')} label="Terms" disabled={!canManage()} />

          <Show when={canManage()}>
            <div class="button-row">
              <SubmitButton pending={form.pending()} working="Saving…">
                {doc().locked ? 'Save notes and terms' : 'Save draft'}
              </SubmitButton>
            </div>
          </Show>
        </FormShell>
      </section>

      <Show when={canManage() && isDraft()}>
        <div class="button-row page-actions">
          <Show when={doc().kind === 'invoice' && !doc().locked}>
            <button type="button" class="btn btn-secondary" onClick={() => void billTime.run(doc().id)} disabled={billTime.pending() || form.pending()}>
              {billTime.pending() ? 'Billing…' : 'Bill approved time'}
            </button>
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
