// A document after drafting: send it, take money against it, void it, switch its
// reminders, share it through portal links, and read what happened to it. The
// page creates one `createLifecycle` and shows its actions under the header and
// its sections under the editor.
import { A, useNavigate } from '@solidjs/router';
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { parseDollars } from '../../../domain/money';
import { createAction, errorMessage } from '../action';
import { ApiError } from '../api';
import { formatDay } from '../dates';
import { formatDateTime } from '../format';
import { invalidFields } from '../formErrors';
import { createForm } from '../form';
import {
  activityLabel,
  applyCredit,
  companyToday,
  convertEstimate,
  createPortalLink,
  documentActivity,
  documentPdfUrl,
  listPayments,
  listPortalLinks,
  newIdempotencyKey,
  PAYMENT_METHOD_OPTIONS,
  paymentMethodLabel,
  recordPayment,
  revokePortalLink,
  sendDocument,
  setReminders,
  voidDocument,
  type ActivityItem,
  type DocumentActivity,
  type DocumentPayments,
  type NewPortalLink,
  type PaymentMethod,
  type PortalLink,
} from '../invoicingApi';
import { centsToInput, formatCents } from '../money';
import { useSession } from '../session';
import { getDocument, type Document } from '../workApi';
import CheckboxField from './CheckboxField';
import DataTable from './DataTable';
import Dialog from './Dialog';
import FormError from './FormError';
import FormField from './FormField';
import FormShell from './FormShell';
import Icon from './Icon';
import { LoadError, Loading } from './PageStatus';
import RowActionButton, { runs } from './RowActionButton';
import SelectField from './SelectField';
import FormActions from './FormActions';
import TextAreaField from './TextAreaField';

const SEND_POLL_MS = 500;
const SEND_WAIT_MS = 30_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Why a locked document cannot change, in words for the banner. */
export function lockReason(doc: Pick<Document, 'kind' | 'status'>): string {
  if (doc.kind === 'invoice') {
    switch (doc.status) {
      case 'sent':
        return 'This invoice has been sent, so it is locked: its lines, dates and amounts are what the client received and what your books recorded. Only notes and terms can change; to bill something different, void it and issue a new invoice.';
      case 'partially_paid':
      case 'paid':
        return 'This invoice is locked: payments have been recorded against it, so its lines, dates and amounts can no longer change. Only notes and terms can.';
      case 'void':
        return 'This invoice is void and locked: it no longer counts as owed, and nothing about it can change except notes and terms.';
    }
  } else {
    // A sent or expired estimate is not locked (it goes out again as its next revision).
    switch (doc.status) {
      case 'accepted':
      case 'converted':
        return 'This estimate is locked: the client accepted it as it stands, and their signature certifies exactly these lines and amounts.';
      case 'declined':
        return 'This estimate is locked: the client declined it. Only notes and terms can change; for different terms, make a new estimate.';
    }
  }
  return `This ${doc.kind} is locked: only notes and terms can change.`;
}

const isOpenInvoice = (d: Document) => d.kind === 'invoice' && (d.status === 'sent' || d.status === 'partially_paid');

/**
 * Send is offered wherever the server's rule lets the document go out again: a draft, and a sent or
 * expired estimate (as its next revision). What is missing (lines, an address, a valid-until date
 * still ahead) the dialog says, from the server.
 */
const canSend = (d: Document) => d.status === 'draft' || (d.kind === 'estimate' && (d.status === 'sent' || d.status === 'expired'));
/** A sent estimate is sent again as a new revision; everything else is sent once. */
const isResend = (d: Document) => d.status !== 'draft';

