/**
 * The invoice lifecycle's activities. Each is idempotent by a business key:
 * sending by the document (a sent document stays as it is), the PDF by the
 * revision it shows, each email by its intent key (recorded before it is
 * sent), payments and credit by the ids the API chose, the void by the
 * document. Refusals (AppError) become non-retryable failures carrying their
 * code, so the workflow's caller sees why.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Db, Tx } from '../db/client';
import { billingEmail } from '../db/client-contacts';
import { addressLines, documentContext, type DocumentContext } from '../db/document-context';
import { updateDocument } from '../db/documents';
import * as money from '../db/invoice-money';
import { enqueueEmail, findOutbox } from '../db/mail';
import { findPayment } from '../db/payments';
import type { EmailAttachment } from '../db/schema/mail';
import { latestRevision, savePortalToken } from '../db/portal';
import { withTenant } from '../db/tenant';
import { derivedToken } from '../db/tokens';
import { addDays, dayIn, instantIn, notBefore } from '../domain/dates';
import { documentEmail, receiptEmail, reminderEmail, type EmailContent } from '../domain/emails';
import { AppError } from '../domain/errors';
import { formatCents } from '../domain/money';
import { PAYMENT_METHOD_LABELS } from '../domain/payments';
import type { LifecycleState } from '../domain/documents/lifecycle';
import { sentTaxInclusive, type DocumentSnapshot } from '../domain/documents/snapshot';
import { reminderPlan } from '../domain/reminders';
import { deliverOutboxEmail, type DeliveryOutcome, type Mailer } from './email';
import { renderDocumentPdf } from './pdf/document-pdf';
import type { Storage } from './storage/types';

export interface InvoiceActivityDeps {
  db: Db;
  mailer: Mailer;
  storage: Storage;
  /** The app's public URL, read when a link is made. */
  appUrl: () => string;
  /** Derives portal tokens, so a retried email carries the link it stored. */
  secret: string;
}

const NO_ADDRESS = 'The client has no email address.';

/** How long a mailed portal link works. */
export const PORTAL_LINK_DAYS = 90;

export interface DocumentRef {
  companyId: string;
  documentId: string;
}

/**
 * What the lifecycle learns from sending: its state's starting values. `plan` is the company's
 * reminder schedule for this invoice (empty for estimates); `remindersEnabled` the invoice's own
 * opt-out as it stands at sending.
 */
export type SentFacts = Pick<LifecycleState, 'kind' | 'number' | 'revision' | 'status' | 'totalCents' | 'balanceCents' | 'plan' | 'remindersEnabled' | 'expiresAt'>;

/**
 * Where a PDF is kept: a draft's (made afresh each time), or a sent revision's as its money then stood.
 * An invoice prints what was paid and what is due, so each state it reaches (paid down, paid, void) is a
 * PDF of its own, made once; an estimate's revision is one PDF.
 */
function pdfKey(ref: DocumentRef, doc: { kind: string; revision: number; status: string; totalCents: number; balanceCents: number }): string {
  const base = `${ref.companyId}/documents/${ref.documentId}`;
  if (doc.revision === 0) return `${base}/draft.pdf`;
  const moneyMoved = doc.kind === 'invoice' && (doc.status === 'void' || doc.balanceCents !== doc.totalCents);
  return `${base}/r${doc.revision}${moneyMoved ? `-${doc.status}-${doc.balanceCents}` : ''}.pdf`;
}

async function readContext(tx: Tx, ref: DocumentRef): Promise<DocumentContext> {
  const ctx = await documentContext(tx, ref.companyId, ref.documentId);
  if (!ctx) throw AppError.notFound('No such document.');
  return ctx;
}

/** A portal link whose token is derived from its purpose, stored (once) as a hash. */
async function portalLink(tx: Tx, deps: Pick<InvoiceActivityDeps, 'appUrl' | 'secret'>, ref: DocumentRef, purpose: string): Promise<string> {
  const token = derivedToken(deps.secret, `portal:${purpose}`);
  await savePortalToken(tx, { ...ref, token, expiresAt: new Date(Date.now() + PORTAL_LINK_DAYS * 86_400_000) });
  return `${deps.appUrl()}/portal/${token}`;
}

/**
 * Render and store the PDF of what was sent (or of a draft as it is now) and return its storage key.
 * A sent revision prints its snapshot — what the client was sent and may have signed — not the
 * document as it may have been edited since (an estimate being revised); an invoice adds what has been
 * paid and what is due now. Each such PDF is made once and kept; a draft's is made again each time.
 */
