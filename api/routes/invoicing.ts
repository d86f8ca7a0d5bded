/**
 * What happens to a document after drafting: send it (which starts its
 * lifecycle workflow), record payments, apply client credit, void, switch
 * reminders, fetch the PDF, read its activity, manage portal links. Money
 * moves only through the workflow's Updates, so balance, status and
 * reminders change together; refusals that touch money are audited.
 */
import { randomUUID } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { storeDocumentPdf } from '../../activities/invoices';
import { recordAudit } from '../../db/audit';
import { billingEmail } from '../../db/client-contacts';
import { getClient } from '../../db/clients';
import { documentActivity } from '../../db/document-activity';
import { convertEstimate } from '../../db/estimate-conversion';
import { getDocument, linesOf, lockDocument, updateDocument, type DocumentRow } from '../../db/documents';
import { recordedCreditApplication, recordedPayment, recordedVoid, stateOf, voidDraft, type MoneyState, type PaymentOutcome } from '../../db/invoice-money';
import { findCreditApplication, findPayment } from '../../db/payments';
import type { Tx } from '../../db/client';
import { creditApplicationsOf, paymentsOf } from '../../db/payments';
import { assertOpenPeriod } from '../../db/periods';
import { portalTokensOf, revokePortalTokens, savePortalToken } from '../../db/portal';
import { companyDay } from '../../db/company-settings';
import { withTenant } from '../../db/tenant';
import { newToken } from '../../db/tokens';
import { isDay, notBefore } from '../../domain/dates';
import { lifecycleWorkflowId } from '../../domain/documents/lifecycle';
import { sendProblem } from '../../domain/documents/snapshot';
import { AppError } from '../../domain/errors';
import { parseDollars } from '../../domain/money';
import { PAYMENT_METHODS } from '../../domain/payments';
import { roleAtLeast } from '../../domain/roles';
import { auditBy } from '../audit';
import type { AppEnv } from '../env';
import { requireCompany } from '../guards';
import { lifecycleUpdate, startLifecycle } from '../invoices';
import { workflowUiUrl } from '../onboarding';
import { errorResponse, jsonBody, jsonResponse } from '../schemas/common';
import { IdParam } from '../schemas/work';
import { areaApp } from '../validation';

const tags = ['invoicing'];
const errors = { 400: errorResponse('Invalid input'), 401: errorResponse('Not logged in'), 403: errorResponse('Not allowed'), 404: errorResponse('Not found'), 409: errorResponse('Conflict'), 422: errorResponse('Refused') };
const Money = z.object({ status: z.string(), totalCents: z.number().int(), balanceCents: z.number().int() });
const PortalLinkParam = IdParam.extend({ linkId: z.string().uuid() });
const day = z.string().refine(isDay, 'Use a real date, YYYY-MM-DD.');