/** State and loaders shared by the action bar and the sections below the editor. */
export function createLifecycle(opts: { doc: () => Document; onChange: (doc: Document) => void; onNotice: (message: string | undefined) => void }) {
  const session = useSession();
  const canManage = () => session.can('documents.manage');
  const doc = opts.doc;
  const [payments, setPayments] = createSignal<DocumentPayments>();
  const [paymentsError, setPaymentsError] = createSignal<string>();
  const [activity, setActivity] = createSignal<DocumentActivity>();
  const [activityError, setActivityError] = createSignal<string>();
  const [links, setLinks] = createSignal<PortalLink[]>();
  const [linksError, setLinksError] = createSignal<string>();
  const [remindersSet, setRemindersSet] = createSignal<boolean>();
  const timers: ReturnType<typeof setTimeout>[] = [];
  let alive = true;
  onCleanup(() => {
    alive = false;
    timers.forEach(clearTimeout);
  });

  const hasPayments = () => doc().kind === 'invoice' && doc().status !== 'draft';
  const hasLinks = () => canManage() && doc().status !== 'draft';

  const loadPayments = async () => {
    if (!hasPayments()) return;
    setPaymentsError(undefined);
    try {
      setPayments(await listPayments(doc().id));
    } catch (err) {
      setPaymentsError(errorMessage(err, 'Could not load the payments.'));
    }
  };
  const loadActivity = async () => {
    setActivityError(undefined);
    try {
      setActivity(await documentActivity(doc().id));
    } catch (err) {
      setActivityError(errorMessage(err, 'Could not load the activity.'));
    }
  };
  const loadLinks = async () => {
    if (!hasLinks()) return;
    setLinksError(undefined);
    try {
      setLinks((await listPortalLinks(doc().id)).items);
    } catch (err) {
      setLinksError(errorMessage(err, 'Could not load the portal links.'));
    }
  };
  const reload = () => Promise.all([loadPayments(), loadActivity(), loadLinks()]);
  const refreshDocument = async () => opts.onChange(await getDocument(doc().id));
  /** The workflow goes on after the API answers (the email, the PDF): look again a little later. */
  const reloadSoon = () => {
    for (const ms of [2000, 6000]) timers.push(setTimeout(() => alive && void loadActivity(), ms));
  };
  onMount(() => void reload());

  /** What the switch last answered here, else the document's own setting. */
  const remindersOn = () => remindersSet() ?? doc().remindersEnabled;

  return {
    doc, canManage, payments, paymentsError, activity, activityError, links, linksError, remindersOn, setRemindersSet,
    hasPayments, hasLinks, loadPayments, loadActivity, loadLinks, reload, refreshDocument, reloadSoon, notice: opts.onNotice,
  };
}
export type Lifecycle = ReturnType<typeof createLifecycle>;

type DialogName = 'send' | 'payment' | 'credit' | 'void';

/**
 * Download, send, record payment, apply credit, void, reminders: what this document allows now.
 * `unsaved`: the editor holds changes not saved yet. Sending then waits, since it sends what is
 * stored and reloads the form from it, which would drop the typing.
 */
