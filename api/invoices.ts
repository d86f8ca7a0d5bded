/**
 * The API side of the invoice lifecycle workflow: start it when a document is
 * sent, and send it Updates (payment, credit, void, reminders). Refusals the
 * workflow or its activities raise on purpose carry a code; they become the
 * matching AppError, and anything else propagates as a 500.
 */
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { getDocument } from '../db/documents';
import { withTenant } from '../db/tenant';
import { lifecycleWorkflowId, type LifecycleState } from '../domain/documents/lifecycle';
import { OPEN_INVOICE_STATUSES } from '../domain/documents/status';
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

export async function startLifecycle(deps: ApiDeps, input: LifecycleInput & { kind: 'invoice' | 'estimate' }): Promise<string> {
  const workflowId = lifecycleWorkflowId(input.kind, input.documentId, input.revision);
  await begin(deps, workflowId, input);
  return workflowId;
}

/**
 * Start the lifecycle; false when it runs already or (unless `again`) ended in success: a second send joins
 * it, or finds nothing to do. `again` starts one even after a run that completed — for an invoice read open
 * now, whose lifecycle ended when it was settled and which "recalculate" has since found owing.
 */
async function begin({ temporal, settings }: ApiDeps, workflowId: string, input: LifecycleInput & { kind: 'invoice' | 'estimate' }, again = false): Promise<boolean> {
  const { kind: _kind, ...args } = input;
  try {
    await temporal.workflow.start<typeof invoiceLifecycle>('invoiceLifecycle', {
      workflowId, taskQueue: settings.TEMPORAL_TASK_QUEUE, args: [args],
      typedSearchAttributes: [{ key: COMPANY_ID, value: input.companyId }],
      // A second send while it runs joins it; after it settled the document there is nothing to send. A run that failed
      // (its send refused by a race the API's checks could not see, say) or was terminated may be started again.
      workflowIdConflictPolicy: 'USE_EXISTING', workflowIdReusePolicy: again ? 'ALLOW_DUPLICATE' : 'ALLOW_DUPLICATE_FAILED_ONLY',
    });
    return true;
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    return false;
  }
}

export type LifecycleUpdate = 'recordPayment' | 'applyCredit' | 'voidInvoice' | 'setReminders' | 'syncMoney';

/**
 * Send an Update to an invoice's lifecycle. `updateId` makes a retried request (same payment id)
 * the same Update. When no lifecycle runs, the invoice says why: never sent, or settled (409).
 * An invoice still open whose lifecycle ended anyway (failed, terminated by an operator, or
 * completed when it was settled and since found owing by "recalculate") would otherwise take no
 * payment ever again: its lifecycle is started again — every step is
 * idempotent, so the new run finds the invoice sent and its emails gone, and sends only the
 * reminders whose time came meanwhile — and the Update is sent once more.
 */
export async function lifecycleUpdate<R>(
  deps: ApiDeps, ref: { companyId: string; documentId: string }, update: LifecycleUpdate, arg: unknown, opts: { updateId?: string } = {},
): Promise<R> {
  const send = async (): Promise<R | null> => {
    try {
      return await deps.temporal.workflow.getHandle(lifecycleWorkflowId('invoice', ref.documentId)).executeUpdate<R, [unknown]>(update, { args: [arg], updateId: opts.updateId });
    } catch (err) {
      const refused = refusalOf(err);
      if (refused) throw refused;
      if (err instanceof WorkflowNotFoundError || (err instanceof Error && /already completed|not found/i.test(err.message))) return null;
      throw err;
    }
  };
  const first = await send();
  if (first !== null) return first;
  const d = await withTenant(deps.database.db, ref.companyId, (tx) => getDocument(tx, ref.companyId, ref.documentId));
  if (!d) throw AppError.notFound('No such document.');
  if (d.kind !== 'invoice') throw new AppError(422, 'NOT_AN_INVOICE', 'Payments, credit and voids apply to invoices.');
  if (d.status === 'draft') throw new AppError(409, 'INVOICE_NOT_SENT', 'Send the invoice before recording money against it.');
  if ((OPEN_INVOICE_STATUSES as readonly string[]).includes(d.status)) {
    if (await begin(deps, lifecycleWorkflowId('invoice', ref.documentId), { kind: 'invoice', ...ref, actorUserId: null }, true)) {
      deps.log.warn('invoice lifecycle restarted: the invoice is open but its lifecycle had ended', { ...ref, status: d.status });
    }
    const second = await send();
    if (second !== null) return second;
  }
  throw new AppError(409, 'INVOICE_SETTLED', `This invoice is ${d.status}.`);
}

export async function lifecycleState({ temporal }: ApiDeps, kind: 'invoice' | 'estimate', documentId: string): Promise<LifecycleState | null> {
  try {
    return await temporal.workflow.getHandle(lifecycleWorkflowId(kind, documentId)).query<LifecycleState>('lifecycleState');
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return null;
    throw err;
  }
}
