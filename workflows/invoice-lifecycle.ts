/**
 * One document's life after it is sent. Started by the API's send action with
 * id `invoice-<id>` (or `estimate-<id>-r<revision>`): a second send reaches the
 * same workflow. It marks the document sent (posting the receivable), renders and
 * stores the PDF, emails it, then — for an invoice — waits on durable timers
 * for each step of the reminder schedule, mailing exactly one reminder per
 * step, until a payment settles it or a void ends it.
 *
 * Payments, credit applications and voids arrive as Updates, validated
 * against the balance the workflow holds and applied one at a time; the
 * activity re-checks under a row lock, so the database stays the authority.
 * Every activity is idempotent by a business key (document, intent key,
 * payment id), so a retried activity or a restarted worker changes nothing
 * twice. A reminder whose time passed while no worker ran is sent once when
 * one returns: the timer fires late, not never, and the step is marked done.
 * Long histories continue-as-new with the state carried over.
 */
import {
  allHandlersFinished, ApplicationFailure, condition, continueAsNew, defineQuery, defineUpdate, patched, proxyActivities, proxyLocalActivities, setHandler, sleep, workflowInfo,
} from '@temporalio/workflow';
import type { InvoiceActivities } from '../activities/invoices';
import type { MoneyState, PaymentInput, PaymentOutcome } from '../db/invoice-money';
import { isSettled, type LifecycleState } from '../domain/documents/lifecycle';
import { invoiceMoveProblem, type InvoiceStatus } from '../domain/documents/status';
import { documentEmailKey } from '../domain/emails';
import { isRefusal, splitPayment } from '../domain/payments';
import { dueSteps, type ReminderStep } from '../domain/reminders';

const stepOptions = {
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
} as const;
const remote = proxyActivities<InvoiceActivities>(stepOptions);
const local = proxyLocalActivities<InvoiceActivities>(stepOptions);
/**
 * The steps run as local activities: in the worker that holds the workflow task, recorded as a
 * marker, with no task queue round trip or extra workflow task in between — a lifecycle's history
 * is a third as long and costs the server that much less. Each step is idempotent by its business
 * key, which is what a local activity needs (a lost workflow task runs it again). Histories
 * recorded before the change replay with the remote activities they scheduled; asked at each step.
 */
const acts = () => (patched('local-steps') ? local : remote);

export interface LifecycleInput {
  companyId: string;
  documentId: string;
  actorUserId: string | null;
  /** Estimates: the revision this sending makes (a sent estimate is sent again as its next revision). */
  revision?: number;
  /** Replaces the company's schedule (absolute times): tests run weeks of reminders in seconds. */
  reminderPlan?: ReminderStep[];
  /** Replaces an estimate's expiry (an absolute time), likewise. */
  expiresAt?: number;
  /** Continue-as-new once history passes this many events. */
  historyLimit?: number;
  /** The state carried over by continue-as-new; the send steps are not run again. */
  resume?: LifecycleState;
}

export type PaymentRequest = Omit<PaymentInput, 'documentId'> & {
  actorUserId: string | null;
  /** Email the client a receipt (absent: yes). */
  sendReceipt?: boolean;
};
export type CreditRequest = { applicationId: string; amountCents: number; appliedOn: string; actorUserId: string | null };
export type VoidRequest = { reason: string; actorUserId: string | null };

export const recordPaymentUpdate = defineUpdate<PaymentOutcome, [PaymentRequest]>('recordPayment');
export const applyCreditUpdate = defineUpdate<MoneyState, [CreditRequest]>('applyCredit');
export const voidInvoiceUpdate = defineUpdate<MoneyState, [VoidRequest]>('voidInvoice');
export const setRemindersUpdate = defineUpdate<LifecycleState, [{ enabled: boolean }]>('setReminders');
/** Take the invoice's status and balance from the database again: after "recalculate" corrected them there. */
export const syncMoneyUpdate = defineUpdate<LifecycleState, []>('syncMoney');
export const lifecycleStateQuery = defineQuery<LifecycleState>('lifecycleState');

const refuse = (code: string, message: string): never => {
  throw ApplicationFailure.create({ type: code, message, nonRetryable: true });
};