export function LifecycleActions(props: { life: Lifecycle; busy?: boolean; unsaved?: boolean }) {
  const life = () => props.life;
  const doc = () => life().doc();
  const [open, setOpen] = createSignal<DialogName>();
  const close = () => setOpen(undefined);
  const noun = () => doc().kind;
  const clientCredit = () => life().payments()?.clientCreditCents ?? 0;
  const money = (cents: number) => formatCents(cents, doc().currency);

  const navigate = useNavigate();
  const convert = createAction(async (id: string) => {
    life().notice(undefined);
    const out = await convertEstimate(id);
    navigate(`/documents/${out.invoiceId}`);
  });

  const reminders = createAction(async (enabled: boolean) => {
    life().notice(undefined);
    const out = await setReminders(doc().id, enabled);
    life().setRemindersSet(out.remindersEnabled);
    life().notice(out.remindersEnabled ? 'Reminders are on for this invoice.' : 'Reminders are off for this invoice.');
    void life().loadActivity();
  });

  const after = async (message: string) => {
    close();
    life().notice(message);
    await life().refreshDocument().catch(() => undefined);
    await life().reload();
    life().reloadSoon();
  };

  return (
    <>
      <div class="button-row document-actions" role="group" aria-label={`${doc().number} actions`}>
        <a class="btn btn-secondary" href={documentPdfUrl(doc().id)} target="_blank" rel="noopener">
          Download PDF
        </a>
        <Show when={life().canManage()}>
          <Show when={canSend(doc())}>
            <button type="button" class="btn btn-primary" onClick={() => setOpen('send')} disabled={props.busy || props.unsaved}>
              {isResend(doc()) ? 'Send revision' : `Send ${noun()}`}
            </button>
          </Show>
          <Show when={isOpenInvoice(doc())}>
            <button type="button" class="btn btn-primary" onClick={() => setOpen('payment')}>
              Record payment
            </button>
            <Show when={clientCredit() > 0}>
              <button type="button" class="btn btn-secondary" onClick={() => setOpen('credit')}>
                Apply credit ({money(clientCredit())})
              </button>
            </Show>
          </Show>
          <Show when={doc().kind === 'estimate' && doc().status === 'accepted'}>
            <button type="button" class="btn btn-primary" onClick={() => void convert.run(doc().id)} disabled={convert.pending()}>
              {convert.pending() ? 'Converting…' : 'Convert to invoice'}
            </button>
          </Show>
          <Show when={doc().kind === 'invoice' && (doc().status === 'draft' || doc().status === 'sent')}>
            <button type="button" class="btn btn-secondary" onClick={() => setOpen('void')}>
              Void
            </button>
          </Show>
          <Show when={doc().kind === 'invoice' && (doc().status === 'draft' || isOpenInvoice(doc()))}>
            <CheckboxField
              id="document-reminders"
              name="reminders"
              label="Payment reminders"
              checked={life().remindersOn()}
              disabled={reminders.pending()}
              onChange={(checked) => void reminders.run(checked)}
            />
          </Show>
        </Show>
      </div>
      <Show when={props.unsaved && canSend(doc())}>
        <p class="small muted unsaved-hint">Save your changes first, then send.</p>
      </Show>
      <FormError message={reminders.error() ?? convert.error()} />

      <Dialog id="send-dialog" title={isResend(doc()) ? `Send a revision of ${doc().number}` : `Send ${doc().number}`} open={open() === 'send'} onClose={close}>
        <SendForm life={life()} onCancel={close} onSent={(email) => void after(isResend(doc()) ? `Revision sent to ${email}.` : `Sent to ${email}.`)} />
      </Dialog>
      <Dialog id="payment-dialog" title={`Record a payment on ${doc().number}`} open={open() === 'payment'} onClose={close}>
        <PaymentForm
          doc={doc()}
          onCancel={close}
          onDone={(amount, credit) =>
            void after(`Recorded a payment of ${money(amount)}${credit > 0 ? `; ${money(credit)} kept as client credit` : ''}.`)
          }
        />
      </Dialog>
      <Dialog id="credit-dialog" title={`Apply client credit to ${doc().number}`} open={open() === 'credit'} onClose={close}>
        <CreditForm doc={doc()} availableCents={clientCredit()} onCancel={close} onDone={(amount) => void after(`Applied ${amount} of client credit.`)} />
      </Dialog>
      <Dialog id="void-dialog" title={`Void ${doc().number}`} open={open() === 'void'} onClose={close}>
        <VoidForm doc={doc()} onCancel={close} onDone={() => void after(`${doc().number} is void.`)} />
      </Dialog>
    </>
  );
}

/**
 * Confirm the address (the document carries the client's), send, then wait for the workflow to
 * have sent it: until the document's lifecycle is the one this send started. That covers a draft
 * leaving draft and a sent estimate becoming its next revision (its status stays `sent`).
 */
function SendForm(props: { life: Lifecycle; onCancel: () => void; onSent: (email: string) => void }) {
  const doc = () => props.life.doc();
  const client = () => doc().client;
  const [stage, setStage] = createSignal<'idle' | 'sending' | 'waiting'>('idle');
  const [error, setError] = createSignal<string>();
  let alive = true;
  onCleanup(() => (alive = false));

  const send = async (e: SubmitEvent) => {
    e.preventDefault();
    const email = client().email;
    if (stage() !== 'idle' || !email) return;
    setError(undefined);
    setStage('sending');
    try {
      const { workflowId } = await sendDocument(doc().id);
      setStage('waiting');
      const deadline = Date.now() + SEND_WAIT_MS;
      for (;;) {
        // The activity names the workflow of the revision the document is at now.
        if ((await documentActivity(doc().id)).workflowId === workflowId) {
          if (alive) props.onSent(email);
          return;
        }
        if (!alive) return;
        if (Date.now() > deadline) {
          throw new ApiError(0, 'timeout', 'Sending is taking longer than usual. It will go out on its own; reload this page in a minute to see it.');
        }
        await sleep(SEND_POLL_MS);
      }
    } catch (err) {
      if (alive) setError(errorMessage(err, 'Could not send it. Please try again.'));
    } finally {
      if (alive) setStage('idle');
    }
  };

  return (
    <form class="form send-form" onSubmit={send} aria-busy={stage() !== 'idle' ? 'true' : 'false'}>
      <FormError message={error()} />
      <Show
        when={client().email}
        fallback={
          <p class="notice notice-warning">
            {client().name} has no email address. <A href={`/clients/${client().id}`}>Add one on the client page</A>, then send.
          </p>
        }
      >
        {(email) => (
          <p>
            {doc().number} for {formatCents(doc().totalCents, doc().currency)} will be emailed to {client().name} at{' '}
            <strong class="send-to">{email()}</strong>, with the PDF attached and a link to view it online.
            {doc().kind === 'invoice' ? ' Reminders follow the company schedule unless you turn them off.' : ''}
          </p>
        )}
      </Show>
      <p class="small muted">
        {doc().kind === 'estimate'
          ? 'The client sees this version until you send another; earlier versions are kept. Once accepted, it is locked.'
          : 'Once sent, its lines, dates and amounts are locked.'}
      </p>
      <div class="button-row">
        <button type="submit" class="btn btn-primary" disabled={stage() !== 'idle' || !client().email}>
          {stage() === 'sending' ? 'Sending…' : stage() === 'waiting' ? 'Waiting for it to go out…' : `Send to ${client().email ?? 'client'}`}
        </button>
        <button type="button" class="btn btn-secondary" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </form>
  );
}

