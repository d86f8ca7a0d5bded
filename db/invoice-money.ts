/**
 * The commands that move an invoice's money: send (post the receivable),
 * record a payment, apply client credit, void. Each runs in the caller's
 * tenant transaction, locks the invoice first and the client second (one
 * lock order everywhere), changes balance and status, writes the money rows,
 * posts the journal entry and the audit event — all or nothing. Each is
 * idempotent by its business id, so the lifecycle workflow's retried
 * activities change nothing twice.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../domain/errors';
import { canonicalJson, documentSnapshot, sendProblem } from '../domain/documents/snapshot';
import { invoiceMoveProblem, statusAfterPayment, type InvoiceStatus } from '../domain/documents/status';
import { creditApplied, invoiceSent, payment, reversal } from '../domain/ledger/posting';
import { creditApplicationProblem, isRefusal, splitPayment, type PaymentMethod } from '../domain/payments';
import { recordAudit, type AuditEvent } from './audit';
import { billingEmail } from './client-contacts';
import { getClient } from './clients';
import type { Tx } from './client';
import { getDocument, linesOf, lockDocument, updateDocument, type DocumentRow } from './documents';
import { entryLines, findEntry, postEntry } from './journal';
import { addCreditEntry, findCreditApplication, findPayment, insertCreditApplication, insertPayment, lockClientCredit } from './payments';
import { assertOpenPeriod } from './periods';
import { releaseBilledTime } from './time-entries';
import { documents } from './schema/documents';
import { documentRevisions } from './schema/portal';

/** Who acted, for the audit event and the rows' recorded-by (auditBy in the API builds it). */
export type Actor = Pick<AuditEvent, 'actorUserId' | 'requestId' | 'ip'>;

export interface MoneyState {
  status: string;
  totalCents: number;
  balanceCents: number;
}

export const stateOf = (d: DocumentRow): MoneyState => ({ status: d.status, totalCents: d.totalCents, balanceCents: d.balanceCents });

/** What a payment recorded earlier answers, with the invoice as it stands now. */
const outcomeOf = (d: DocumentRow, p: { id: string; appliedCents: number; creditCents: number }): PaymentOutcome => ({ ...stateOf(d), paymentId: p.id, appliedCents: p.appliedCents, creditCents: p.creditCents });

async function lockInvoice(tx: Tx, companyId: string, id: string): Promise<DocumentRow> {
  const d = await lockDocument(tx, companyId, id);
  if (!d) throw AppError.notFound('No such document.');
  return d;
}

/** An id the API chose (the Idempotency-Key) names one money row on one invoice; reused on another, it is refused. */
function sameInvoice<T extends { documentId: string }>(done: T | null, d: DocumentRow, what: string): T | null {
  if (done && done.documentId !== d.id) throw new AppError(409, 'IDEMPOTENCY_KEY_REUSED', `That idempotency key already ${what} another invoice.`);
  return done;
}

function assertOpen(d: DocumentRow): void {
  if (d.kind !== 'invoice') throw new AppError(422, 'NOT_AN_INVOICE', 'Payments and credit apply to invoices.');
  if (d.status !== 'sent' && d.status !== 'partially_paid') {
    throw new AppError(409, d.status === 'draft' ? 'INVOICE_NOT_SENT' : 'INVOICE_SETTLED', d.status === 'draft' ? 'Send the invoice before recording money against it.' : `This invoice is ${d.status}.`);
  }
}

/**
 * Draft → sent: snapshot what the client sees (revision n), and for an invoice
 * post DR A/R / CR revenue / CR sales tax dated its issue date. Sending again
 * returns the state as it is.
 */
export async function sendDocument(tx: Tx, companyId: string, id: string, actor: Actor, asRevision?: number): Promise<MoneyState & { revision: number }> {
  const d = await lockInvoice(tx, companyId, id);
  // Sent already (a retried activity, a second send of an invoice): as it is. A sent estimate being
  // sent again arrives with the revision it is to become, so the retry of that send is as it is too.
  if (d.status !== 'draft' && !(d.kind === 'estimate' && (d.status === 'sent' || d.status === 'expired') && asRevision !== undefined && d.revision < asRevision)) {
    return { ...stateOf(d), revision: d.revision };
  }
  const lines = await linesOf(tx, companyId, id);
  const client = await getClient(tx, companyId, d.clientId, { includeDeleted: true });
  const problem = sendProblem(d, lines.length, client ? await billingEmail(tx, companyId, client) : null);
  if (problem) throw new AppError(422, 'NOT_SENDABLE', problem);
  if (d.kind === 'invoice') await assertOpenPeriod(tx, companyId, d.issueDate);

  const revision = d.revision + 1;
  const json = canonicalJson(documentSnapshot(d, client!, lines, revision));
  await tx.insert(documentRevisions).values({ companyId, documentId: id, revision, snapshot: JSON.parse(json), snapshotSha256: createHash('sha256').update(json).digest('hex') });
  const row = await updateDocument(tx, companyId, id, { status: 'sent', sentAt: new Date(), revision });
  if (d.kind === 'invoice') {
    await postEntry(tx, {
      companyId, sourceType: 'invoice', sourceId: id, entryDate: d.issueDate, currency: d.currency, memo: `Invoice ${d.number}`, documentId: id, postedBy: actor.actorUserId,
      // Revenue is what the client owes less the tax collected, whether prices included tax or not.
      lines: invoiceSent({ clientId: d.clientId, taxCents: d.taxCents, revenue: [{ account: { role: 'revenue' }, cents: d.totalCents - d.taxCents }] }),
    });
  }
  await recordAudit(tx, { companyId, ...actor, action: `${d.kind}.sent`, objectType: d.kind, objectId: id, after: { number: d.number, revision, totalCents: d.totalCents } });
  return { ...stateOf(row), revision };
}