const send = createRoute({ method: 'post', path: '/documents/{id}/send', tags, summary: 'Send a draft: marks it sent, posts it, emails the PDF, schedules reminders (202: the lifecycle workflow has it)', request: { params: IdParam }, responses: { 202: jsonResponse('Accepted', z.object({ workflowId: z.string() })), ...errors } });
const pay = createRoute({
  method: 'post', path: '/documents/{id}/payments', tags, summary: 'Record a manual payment (Idempotency-Key header: a retry is the same payment)',
  request: {
    params: IdParam,
    headers: z.object({ 'idempotency-key': z.string().uuid('Idempotency-Key must be a UUID.').optional() }),
    body: jsonBody(z.object({
      amount: z.string().trim().min(1, 'Enter the amount received.').max(20),
      method: z.enum(PAYMENT_METHODS, { error: 'Choose how it was paid.' }),
      reference: z.string().trim().max(200).default(''),
      receivedOn: day.optional(),
      keepExcessAsCredit: z.boolean().default(false),
      sendReceipt: z.boolean().default(true).describe('Email the client a receipt'),
    }).meta({ id: 'PaymentBody' })),
  },
  responses: { 201: jsonResponse('Recorded', Money.extend({ paymentId: z.string(), appliedCents: z.number().int(), creditCents: z.number().int() })), ...errors },
});
const payments = createRoute({
  method: 'get', path: '/documents/{id}/payments', tags, summary: 'Payments and credit applied to an invoice', request: { params: IdParam },
  responses: { 200: jsonResponse('Money received', z.object({ payments: z.array(z.object({ id: z.string(), method: z.string(), reference: z.string(), receivedOn: z.string(), amountCents: z.number(), appliedCents: z.number(), creditCents: z.number() })), credits: z.array(z.object({ id: z.string(), amountCents: z.number(), appliedOn: z.string() })), clientCreditCents: z.number() })), ...errors },
});
const credit = createRoute({
  method: 'post', path: '/documents/{id}/credit', tags, summary: "Apply the client's credit to an invoice",
  request: { params: IdParam, headers: z.object({ 'idempotency-key': z.string().uuid().optional() }), body: jsonBody(z.object({ amount: z.string().trim().min(1).max(20) }).meta({ id: 'CreditBody' })) },
  responses: { 200: jsonResponse('Applied', Money), ...errors },
});
const voidRoute = createRoute({ method: 'post', path: '/documents/{id}/void', tags, summary: 'Void an invoice nothing has been paid on (reverses its posting)', request: { params: IdParam, body: jsonBody(z.object({ reason: z.string().trim().min(1, 'Say why it is voided.').max(500) }).meta({ id: 'VoidBody' })) }, responses: { 200: jsonResponse('Voided', Money), ...errors } });
const reminders = createRoute({ method: 'post', path: '/documents/{id}/reminders', tags, summary: 'Turn reminders on or off for one invoice', request: { params: IdParam, body: jsonBody(z.object({ enabled: z.boolean() }).meta({ id: 'RemindersBody' })) }, responses: { 200: jsonResponse('Saved', z.object({ remindersEnabled: z.boolean() })), ...errors } });
const pdf = createRoute({ method: 'get', path: '/documents/{id}/pdf', tags, summary: 'Redirect to the PDF (drafts are rendered fresh)', request: { params: IdParam }, responses: { 302: { description: 'Redirect to storage' }, ...errors } });
const activity = createRoute({
  method: 'get', path: '/documents/{id}/activity', tags, summary: 'What happened to the document, newest first, and its workflow in the Temporal UI', request: { params: IdParam },
  responses: { 200: jsonResponse('Activity', z.object({ items: z.array(z.object({ id: z.string(), at: z.string(), action: z.string(), actorEmail: z.string().nullable(), detail: z.unknown() })), workflowId: z.string().nullable(), workflowUrl: z.string().nullable() })), ...errors },
});
const links = createRoute({ method: 'get', path: '/documents/{id}/portal-links', tags, summary: 'Portal links of a document', request: { params: IdParam }, responses: { 200: jsonResponse('Links', z.object({ items: z.array(z.object({ id: z.string(), createdAt: z.string(), expiresAt: z.string(), revokedAt: z.string().nullable(), lastViewedAt: z.string().nullable() })) })), ...errors } });
const newLink = createRoute({ method: 'post', path: '/documents/{id}/portal-links', tags, summary: 'A new portal link (its URL is shown once)', request: { params: IdParam }, responses: { 201: jsonResponse('Link', z.object({ id: z.string().nullable(), url: z.string(), expiresAt: z.string() })), ...errors } });
const revoke = createRoute({ method: 'delete', path: '/documents/{id}/portal-links/{linkId}', tags, summary: 'Revoke a portal link', request: { params: PortalLinkParam }, responses: { 204: { description: 'Revoked' }, ...errors } });

const convert = createRoute({
  method: 'post', path: '/documents/{id}/convert', tags, summary: 'Turn an accepted estimate into a draft invoice (and optionally a flat-fee project)',
  request: { params: IdParam, body: jsonBody(z.object({ projectName: z.string().trim().min(1).max(200).optional() }).meta({ id: 'ConvertBody' })) },
  responses: { 201: jsonResponse('Invoice', z.object({ invoiceId: z.string(), number: z.string(), projectId: z.string().nullable() })), ...errors },
});

const NEW_LINK_DAYS = 30;

async function sentDocument(c: Context<AppEnv>, companyId: string, id: string): Promise<DocumentRow> {
  return (await documentToday(c, companyId, id)).d;
}