const PAYMENT_FIELDS = ['amount', 'method', 'reference', 'receivedOn', 'keepExcessAsCredit', 'sendReceipt'] as const;

/**
 * Sends under one Idempotency-Key until the server refuses. A request that got no answer (the
 * network) or a 5xx may have been done, so trying again keeps the key and cannot do it twice; a
 * 4xx did nothing, and under the same key the server would only repeat that refusal to the
 * corrected form, so the next try gets a new key. Except IDEMPOTENCY_KEY_REUSED: an earlier try
 * under this key was recorded after all, and a new key would record a second one.
 */
function keyedSender() {
  let key = newIdempotencyKey();
  return async <T,>(send: (key: string) => Promise<T>): Promise<T> => {
    try {
      return await send(key);
    } catch (err) {
      if (err instanceof ApiError && err.status >= 400 && err.status < 500 && err.code !== 'IDEMPOTENCY_KEY_REUSED') key = newIdempotencyKey();
      throw err;
    }
  };
}

/** Amount in dollars, method, reference, date; one Idempotency-Key per payment meant, so a double click is one payment. */
function PaymentForm(props: { doc: Document; onCancel: () => void; onDone: (amountCents: number, creditCents: number) => void }) {
  const keyed = keyedSender();
  const [keepExcess, setKeepExcess] = createSignal(false);
  const [sendReceipt, setSendReceipt] = createSignal(true);
  const form = createForm({
    fields: PAYMENT_FIELDS,
    idPrefix: 'payment',
    // Today on the company's calendar (filled in below; left blank, the server uses the same), or the invoice's own date
    // if it is dated ahead: a payment is never dated before its invoice.
    initial: { amount: centsToInput(props.doc.balanceCents), method: 'bank_transfer', receivedOn: '' },
    submit: async (v) => {
      if (!v.amount.trim()) invalidFields({ amount: 'Enter the amount received.' });
      const out = await keyed((key) =>
        recordPayment(
          props.doc.id,
          {
            amount: v.amount.trim(),
            method: v.method as PaymentMethod,
            reference: v.reference.trim(),
            keepExcessAsCredit: keepExcess(),
            sendReceipt: sendReceipt(),
            ...(v.receivedOn && { receivedOn: v.receivedOn }),
          },
          key,
        ),
      );
      props.onDone(out.appliedCents + out.creditCents, out.creditCents);
    },
  });

  onMount(() => {
    void companyToday().then(
      (today) => form.values.receivedOn || form.set('receivedOn', [today, props.doc.issueDate].sort()[1]!),
      () => undefined,
    );
  });
  return (
    <FormShell form={form} class="form payment-form" label="Payment">
      <p class="small muted">Balance due: {formatCents(props.doc.balanceCents, props.doc.currency)}</p>
      <div class="form-row">
        <FormField {...form.field('amount')} label="Amount" inputMode="decimal" hint="In dollars, like 125 or 1,250.00." />
        <FormField {...form.field('receivedOn')} type="date" label="Date received" />
      </div>
      <div class="form-row">
        <SelectField {...form.field('method')} label="Method" options={PAYMENT_METHOD_OPTIONS} />
        <FormField {...form.field('reference')} label="Reference" maxLength={200} hint="Cheque number, transfer reference…" />
      </div>
      <CheckboxField
        id="payment-keepExcessAsCredit"
        name="keepExcessAsCredit"
        error={form.field('keepExcessAsCredit').error}
        label="Keep any excess as client credit"
        checked={keepExcess()}
        onChange={setKeepExcess}
      />
      <CheckboxField
        id="payment-sendReceipt"
        name="sendReceipt"
        error={form.field('sendReceipt').error}
        label="Email the client a receipt"
        checked={sendReceipt()}
        onChange={setSendReceipt}
      />
      <FormActions pending={form.pending()} working="Recording…" onCancel={() => props.onCancel()}>
        Record payment
      </FormActions>
    </FormShell>
  );
}