export async function invoiceLifecycle(input: LifecycleInput): Promise<LifecycleState> {
  const ref = { companyId: input.companyId, documentId: input.documentId };
  const state: LifecycleState = input.resume ?? {
    ready: false, kind: 'invoice', number: '', revision: 0, status: 'draft', totalCents: 0, balanceCents: 0, plan: [], remindersDone: [], remindersEnabled: true,
  };
  const settled = () => isSettled(state.status);
  const apply = (m: MoneyState) => {
    state.status = m.status;
    state.balanceCents = m.balanceCents;
  };

  // Money changes and reminder sends take turns, so a reminder never races the payment that settles the invoice.
  // condition() releases every waiter whose test holds at once (and at once when it holds already), before any of
  // them runs on to take the turn; so each looks again on waking, and the first through takes it. Histories
  // recorded before the second look replay as they ran.
  let busy = false;
  const free = () => state.ready && !busy;
  async function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (patched('exclusive-turns')) {
      while (!free()) await condition(free);
    } else {
      await condition(free);
    }
    busy = true;
    try {
      return await fn();
    } finally {
      busy = false;
    }
  }
  const open = () => {
    if (state.ready && state.kind !== 'invoice') refuse('NOT_AN_INVOICE', 'Payments and credit apply to invoices.');
    if (state.ready && state.status !== 'sent' && state.status !== 'partially_paid') refuse('INVOICE_SETTLED', `This invoice is ${state.status}.`);
  };

  // Receipts go out beside the lifecycle, not in the payment's turn: the Update answers once the
  // payment is recorded, and the workflow does not end (or continue as new) while one is in flight.
  let receiptsInFlight = 0;
  const mailReceipt = (out: PaymentOutcome) => {
    receiptsInFlight++;
    acts().emailReceipt({ ...ref, paymentId: out.paymentId, balanceCents: out.balanceCents, intentKey: documentEmailKey.receipt(input.documentId, out.paymentId) })
      // A client with no address gets no receipt; that must not fail the invoice's lifecycle.
      .catch(() => undefined)
      .finally(() => { receiptsInFlight--; });
  };
  const quiet = () => allHandlersFinished() && receiptsInFlight === 0;

  setHandler(lifecycleStateQuery, () => state);
  setHandler(recordPaymentUpdate, (p) => exclusive(async () => {
    const { sendReceipt, ...payment } = p;
    const out = await acts().recordPayment({ ...ref, actorUserId: p.actorUserId, payment });
    apply(out);
    // Histories from before receipts existed replay without one.
    if (sendReceipt !== false && patched('payment-receipt')) mailReceipt(out);
    return out;
  }), {
    validator: (p) => {
      open();
      if (!state.ready) return;
      const split = splitPayment(state.balanceCents, p.amountCents, p.keepExcessAsCredit);
      if (isRefusal(split)) refuse(split.code, split.message);
    },
  });
  setHandler(applyCreditUpdate, (c) => exclusive(async () => {
    const out = await acts().applyCredit({ ...ref, actorUserId: c.actorUserId, credit: c });
    apply(out);
    return out;
  }), {
    validator: (c) => {
      open();
      if (state.ready && c.amountCents > state.balanceCents) refuse('CREDIT_APPLICATION_INVALID', 'That is more than the invoice still owes.');
    },
  });
  setHandler(voidInvoiceUpdate, (v) => exclusive(async () => {
    const out = await acts().voidInvoice({ ...ref, actorUserId: v.actorUserId, reason: v.reason });
    apply(out);
    return out;
  }), {
    validator: (_v: VoidRequest) => {
      const problem = state.ready ? invoiceMoveProblem(state.status as InvoiceStatus, 'void') : null;
      if (problem) refuse('INVOICE_NOT_VOIDABLE', problem);
    },
  });
  setHandler(syncMoneyUpdate, () => exclusive(async () => {
    apply(await acts().readMoney(ref));
    return state;
  }));
  setHandler(setRemindersUpdate, ({ enabled }) => {
    state.remindersEnabled = enabled;
    return state;
  });

  if (!state.ready) {
    const sent = await acts().sendDocument({ ...ref, actorUserId: input.actorUserId, revision: input.revision });
    Object.assign(state, {
      kind: sent.kind, number: sent.number, revision: sent.revision, status: sent.status, totalCents: sent.totalCents, balanceCents: sent.balanceCents,
      // Histories recorded before the opt-out travelled with the send facts have no value: reminders were on.
      plan: input.reminderPlan ?? sent.plan, remindersEnabled: sent.remindersEnabled ?? true, expiresAt: input.expiresAt ?? sent.expiresAt,
    });
    state.ready = true;
    // A draft voided before its send got going is not mailed.
    if (!settled()) {
      await acts().storeDocumentPdf(ref);
      await acts().emailDocument({ ...ref, intentKey: documentEmailKey.send(state.kind, input.documentId, state.revision) });
    }
  }

  // An estimate's revision left unanswered expires after the day it is valid until; one answered or
  // sent again by then is left as it is (the activity looks). Histories recorded before expiry
  // existed ended after the email (their send facts carry no expiry).
  if (state.kind === 'estimate' && state.expiresAt !== undefined && patched('estimate-expiry')) {
    await sleep(Math.max(1, state.expiresAt - Date.now()));
    if (await acts().expireEstimate({ ...ref, revision: state.revision })) state.status = 'expired';
  }

  while (state.kind === 'invoice' && !settled()) {
    const next = state.plan.find((s) => !state.remindersDone.includes(s.step));
    if (!next) {
      await condition(settled);
      break;
    }
    await condition(settled, Math.max(1, next.at - Date.now()));
    if (settled()) break;
    await exclusive(async () => {
      for (const step of dueSteps(state.plan, Date.now(), new Set(state.remindersDone))) {
        if (settled()) return;
        if (state.remindersEnabled) {
          await acts().emailDocument({ ...ref, intentKey: documentEmailKey.reminder(input.documentId, step.step), reminder: { step: step.step, offsetDays: step.offsetDays } });
        }
        state.remindersDone.push(step.step);
      }
    });
    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > (input.historyLimit ?? 10_000)) {
      await condition(() => !busy && quiet());
      await continueAsNew<typeof invoiceLifecycle>({ ...input, resume: state });
    }
  }
  await condition(quiet);
  return state;
}