/** The document and today on the company's calendar (the default date of a payment, credit or void), in one read. */
async function documentToday(c: Context<AppEnv>, companyId: string, id: string): Promise<{ d: DocumentRow; today: string }> {
  return withTenant(c.var.deps.database.db, companyId, async (tx) => {
    const d = await getDocument(tx, companyId, id);
    if (!d) throw AppError.notFound('No such document.');
    return { d, today: await companyDay(tx, companyId) };
  });
}

/**
 * A payment or credit application refused or not taken because the invoice moved on — yet already recorded under the
 * request's idempotency key: a retry of a request that succeeded (after its payment settled the invoice, say), answered
 * as the first time, not refused into a second try under a new key.
 */
async function ifRecorded<T>(c: Context<AppEnv>, companyId: string, err: unknown, find: (tx: Tx) => Promise<T | null>): Promise<T | null> {
  if (!(err instanceof AppError) || err.status >= 500) return null;
  return withTenant(c.var.deps.database.db, companyId, find);
}

/**
 * An Idempotency-Key names one payment or credit application: sent again with the same request it
 * answers with what was recorded, but sent with a different one (another amount, method, date or
 * invoice) it is refused, rather than quietly answering with the first.
 */
async function refuseReusedKey(c: Context<AppEnv>, companyId: string, prior: (tx: Tx) => Promise<{ documentId: string | null; differs: boolean } | null>, documentId: string): Promise<void> {
  const found = await withTenant(c.var.deps.database.db, companyId, prior);
  if (found && (found.documentId !== documentId || found.differs)) {
    throw new AppError(409, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request; send a new key for a new one.');
  }
}

/** Refusals that touch money are audited, then answered. */
async function auditRefusal(c: Context<AppEnv>, companyId: string, userId: string, d: DocumentRow, action: string, err: unknown, detail: object): Promise<never> {
  if (err instanceof AppError && err.status < 500) {
    await withTenant(c.var.deps.database.db, companyId, (tx) => recordAudit(tx, {
      companyId, ...auditBy(c, userId), action, objectType: d.kind, objectId: d.id, after: { code: err.code, message: err.message, ...detail },
    }));
  }
  throw err;
}

function cents(field: string, text: string): number {
  const v = parseDollars(text);
  if (v === null || v <= 0) throw AppError.validation({ [field]: 'Enter an amount above zero in dollars, like 125 or 1,250.00.' });
  return v;
}


export const invoicingRoutes = areaApp()
  .openapi(send, async (c) => {
    const { companyId, userId } = requireCompany(c, 'documents.manage');
    const { id } = c.req.valid('param');
    const d = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const d = await lockDocument(tx, companyId, id);
      if (!d) throw AppError.notFound('No such document.');
      const client = await getClient(tx, companyId, d.clientId, { includeDeleted: true });
      const problem = sendProblem(d, (await linesOf(tx, companyId, id)).length, client ? await billingEmail(tx, companyId, client) : null, await companyDay(tx, companyId));
      if (problem) throw new AppError(422, 'NOT_SENDABLE', problem);
      if (d.kind === 'invoice') await assertOpenPeriod(tx, companyId, d.issueDate);
      return d;
    });
    // An estimate sent again becomes its next revision, with a lifecycle of its own.
    const revision = d.kind === 'estimate' ? d.revision + 1 : undefined;
    const workflowId = await startLifecycle(c.var.deps, { kind: d.kind, companyId, documentId: id, actorUserId: userId, revision });
    return c.json({ workflowId }, 202);
  })
  .openapi(pay, async (c) => {
    const { companyId, userId } = requireCompany(c, 'documents.manage');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const paymentId = c.req.valid('header')['idempotency-key'] ?? randomUUID();
    const { d, today } = await documentToday(c, companyId, id);
    const amountCents = cents('amount', body.amount);
    if (body.receivedOn && body.receivedOn < d.issueDate) throw AppError.validation({ receivedOn: `On or after the invoice's date, ${d.issueDate}.` });
    const request = { paymentId, amountCents, method: body.method, reference: body.reference, receivedOn: body.receivedOn ?? notBefore(today, d.issueDate), keepExcessAsCredit: body.keepExcessAsCredit, sendReceipt: body.sendReceipt, actorUserId: userId };
    await refuseReusedKey(c, companyId, async (tx) => {
      const p = await findPayment(tx, companyId, paymentId);
      return p && { documentId: p.documentId, differs: p.amountCents !== amountCents || p.method !== body.method || (!!body.receivedOn && p.receivedOn !== body.receivedOn) };
    }, id).catch((err) => auditRefusal(c, companyId, userId, d, 'invoice.payment_refused', err, { amountCents }));
    const out = await lifecycleUpdate<PaymentOutcome>(c.var.deps, { companyId, documentId: id }, 'recordPayment', request, { updateId: `payment-${paymentId}` })
      .catch(async (err) => (await ifRecorded(c, companyId, err, (tx) => recordedPayment(tx, companyId, id, paymentId))) ?? auditRefusal(c, companyId, userId, d, 'invoice.payment_refused', err, { amountCents }));
    return c.json(out, 201);
  })
  .openapi(payments, async (c) => {
    const { companyId } = requireCompany(c, 'documents.view');
    const { id } = c.req.valid('param');
    const out = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const d = await getDocument(tx, companyId, id);
      if (!d) throw AppError.notFound('No such document.');
      const client = await getClient(tx, companyId, d.clientId, { includeDeleted: true });
      return {
        payments: (await paymentsOf(tx, companyId, id)).map((p) => ({ id: p.id, method: p.method, reference: p.reference, receivedOn: p.receivedOn, amountCents: p.amountCents, appliedCents: p.appliedCents, creditCents: p.creditCents })),
        credits: (await creditApplicationsOf(tx, companyId, id)).map((a) => ({ id: a.id, amountCents: a.amountCents, appliedOn: a.appliedOn })),
        clientCreditCents: client?.creditCents ?? 0,
      };
    });
    return c.json(out, 200);
  })
  .openapi(credit, async (c) => {
    const { companyId, userId } = requireCompany(c, 'documents.manage');
    const { id } = c.req.valid('param');
    const applicationId = c.req.valid('header')['idempotency-key'] ?? randomUUID();
    const { d, today } = await documentToday(c, companyId, id);
    const amountCents = cents('amount', c.req.valid('json').amount);
    await refuseReusedKey(c, companyId, async (tx) => {
      const a = await findCreditApplication(tx, companyId, applicationId);
      return a && { documentId: a.documentId, differs: a.amountCents !== amountCents };
    }, id).catch((err) => auditRefusal(c, companyId, userId, d, 'invoice.credit_refused', err, { amountCents }));
    const out = await lifecycleUpdate<MoneyState>(c.var.deps, { companyId, documentId: id }, 'applyCredit', { applicationId, amountCents, appliedOn: notBefore(today, d.issueDate), actorUserId: userId }, { updateId: `credit-${applicationId}` })
      .catch(async (err) => (await ifRecorded(c, companyId, err, (tx) => recordedCreditApplication(tx, companyId, id, applicationId))) ?? auditRefusal(c, companyId, userId, d, 'invoice.credit_refused', err, { amountCents }));
    return c.json(out, 200);
  })
  .openapi(voidRoute, async (c) => {
    const { companyId, userId } = requireCompany(c, 'documents.manage');
    const { id } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    const { d, today } = await documentToday(c, companyId, id);
    if (d.status === 'void') return c.json(stateOf(d), 200);
    // A draft has no lifecycle yet (and nothing posted): void it here — unless, under its lock, its send got there first.
    const voidedDraft = d.status === 'draft' ? await withTenant(c.var.deps.database.db, companyId, (tx) => voidDraft(tx, companyId, id, { voidedOn: today, reason }, auditBy(c, userId))) : null;
    // Void is final and sent again answers as the first did (its answer lost, say): not a refusal.
    const out = voidedDraft ?? await lifecycleUpdate<MoneyState>(c.var.deps, { companyId, documentId: id }, 'voidInvoice', { reason, actorUserId: userId })
      .catch(async (err) => (await ifRecorded(c, companyId, err, (tx) => recordedVoid(tx, companyId, id))) ?? auditRefusal(c, companyId, userId, d, 'invoice.void_refused', err, { reason }));
    return c.json(out, 200);
  })
  .openapi(reminders, async (c) => {
    const { companyId, userId } = requireCompany(c, 'documents.manage');
    const { id } = c.req.valid('param');
    const { enabled } = c.req.valid('json');
    const d = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const d = await lockDocument(tx, companyId, id);
      if (!d) throw AppError.notFound('No such document.');
      if (d.kind !== 'invoice') throw new AppError(422, 'NOT_AN_INVOICE', 'Reminders are for invoices.');
      await updateDocument(tx, companyId, id, { remindersEnabled: enabled });
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: enabled ? 'invoice.reminders_on' : 'invoice.reminders_off', objectType: 'invoice', objectId: id });
      return d;
    });
    if (d.status === 'sent' || d.status === 'partially_paid') {
      await lifecycleUpdate(c.var.deps, { companyId, documentId: id }, 'setReminders', { enabled });
    }
    return c.json({ remindersEnabled: enabled }, 200);
  })
  .openapi(pdf, async (c) => {
    const { companyId } = requireCompany(c, 'documents.view');
    const { id } = c.req.valid('param');
    const { settings, storage, database } = c.var.deps;
    const d = await sentDocument(c, companyId, id);
    const key = await storeDocumentPdf({ db: database.db, storage, appUrl: () => settings.APP_URL, secret: settings.APP_SECRET_KEY }, { companyId, documentId: id });
    return c.redirect(await storage.downloadUrl(key, { filename: `${d.number}.pdf`, expiresSeconds: settings.PRESIGN_EXPIRE_SECONDS }), 302);
  })
  .openapi(activity, async (c) => {
    const { companyId, role } = requireCompany(c, 'documents.view');
    const { id } = c.req.valid('param');
    const d = await sentDocument(c, companyId, id);
    const items = await withTenant(c.var.deps.database.db, companyId, (tx) => documentActivity(tx, companyId, id));
    const workflowId = d.status === 'draft' ? null : lifecycleWorkflowId(d.kind, id, d.revision);
    // The Temporal UI is for the people who run the books: managers and up.
    return c.json({ items, workflowId, workflowUrl: workflowId && roleAtLeast(role, 'manager') ? workflowUiUrl(c.var.deps, workflowId) : null }, 200);
  })
  .openapi(links, async (c) => {
    const { companyId } = requireCompany(c, 'documents.manage');
    const { id } = c.req.valid('param');
    await sentDocument(c, companyId, id);
    const rows = await withTenant(c.var.deps.database.db, companyId, (tx) => portalTokensOf(tx, companyId, id));
    return c.json({ items: rows.map((r) => ({ id: r.id, createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString(), revokedAt: r.revokedAt?.toISOString() ?? null, lastViewedAt: r.lastViewedAt?.toISOString() ?? null })) }, 200);
  })
  .openapi(newLink, async (c) => {
    const { companyId, userId } = requireCompany(c, 'documents.manage');
    const { id } = c.req.valid('param');
    const d = await sentDocument(c, companyId, id);
    if (d.status === 'draft') throw new AppError(409, 'INVOICE_NOT_SENT', 'Send the document before sharing a portal link.');
    const token = newToken();
    const expiresAt = new Date(Date.now() + NEW_LINK_DAYS * 86_400_000);
    const linkId = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      await savePortalToken(tx, { companyId, documentId: id, token, expiresAt, createdBy: userId });
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: `${d.kind}.portal_link_created`, objectType: d.kind, objectId: id });
      return (await portalTokensOf(tx, companyId, id))[0]?.id ?? null;
    });
    return c.json({ id: linkId, url: `${c.var.deps.settings.APP_URL}/portal/${token}`, expiresAt: expiresAt.toISOString() }, 201);
  })
  .openapi(convert, async (c) => {
    const { companyId, userId } = requireCompany(c, 'documents.manage');
    const { id } = c.req.valid('param');
    const { projectName } = c.req.valid('json');
    const out = await withTenant(c.var.deps.database.db, companyId, (tx) => convertEstimate(tx, companyId, id, { projectName }, auditBy(c, userId)));
    return c.json({ invoiceId: out.invoice.id, number: out.invoice.number, projectId: out.projectId }, 201);
  })
  .openapi(revoke, async (c) => {
    const { companyId, userId } = requireCompany(c, 'documents.manage');
    const { id, linkId } = c.req.valid('param');
    const d = await sentDocument(c, companyId, id);
    await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      if (!(await revokePortalTokens(tx, companyId, id, linkId))) throw AppError.notFound('No such open link.');
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: `${d.kind}.portal_link_revoked`, objectType: d.kind, objectId: id, after: { linkId } });
    });
    return c.body(null, 204);
  });