/**
 * A sent estimate's revision left unanswered past its valid-until date becomes expired. Only that
 * revision, only while it is still sent: one accepted, declined or sent again since is left as it is,
 * and running this twice changes nothing twice. Whether it expired now.
 */
export async function expireEstimate(tx: Tx, companyId: string, id: string, revision: number): Promise<boolean> {
  const [row] = await tx.update(documents).set({ status: 'expired' })
    .where(and(eq(documents.companyId, companyId), eq(documents.id, id), eq(documents.kind, 'estimate'), eq(documents.status, 'sent'), eq(documents.revision, revision)))
    .returning({ number: documents.number, dueDate: documents.dueDate });
  if (!row) return false;
  await recordAudit(tx, { companyId, actorUserId: null, action: 'estimate.expired', objectType: 'estimate', objectId: id, after: { number: row.number, revision, validUntil: row.dueDate } });
  return true;
}

export interface PaymentInput {
  paymentId: string;
  documentId: string;
  amountCents: number;
  method: PaymentMethod;
  reference: string;
  receivedOn: string;
  keepExcessAsCredit: boolean;
}

export interface PaymentOutcome extends MoneyState {
  paymentId: string;
  appliedCents: number;
  creditCents: number;
}

/** A payment against an open invoice; any excess the payer allows becomes client credit. */
export async function recordPayment(tx: Tx, companyId: string, p: PaymentInput, actor: Actor): Promise<PaymentOutcome> {
  const d = await lockInvoice(tx, companyId, p.documentId);
  const done = sameInvoice(await findPayment(tx, companyId, p.paymentId), d, 'recorded a payment on');
  if (done) return outcomeOf(d, done);
  assertOpen(d);
  const split = splitPayment(d.balanceCents, p.amountCents, p.keepExcessAsCredit);
  if (isRefusal(split)) throw new AppError(422, split.code, split.message);
  // Else the receivable would be paid before it existed, and the books run negative in between.
  if (p.receivedOn < d.issueDate) throw new AppError(422, 'PAYMENT_INVALID', `A payment can't be dated before the invoice (${d.issueDate}).`);
  await assertOpenPeriod(tx, companyId, p.receivedOn);

  const balanceCents = d.balanceCents - split.appliedCents;
  const status = statusAfterPayment(d.totalCents, balanceCents);
  await insertPayment(tx, {
    id: p.paymentId, companyId, clientId: d.clientId, documentId: d.id, method: p.method, reference: p.reference, receivedOn: p.receivedOn,
    currency: d.currency, amountCents: p.amountCents, ...split, recordedBy: actor.actorUserId,
  });
  const row = await updateDocument(tx, companyId, d.id, { balanceCents, status });
  if (split.creditCents > 0) {
    // Credit is held in the client's currency: an excess in another is not kept (documents are in their client's currency, so this is a wall, not a path).
    if ((await lockClientCredit(tx, companyId, d.clientId)).currency !== d.currency) throw new AppError(422, 'PAYMENT_INVALID', `Credit is kept in the client's currency, not ${d.currency}.`);
    await addCreditEntry(tx, { companyId, clientId: d.clientId, amountCents: split.creditCents, sourceType: 'payment', sourceId: p.paymentId, documentId: d.id });
  }
  await postEntry(tx, {
    companyId, sourceType: 'payment', sourceId: p.paymentId, entryDate: p.receivedOn, currency: d.currency, memo: `Payment on ${d.number}`, documentId: d.id, postedBy: actor.actorUserId,
    lines: payment({ clientId: d.clientId, method: p.method, ...split }),
  });
  await recordAudit(tx, {
    companyId, ...actor, action: 'invoice.payment_recorded', objectType: 'invoice', objectId: d.id,
    before: { balanceCents: d.balanceCents, status: d.status }, after: { paymentId: p.paymentId, amountCents: p.amountCents, ...split, balanceCents, status },
  });
  return { ...stateOf(row), paymentId: p.paymentId, ...split };
}

export interface CreditInput {
  applicationId: string;
  documentId: string;
  amountCents: number;
  appliedOn: string;
}