function CreditForm(props: { doc: Document; availableCents: number; onCancel: () => void; onDone: (amount: string) => void }) {
  const keyed = keyedSender();
  const money = (cents: number) => formatCents(cents, props.doc.currency);
  const form = createForm({
    fields: ['amount'] as const,
    idPrefix: 'credit',
    initial: { amount: centsToInput(Math.min(props.availableCents, props.doc.balanceCents)) },
    submit: async (v) => {
      if (!v.amount.trim()) invalidFields({ amount: 'Enter how much credit to apply.' });
      const amount = v.amount.trim();
      await keyed((key) => applyCredit(props.doc.id, amount, key));
      // The answer is the invoice as it stands, not what was applied (and the balance this page loaded
      // with may be out of date): credit is applied as asked or refused whole, so say what was asked.
      const cents = parseDollars(amount);
      props.onDone(cents === null ? amount : money(cents));
    },
  });
  return (
    <FormShell form={form} class="form credit-form" label="Apply credit">
      <p class="small muted">
        {props.doc.client.name} has {money(props.availableCents)} of credit; {money(props.doc.balanceCents)} is due on this invoice.
      </p>
      <FormField {...form.field('amount')} label="Credit to apply" inputMode="decimal" hint="In dollars." />
      <FormActions pending={form.pending()} working="Applying…" onCancel={() => props.onCancel()}>
        Apply credit
      </FormActions>
    </FormShell>
  );
}

function VoidForm(props: { doc: Document; onCancel: () => void; onDone: () => void }) {
  const form = createForm({
    fields: ['reason'] as const,
    idPrefix: 'void',
    submit: async (v) => {
      if (!v.reason.trim()) invalidFields({ reason: 'Say why it is voided.' });
      await voidDocument(props.doc.id, v.reason.trim());
      props.onDone();
    },
  });
  return (
    <FormShell form={form} class="form void-form" label="Void">
      <p>
        Voiding {props.doc.number} cancels what it bills
        {props.doc.status === 'draft' ? '' : ' and reverses it in your books'}. This cannot be undone.
      </p>
      <TextAreaField {...form.field('reason')} label="Reason" maxLength={500} />
      <FormActions pending={form.pending()} working="Voiding…" submitClass="btn btn-danger" cancelText="Keep it" onCancel={() => props.onCancel()}>
        Void invoice
      </FormActions>
    </FormShell>
  );
}