export async function storeDocumentPdf(deps: Pick<InvoiceActivityDeps, 'db' | 'storage' | 'appUrl' | 'secret'>, ref: DocumentRef): Promise<string> {
  const { db, storage } = deps;
  // One read for the document and its printed portal link (storing the link's token is idempotent).
  const { ctx, portalUrl } = await withTenant(db, ref.companyId, async (tx) => {
    const ctx = await readContext(tx, ref);
    return { ctx, portalUrl: ctx.doc.revision > 0 ? await portalLink(tx, deps, ref, `pdf:${ref.documentId}:r${ctx.doc.revision}`) : null };
  });
  const key = pdfKey(ref, ctx.doc);
  if (ctx.doc.revision > 0 && (await storage.head(key))) {
    if (ctx.doc.pdfKey !== key) await withTenant(db, ref.companyId, (tx) => updateDocument(tx, ref.companyId, ref.documentId, { pdfKey: key }));
    return key;
  }
  // Only when there is something to render: the snapshot of what was sent.
  const sent = ctx.doc.revision > 0
    ? ((await withTenant(db, ref.companyId, (tx) => latestRevision(tx, ref.companyId, ref.documentId)))?.snapshot as DocumentSnapshot | undefined) ?? null
    : null;
  const logo = ctx.company.logoKey ? await storage.get(ctx.company.logoKey) : null;
  const { client } = ctx;
  // What is printed: the sent snapshot (its dates, wording, lines and totals), with status and balance as they are now.
  const doc = sent ? { ...ctx.doc, ...sent, kind: ctx.doc.kind } : ctx.doc;
  const lines = sent ? sent.lines : ctx.lines;
  const bytes = await renderDocumentPdf({
    company: {
      name: ctx.company.name, email: ctx.company.email, brandColor: ctx.company.brandColor, logo,
      addressLines: [...addressLines(ctx.company.address), ...(ctx.company.phone ? [ctx.company.phone] : [])],
    },
    client: { name: client.name, email: client.email, addressLines: addressLines(client.address), taxId: client.taxId },
    document: {
      kind: doc.kind, number: doc.number, status: doc.status, issueDate: doc.issueDate, dueDate: doc.dueDate, currency: doc.currency, notes: doc.notes, terms: doc.terms,
      subtotalCents: doc.subtotalCents, discountCents: doc.discountCents, taxCents: doc.taxCents, totalCents: doc.totalCents,
      paidCents: doc.status === 'void' ? 0 : doc.totalCents - doc.balanceCents, balanceCents: doc.balanceCents,
      taxInclusive: sent ? sentTaxInclusive(sent) : ctx.doc.taxInclusive,
    },
    lines: lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPriceCents: l.unitPriceCents, netCents: l.netCents, taxable: l.taxable, taxRateBps: l.taxRateBps })),
    portalUrl,
  });
  await storage.put(key, bytes, 'application/pdf');
  await withTenant(db, ref.companyId, (tx) => updateDocument(tx, ref.companyId, ref.documentId, { pdfKey: key }));
  return key;
}

function refusal(err: unknown): never {
  if (err instanceof AppError) throw ApplicationFailure.create({ type: err.code, message: err.message, nonRetryable: true, details: [err.status] });
  throw err;
}

