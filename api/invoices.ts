/**
 * The API side of the invoice lifecycle workflow: start it when a document is
 * sent, and send it Updates (payment, credit, void, reminders). Refusals the
 * workflow or its activities raise on purpose carry a code; they become the
 * matching AppError, and anything else propagates as a 500.
 */
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { lifecycleWorkflowId, type LifecycleState } from '../domain/documents/lifecycle';
import { AppError, type ErrorStatus } from '../domain/errors';
import type { invoiceLifecycle, LifecycleInput } from '../workflows/invoice-lifecycle';
import { COMPANY_ID } from '../workflows/search-attributes';
import type { ApiDeps } from './env';

const STATUS: Record<string, ErrorStatus> = {
  PAYMENT_INVALID: 422, PAYMENT_EXCEEDS_BALANCE: 422, CREDIT_APPLICATION_INVALID: 422, PERIOD_CLOSED: 422, NOT_SENDABLE: 422, NOT_AN_INVOICE: 422,
  ACCOUNT_MISSING: 422, ACCOUNT_INACTIVE: 422, INVOICE_SETTLED: 409, INVOICE_NOT_VOIDABLE: 409, INVOICE_NOT_SENT: 409, IDEMPOTENCY_KEY_REUSED: 409, NOT_FOUND: 404,
};

/** The first deliberate refusal in a failure's cause chain, as an AppError. */
export function refusalOf(err: unknown): AppError | null {
  for (let e: unknown = err; e instanceof Error; e = (e as Error & { cause?: unknown }).cause) {
    if (e instanceof ApplicationFailure && e.type && e.type in STATUS) return new AppError(STATUS[e.type]!, e.type, e.message);
  }
  return null;
}

export async function startLifecycle({ temporal, settings }: ApiDeps, input: LifecycleInput & { kind: 'invoice' | 'estimate' }): Promise<string> {
  const { kind, ...args } = input;
  const workflowId = lifecycleWorkflowId(kind, input.documentId, input.revision);
  try {
    await temporal.workflow.start<typeof invoiceLifecycle>('invoiceLifecycle', {
      workflowId, taskQueue: settings.TEMPORAL_TASK_QUEUE, args: [args],
      typedSearchAttributes: [{ key: COMPANY_ID, value: input.companyId }],
      // A document is sent once: a second send while it runs joins it; after it ends, there is nothing to send.
      workflowIdConflictPolicy: 'USE_EXISTING', workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  return workflowId;
}

export type LifecycleUpdate = 'recordPayment' | 'applyCredit' | 'voidInvoice' | 'setReminders';

/**
 * Send an Update to a running lifecycle. `updateId` makes a retried request
 * (same payment id) the same Update. A lifecycle that has ended or never
 * started is reported by `notRunning`, which knows why from the document.
 */
export async function lifecycleUpdate<R>(
  { temporal }: ApiDeps, kind: 'invoice' | 'estimate', documentId: string, update: LifecycleUpdate, arg: unknown,
  opts: { updateId?: string; notRunning: () => Promise<never> },
): Promise<R> {
  const handle = temporal.workflow.getHandle(lifecycleWorkflowId(kind, documentId));
  try {
    return await handle.executeUpdate<R, [unknown]>(update, { args: [arg], updateId: opts.updateId });
  } catch (err) {
    const refused = refusalOf(err);
    if (refused) throw refused;
    if (err instanceof WorkflowNotFoundError || (err instanceof Error && /already completed|not found/i.test(err.message))) return opts.notRunning();
    throw err;
  }
}

export async function lifecycleState({ temporal }: ApiDeps, kind: 'invoice' | 'estimate', documentId: string): Promise<LifecycleState | null> {
  try {
    return await temporal.workflow.getHandle(lifecycleWorkflowId(kind, documentId)).query<LifecycleState>('lifecycleState');
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return null;
    throw err;
  }
}