/** Payments and credit applied to an invoice, and what credit the client still has. */
export function PaymentsSection(props: { life: Lifecycle }) {
  const life = () => props.life;
  const money = (cents: number) => formatCents(cents, life().doc().currency);
  return (
    <section class="card document-payments" aria-labelledby="document-payments-title">
      <h2 id="document-payments-title">Payments</h2>
      <Show when={!life().paymentsError()} fallback={<LoadError message={life().paymentsError()!} onRetry={() => void life().loadPayments()} />}>
        <Show when={life().payments()} fallback={<Loading label="Loading payments…" />}>
          {(p) => (
            <>
              <Show
                when={p().payments.length + p().credits.length > 0}
                fallback={<p class="muted">No payments yet.</p>}
              >
                <DataTable
                  class="payments-table"
                  caption="Payments"
                  columns={['Date', 'Method', 'Reference', { label: 'Amount', class: 'num' }, { label: 'Applied', class: 'num' }, { label: 'To credit', class: 'num' }]}
                >
                  <For each={p().payments}>
                    {(pay) => (
                      <tr class="payment-row" data-payment-id={pay.id}>
                        <td>{formatDay(pay.receivedOn)}</td>
                        <td>{paymentMethodLabel(pay.method)}</td>
                        <td>{pay.reference || '—'}</td>
                        <td class="num">{money(pay.amountCents)}</td>
                        <td class="num">{money(pay.appliedCents)}</td>
                        <td class="num">{pay.creditCents ? money(pay.creditCents) : '—'}</td>
                      </tr>
                    )}
                  </For>
                  <For each={p().credits}>
                    {(credit) => (
                      <tr class="credit-row" data-credit-id={credit.id}>
                        <td>{formatDay(credit.appliedOn)}</td>
                        <td>Client credit</td>
                        <td>—</td>
                        <td class="num">{money(credit.amountCents)}</td>
                        <td class="num">{money(credit.amountCents)}</td>
                        <td class="num">—</td>
                      </tr>
                    )}
                  </For>
                </DataTable>
              </Show>
              <Show when={p().clientCreditCents > 0}>
                <p class="small muted client-credit">
                  {life().doc().client.name} has {money(p().clientCreditCents)} of unused credit.
                </p>
              </Show>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}

/** A readable line for what an activity item carries (amounts, reasons, the address an email went to). */
function activityDetail(item: ActivityItem, currency: string): string | undefined {
  const d = (item.detail ?? {}) as Record<string, unknown>;
  const money = (v: unknown) => (typeof v === 'number' ? formatCents(v, currency) : undefined);
  const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  if (item.action === 'invoice.payment_recorded') {
    const credit = typeof d.creditCents === 'number' && d.creditCents > 0 ? `, ${money(d.creditCents)} kept as credit` : '';
    return `${money(d.amountCents) ?? ''} received${credit}; ${money(d.balanceCents) ?? '—'} left to pay.`;
  }
  if (item.action === 'invoice.credit_applied') return `${money(d.amountCents) ?? ''} of credit; ${money(d.balanceCents) ?? '—'} left to pay.`;
  if (item.action === 'email.failed') return `To ${text(d.to) ?? 'the client'}: ${text(d.error) ?? 'refused'}. Reminders go to the client's address as it is when each is sent.`;
  if (item.action.startsWith('email.')) return [text(d.to) && `To ${text(d.to)}`, text(d.subject)].filter(Boolean).join(': ') || undefined;
  if (item.action.endsWith('_refused')) return text(d.message);
  if (item.action.endsWith('.sent') && typeof d.revision === 'number') return `Revision ${d.revision}, total ${money(d.totalCents) ?? '—'}.`;
  if (item.action.endsWith('.created') && typeof d.totalCents === 'number') return `Total ${money(d.totalCents)}.`;
  if (item.action === 'estimate.converted' && text(d.number)) return `Invoice ${text(d.number)}.`;
  if (text(d.signerName)) return `Signed by ${text(d.signerName)}.`;
  if (text(d.reason)) return `Reason: ${text(d.reason)}`;
  if (text(d.message)) return text(d.message);
  return undefined;
}

const CLIENT_ACTIONS = /\.(viewed|accepted|declined|changes_requested)$/;

/** Everything that happened to the document, newest first, and its workflow in the Temporal UI. */
export function ActivitySection(props: { life: Lifecycle }) {
  const life = () => props.life;
  return (
    <section class="card document-activity" aria-labelledby="document-activity-title">
      <div class="card-header">
        <h2 id="document-activity-title">Activity</h2>
        <button type="button" class="btn btn-secondary btn-sm" onClick={() => void life().loadActivity()}>
          Refresh
        </button>
      </div>
      <Show when={!life().activityError()} fallback={<LoadError message={life().activityError()!} onRetry={() => void life().loadActivity()} />}>
        <Show when={life().activity()} fallback={<Loading label="Loading activity…" />}>
          {(a) => (
            <>
              <Show when={a().items.length > 0} fallback={<p class="muted">Nothing has happened yet.</p>}>
                <ol class="timeline">
                  <For each={a().items}>
                    {(item) => (
                      <li class="timeline-item document-activity-item" data-action={item.action}>
                        <time class="timeline-at" datetime={item.at}>
                          {formatDateTime(item.at)}
                        </time>
                        <p class="timeline-title">{activityLabel(item.action)}</p>
                        <Show when={activityDetail(item, life().doc().currency)}>
                          {(detail) => <p class="timeline-detail">{detail()}</p>}
                        </Show>
                        <p class="timeline-actor small muted">
                          {item.actorEmail ?? (CLIENT_ACTIONS.test(item.action) ? 'Client' : 'System')}
                        </p>
                      </li>
                    )}
                  </For>
                </ol>
              </Show>
              <Show when={a().workflowUrl}>
                {(url) => (
                  <p class="card-footer">
                    <a class="temporal-link" href={url()} target="_blank" rel="noopener noreferrer">
                      View workflow in Temporal
                      <Icon name="external" size={14} />
                    </a>
                  </p>
                )}
              </Show>
            </>
          )}
        </Show>
      </Show>
    </section>
  );
}

const linkState = (l: PortalLink): 'revoked' | 'expired' | 'active' =>
  l.revokedAt ? 'revoked' : new Date(l.expiresAt).getTime() <= Date.now() ? 'expired' : 'active';
const LINK_LABEL = { active: 'Active', expired: 'Expired', revoked: 'Revoked' } as const;

/** Links the client can open without an account: a new one's URL is shown once; any can be revoked. */
export function PortalLinksSection(props: { life: Lifecycle }) {
  const life = () => props.life;
  const doc = () => life().doc();
  const [created, setCreated] = createSignal<NewPortalLink>();
  const [copied, setCopied] = createSignal(false);
  let urlInput: HTMLInputElement | undefined;

  const create = createAction(async (_: true) => {
    setCopied(false);
    const link = await createPortalLink(doc().id);
    // The list first, so the new URL appears with its row already in the table.
    await life().loadLinks();
    setCreated(link);
    void life().loadActivity();
    queueMicrotask(() => urlInput?.select());
  });
  const revoke = createAction(async (link: PortalLink) => {
    if (!window.confirm('Revoke this link? Anyone who has it will no longer be able to open the document.')) return;
    await revokePortalLink(doc().id, link.id);
    await life().loadLinks();
    void life().loadActivity();
  });

  const copy = async () => {
    const url = created()?.url;
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      urlInput?.select();
      document.execCommand('copy');
    }
    setCopied(true);
  };

  return (
    <section class="card portal-links" aria-labelledby="portal-links-title">
      <div class="card-header">
        <h2 id="portal-links-title">Portal links</h2>
        <button type="button" class="btn btn-secondary btn-sm" onClick={() => void create.run(true)} disabled={create.pending()}>
          {create.pending() ? 'Creating…' : 'Create link'}
        </button>
      </div>
      <p class="card-intro small">Your client opens these without an account to view the {doc().kind}, download it and, for estimates, accept it.</p>
      <FormError message={create.error() ?? revoke.error()} />
      <Show when={created()}>
        {(link) => (
          <div class="portal-link-new">
            <label for="portal-link-url">New link — copy it now, it is shown only once (expires {formatDateTime(link().expiresAt)})</label>
            <div class="portal-link-copy">
              <input id="portal-link-url" class="inline-input" ref={urlInput} type="text" readOnly value={link().url} onFocus={(e) => e.currentTarget.select()} />
              <button type="button" class="btn btn-primary btn-sm" onClick={() => void copy()}>
                Copy
              </button>
            </div>
            <p class="small" role="status">
              {copied() ? 'Copied.' : ''}
            </p>
          </div>
        )}
      </Show>
      <Show when={!life().linksError()} fallback={<LoadError message={life().linksError()!} onRetry={() => void life().loadLinks()} />}>
        <Show when={life().links()} fallback={<Loading label="Loading links…" />}>
          {(items) => (
            <Show when={items().length > 0} fallback={<p class="muted">No links yet.</p>}>
              <DataTable class="portal-links-table" caption="Portal links" columns={['Created', 'Expires', 'Last viewed', 'Status']} actions>
                <For each={items()}>
                  {(link) => (
                    <tr data-link-id={link.id}>
                      <td>{formatDateTime(link.createdAt)}</td>
                      <td>{formatDateTime(link.expiresAt)}</td>
                      <td>{link.lastViewedAt ? formatDateTime(link.lastViewedAt) : 'Never'}</td>
                      <td>
                        <span class={`badge portal-link-${linkState(link)}`}>{LINK_LABEL[linkState(link)]}</span>
                      </td>
                      <td class="row-actions-cell">
                        <Show when={linkState(link) === 'active'}>
                          <RowActionButton label={`Revoke the link created ${formatDateTime(link.createdAt)}`} text="Revoke" workingText="Revoking…" {...runs(revoke, link)} />
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </DataTable>
            </Show>
          )}
        </Show>
      </Show>
    </section>
  );
}