export function createInvoiceActivities(deps: InvoiceActivityDeps) {
  const { db } = deps;
  const tenant = <T>(companyId: string, fn: (tx: Tx) => Promise<T>) => withTenant(db, companyId, fn).catch(refusal);

  /**
   * Record the email `compose` writes for the document's client under the intent key unless it is recorded already, then deliver it once.
   * A client with no address now (cleared since the document went out) gets it recorded as not delivered, which the document's
   * timeline shows: an email that cannot go must not end the lifecycle, or the invoice could no longer be paid or voided.
   */
  async function mailOnce(ref: DocumentRef & { intentKey: string }, compose: (tx: Tx, ctx: DocumentContext) => Promise<EmailContent & { attachments?: EmailAttachment[] }>): Promise<DeliveryOutcome> {
    const found = await findOutbox(db, ref.intentKey);
    // Written now: delivered from the row in hand. Found (a retry), or written meanwhile by another attempt: read as it stands.
    const written = found ? null : await tenant(ref.companyId, async (tx) => {
      const ctx = await readContext(tx, ref);
      const to = await billingEmail(tx, ref.companyId, ctx.client);
      // The app's address sends it; the client's reply goes to the company.
      return enqueueEmail(tx, {
        intentKey: ref.intentKey, to: to ?? '', replyTo: ctx.company.email, deliveredBy: 'invoice_lifecycle', ...(await compose(tx, ctx)), ...(!to && { undeliverable: NO_ADDRESS }),
      });
    });
    return deliverOutboxEmail(deps, ref.intentKey, written);
  }

  return {
    async sendDocument(ref: DocumentRef & { actorUserId: string | null; revision?: number }): Promise<SentFacts> {
      return tenant(ref.companyId, async (tx) => {
        const sent = await money.sendDocument(tx, ref.companyId, ref.documentId, { actorUserId: ref.actorUserId }, ref.revision);
        const { doc, company } = await readContext(tx, ref);
        // The whole schedule, even when reminders are off for now: turning them on later resumes it.
        return {
          kind: doc.kind, number: doc.number, revision: sent.revision, status: sent.status, totalCents: sent.totalCents, balanceCents: sent.balanceCents,
          plan: doc.kind === 'invoice' ? reminderPlan(doc.dueDate, company.reminderDays, company.timeZone) : [], remindersEnabled: doc.remindersEnabled,
          // An estimate is valid through its valid-until day (its due date) in the company's zone.
          ...(doc.kind === 'estimate' && { expiresAt: instantIn(company.timeZone, addDays(doc.dueDate, 1), '00:00') }),
        };
      });
    },

    storeDocumentPdf: (ref: DocumentRef) => storeDocumentPdf(deps, ref),

    /** The estimate's revision unanswered at its expiry becomes expired (if still sent at that revision). */
    expireEstimate: (ref: DocumentRef & { revision: number }) => tenant(ref.companyId, (tx) => money.expireEstimate(tx, ref.companyId, ref.documentId, ref.revision)),

    /**
     * Record (once) and deliver (once) the email that sends a document or one
     * reminder step. The intent key is the once: a retry finds the recorded
     * email and delivers only what has not gone.
     */
    emailDocument: async (ref: DocumentRef & { intentKey: string; reminder?: { step: number; offsetDays: number } }) => {
      // A reminder attaches the PDF as the invoice stands now (what is paid, what is due), made once per state.
      if (ref.reminder) await storeDocumentPdf(deps, ref);
      return mailOnce(ref, async (tx, { doc, client, company }) => {
        const input = {
          kind: doc.kind, number: doc.number, companyName: company.name, clientName: client.name, dueDate: doc.dueDate,
          amount: formatCents(doc.kind === 'invoice' ? doc.balanceCents : doc.totalCents, doc.currency), portalUrl: await portalLink(tx, deps, ref, ref.intentKey),
        };
        return {
          ...(ref.reminder ? reminderEmail({ ...input, offsetDays: ref.reminder.offsetDays }) : documentEmail(input)),
          attachments: doc.pdfKey ? [{ filename: `${doc.number}.pdf`, storageKey: doc.pdfKey, contentType: 'application/pdf' }] : [],
        };
      });
    },

    /** The client's receipt for one payment, with the balance as that payment left it. */
    emailReceipt: (ref: DocumentRef & { intentKey: string; paymentId: string; balanceCents: number }) =>
      mailOnce(ref, async (tx, { doc, client, company }) => {
        const payment = await findPayment(tx, ref.companyId, ref.paymentId);
        if (!payment || payment.documentId !== ref.documentId) throw AppError.notFound('No such payment on this invoice.');
        const money = (cents: number) => formatCents(cents, doc.currency);
        return receiptEmail({
          number: doc.number, companyName: company.name, clientName: client.name, received: money(payment.amountCents), receivedOn: payment.receivedOn,
          method: PAYMENT_METHOD_LABELS[payment.method], reference: payment.reference, balance: ref.balanceCents > 0 ? money(ref.balanceCents) : null,
          credit: payment.creditCents > 0 ? money(payment.creditCents) : null, portalUrl: await portalLink(tx, deps, ref, ref.intentKey),
        });
      }),

    async recordPayment(input: DocumentRef & { actorUserId: string | null; payment: Omit<money.PaymentInput, 'documentId'> }): Promise<money.PaymentOutcome> {
      return tenant(input.companyId, (tx) => money.recordPayment(tx, input.companyId, { ...input.payment, documentId: input.documentId }, { actorUserId: input.actorUserId }));
    },

    async applyCredit(input: DocumentRef & { actorUserId: string | null; credit: Omit<money.CreditInput, 'documentId'> }): Promise<money.MoneyState> {
      return tenant(input.companyId, (tx) => money.applyCredit(tx, input.companyId, { ...input.credit, documentId: input.documentId }, { actorUserId: input.actorUserId }));
    },

    /** The invoice's status and balance as the database has them. */
    readMoney: (ref: DocumentRef): Promise<money.MoneyState> => tenant(ref.companyId, async (tx) => money.stateOf((await readContext(tx, ref)).doc)),

    /** Void, dated today in the company's time zone — or, for an invoice dated ahead, its own date: a reversal never precedes the sale. */
    async voidInvoice(input: DocumentRef & { actorUserId: string | null; reason: string }): Promise<money.MoneyState> {
      return tenant(input.companyId, async (tx) => {
        const { company, doc } = await readContext(tx, input);
        return money.voidInvoice(tx, input.companyId, input.documentId, { voidedOn: notBefore(dayIn(company.timeZone, Date.now()), doc.issueDate), reason: input.reason }, { actorUserId: input.actorUserId });
      });
    },
  };
}

export type InvoiceActivities = ReturnType<typeof createInvoiceActivities>;