/** Client credit used to pay an invoice down: DR customer credits, CR A/R. */
export async function applyCredit(tx: Tx, companyId: string, a: CreditInput, actor: Actor): Promise<MoneyState> {
  const d = await lockInvoice(tx, companyId, a.documentId);
  const done = sameInvoice(await findCreditApplication(tx, companyId, a.applicationId), d, 'applied credit to');
  if (done) return stateOf(d);
  assertOpen(d);
  const credit = await lockClientCredit(tx, companyId, d.clientId);
  const problem = creditApplicationProblem({ cents: credit.creditCents, currency: credit.currency }, d, a.amountCents);
  if (problem) throw new AppError(422, 'CREDIT_APPLICATION_INVALID', problem);
  await assertOpenPeriod(tx, companyId, a.appliedOn);

  const balanceCents = d.balanceCents - a.amountCents;
  const status = statusAfterPayment(d.totalCents, balanceCents);
  await insertCreditApplication(tx, { id: a.applicationId, companyId, clientId: d.clientId, documentId: d.id, amountCents: a.amountCents, appliedOn: a.appliedOn, recordedBy: actor.actorUserId });
  await addCreditEntry(tx, { companyId, clientId: d.clientId, amountCents: -a.amountCents, sourceType: 'credit_application', sourceId: a.applicationId, documentId: d.id });
  const row = await updateDocument(tx, companyId, d.id, { balanceCents, status });
  await postEntry(tx, {
    companyId, sourceType: 'credit_application', sourceId: a.applicationId, entryDate: a.appliedOn, currency: d.currency, memo: `Credit applied to ${d.number}`,
    documentId: d.id, postedBy: actor.actorUserId, lines: creditApplied({ clientId: d.clientId, cents: a.amountCents }),
  });
  await recordAudit(tx, {
    companyId, ...actor, action: 'invoice.credit_applied', objectType: 'invoice', objectId: d.id,
    before: { balanceCents: d.balanceCents }, after: { applicationId: a.applicationId, amountCents: a.amountCents, balanceCents, status },
  });
  return stateOf(row);
}

/** A payment already recorded under this id on this invoice (a retried request), with the invoice as it stands now. */
export async function recordedPayment(tx: Tx, companyId: string, documentId: string, paymentId: string): Promise<PaymentOutcome | null> {
  const done = await findPayment(tx, companyId, paymentId);
  const d = done?.documentId === documentId ? await getDocument(tx, companyId, documentId) : null;
  return d && done ? outcomeOf(d, done) : null;
}

/** The invoice as it stands, if credit was already applied to it under this id (a retried request). */
export async function recordedCreditApplication(tx: Tx, companyId: string, documentId: string, applicationId: string): Promise<MoneyState | null> {
  const done = await findCreditApplication(tx, companyId, applicationId);
  const d = done?.documentId === documentId ? await getDocument(tx, companyId, documentId) : null;
  return d ? stateOf(d) : null;
}

/** The invoice as it stands, if it is void already (a void sent again, its first answer lost). */
export async function recordedVoid(tx: Tx, companyId: string, documentId: string): Promise<MoneyState | null> {
  const d = await getDocument(tx, companyId, documentId);
  return d?.status === 'void' ? stateOf(d) : null;
}

/** Void a draft, which has nothing posted and no lifecycle; null if, under its lock, it is a draft no more (its send got there first). */
export async function voidDraft(tx: Tx, companyId: string, id: string, v: { voidedOn: string; reason: string }, actor: Actor): Promise<MoneyState | null> {
  const d = await lockInvoice(tx, companyId, id);
  return d.status === 'draft' ? voidInvoice(tx, companyId, id, v, actor) : null;
}

/** Void: nothing is owed any more, and the receivable is reversed by a new entry dated the void. */
export async function voidInvoice(tx: Tx, companyId: string, id: string, v: { voidedOn: string; reason: string }, actor: Actor): Promise<MoneyState> {
  const d = await lockInvoice(tx, companyId, id);
  if (d.status === 'void') return stateOf(d);
  if (d.kind !== 'invoice') throw new AppError(422, 'NOT_AN_INVOICE', 'Only invoices are voided; decline or delete an estimate.');
  const problem = invoiceMoveProblem(d.status as InvoiceStatus, 'void');
  if (problem) throw new AppError(409, 'INVOICE_NOT_VOIDABLE', problem);
  const posted = await findEntry(tx, companyId, 'invoice', id);
  if (posted) await assertOpenPeriod(tx, companyId, v.voidedOn);

  const row = await updateDocument(tx, companyId, id, { status: 'void', balanceCents: 0 });
  // Time billed on it was not billed after all: back to approved, for the invoice that replaces it.
  const released = await releaseBilledTime(tx, companyId, id);
  if (posted) {
    await postEntry(tx, {
      companyId, sourceType: 'invoice_void', sourceId: id, entryDate: v.voidedOn, currency: d.currency, memo: `Void of invoice ${d.number}`, documentId: id, postedBy: actor.actorUserId,
      // A reversal mirrors what was posted, even to an account deactivated since.
      lines: reversal(await entryLines(tx, companyId, posted.id)), allowInactive: true,
    });
  }
  await recordAudit(tx, {
    companyId, ...actor, action: 'invoice.voided', objectType: 'invoice', objectId: id,
    before: { status: d.status, balanceCents: d.balanceCents }, after: { status: 'void', reason: v.reason, ...(released && { timeEntriesReleased: released }) },
  });
  return stateOf(row);
}
