/**
 * Estimates and invoices: drafts created and edited here, with totals always
 * computed on the server (domain/documents/totals.ts) and numbers given
 * without gaps. A locked document refuses changes (409 INVOICE_LOCKED), and
 * the database refuses them too. Sending, PDFs and reminders are the invoice
 * lifecycle workflow's (not built yet).
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { recordAudit } from '../../db/audit';
import type { Tx } from '../../db/client';
import { billingEmail } from '../../db/client-contacts';
import { getClient } from '../../db/clients';
import { getDocument, insertDocument, linesOf, listDocuments, lockDocument, replaceLines, updateDocument, type DocumentKey, type DocumentLineRow, type DocumentRow } from '../../db/documents';
import { nextNumber, numberPattern } from '../../db/numbering';
import { periodMoveProblem } from '../../domain/numbering';
import { getProject } from '../../db/projects';
import { documents } from '../../db/schema/documents';
import { softDelete } from '../../db/soft-delete';
import { hasBilledTime, lockBillableTime, markBilled, releaseBilledTime, timeSettings } from '../../db/time-entries';
import { withTenant } from '../../db/tenant';
import { addDays, dayIn, isDay } from '../../domain/dates';
import { isLocked, lockProblem, type InvoiceStatus } from '../../domain/documents/status';
import { AppError } from '../../domain/errors';
import { projectLabel } from '../../domain/projects';
import { effectiveRule } from '../../domain/rounding';
import { chargeKey, timeCharges } from '../../domain/time-billing';
import { auditBy } from '../audit';
import { decodeCursor, page } from '../cursor';
import { requireCompany } from '../guards';
import { errorResponse, jsonBody, jsonResponse } from '../schemas/common';
import { IdParam, listOf } from '../schemas/work';
import { companyRule, ruleFrom } from '../rounding';
import { areaApp } from '../validation';
import { computed, DiscountBody, discountOf, discountText, LineBody, lineInputs, LineView, lineView } from '../document-lines';

const errors = { 400: errorResponse('Invalid input'), 401: errorResponse('Not logged in'), 403: errorResponse('Not allowed'), 404: errorResponse('Not found'), 409: errorResponse('Locked') };
const day = z.string().refine(isDay, 'Use a real date, YYYY-MM-DD.');
const DocumentBody = z.object({
  kind: z.enum(['estimate', 'invoice'], { error: 'Choose estimate or invoice.' }),
  clientId: z.string({ error: 'Choose a client.' }).uuid('Choose a client.'),
  projectId: z.string().uuid().nullable().optional(),
  issueDate: day.optional(),
  dueDate: day.optional(),
  notes: z.string().max(5000).optional(),
  terms: z.string().max(5000).optional(),
  discount: DiscountBody.optional(),
  /** Prices include tax (it is taken out of them rather than added). */
  taxInclusive: z.boolean().optional(),
  lines: z.array(LineBody).max(200, 'At most 200 lines.').default([]),
}).meta({ id: 'DocumentBody' });
// A patch names only what changes: no defaults, or every patch would look like "replace all lines".
const DocumentPatch = DocumentBody.omit({ kind: true }).partial().extend({ lines: z.array(LineBody).max(200, 'At most 200 lines.').optional() }).meta({ id: 'DocumentPatch' });
const Money = z.number().int();
const DocumentView = z.object({
  id: z.string(), kind: z.string(), number: z.string(), status: z.string(), locked: z.boolean(),
  client: z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }), remindersEnabled: z.boolean(), projectId: z.string().nullable(), issueDate: z.string(), dueDate: z.string(), currency: z.string(),
  notes: z.string(), terms: z.string(), subtotalCents: Money, discountCents: Money, taxCents: Money, totalCents: Money, balanceCents: Money,
  /** The document discount as it is edited (the same shape the body takes), so a form can send it back unchanged. */
  discount: DiscountBody,
  taxInclusive: z.boolean(),
  lines: z.array(LineView.extend({ id: z.string() })),
}).meta({ id: 'Document' });

const list = createRoute({ method: 'get', path: '/documents', tags: ['documents'], summary: 'Estimates or invoices, newest first', request: { query: z.object({ kind: z.enum(['estimate', 'invoice']), status: z.string().max(20).optional(), clientId: z.string().uuid().optional(), cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) }, responses: { 200: jsonResponse('Documents', listOf(DocumentView.omit({ lines: true }))), ...errors } });
const create = createRoute({ method: 'post', path: '/documents', tags: ['documents'], summary: 'Create a draft estimate or invoice (numbered without gaps)', request: { body: jsonBody(DocumentBody) }, responses: { 201: jsonResponse('Draft', DocumentView), ...errors } });
const get = createRoute({ method: 'get', path: '/documents/{id}', tags: ['documents'], summary: 'One document with its lines and totals', request: { params: IdParam }, responses: { 200: jsonResponse('Document', DocumentView), ...errors } });
const patch = createRoute({ method: 'patch', path: '/documents/{id}', tags: ['documents'], summary: 'Edit a document (only notes and terms once locked)', request: { params: IdParam, body: jsonBody(DocumentPatch) }, responses: { 200: jsonResponse('Document', DocumentView), ...errors } });
const billTime = createRoute({
  method: 'post', path: '/documents/{id}/time', tags: ['documents'],
  summary: 'Bill approved time on a draft invoice: lines by service at its rate, rounded by the billing rule; the entries become billed',
  request: { params: IdParam, body: jsonBody(z.object({ entryIds: z.array(z.string().uuid()).max(5000).optional() }).meta({ id: 'BillTimeBody' })) },
  responses: { 200: jsonResponse('Invoice and what was billed', z.object({ document: DocumentView, billedEntries: z.number() })), ...errors, 422: errorResponse('Not an invoice') },
});
const remove = createRoute({ method: 'delete', path: '/documents/{id}', tags: ['documents'], summary: 'Delete a draft (restorable)', request: { params: IdParam }, responses: { 204: { description: 'Deleted' }, ...errors } });

type Body = z.infer<typeof DocumentBody>;

async function view(tx: Tx, companyId: string, d: DocumentRow) {
  const client = await getClient(tx, companyId, d.clientId, { includeDeleted: true });
  const lines = await linesOf(tx, companyId, d.id);
  return {
    id: d.id, kind: d.kind, number: d.number, status: d.status, locked: isLocked(facts(d)),
    client: { id: d.clientId, name: client?.name ?? '', email: client ? await billingEmail(tx, companyId, client) : null }, remindersEnabled: d.remindersEnabled, projectId: d.projectId, issueDate: d.issueDate, dueDate: d.dueDate, currency: d.currency,
    notes: d.notes, terms: d.terms, subtotalCents: d.subtotalCents, discountCents: d.discountCents, taxCents: d.taxCents, totalCents: d.totalCents, balanceCents: d.balanceCents,
    discount: discountText(d.discountKind, d.discountValue), taxInclusive: d.taxInclusive,
    lines: lines.map((l) => ({ id: l.id, ...lineView(l) })),
  };
}

// Payments, credit applications and credit notes arrive with payments; until then status decides.
const facts = (d: DocumentRow) => ({ kind: d.kind, status: d.status as InvoiceStatus, hasPayments: false, hasCreditApplications: false, hasPostedCreditNotes: false });

/** Stored lines back in the form they are typed, so new lines can join them and everything is recomputed together. */
function storedAsBody(lines: DocumentLineRow[]): Body['lines'] {
  return lines.map((l) => ({
    id: l.id, description: l.description, catalogItemId: l.catalogItemId, quantity: l.quantity, unitPrice: (l.unitPriceCents / 100).toFixed(2),
    discount: discountText(l.discountKind, l.discountValue), taxable: l.taxable, taxRate: (l.taxRateBps / 100).toFixed(2),
  }));
}

export const documentRoutes = areaApp()
  .openapi(list, async (c) => {
    const { companyId } = requireCompany(c, 'documents.view');
    const { cursor, limit, ...f } = c.req.valid('query');
    const before = decodeCursor<DocumentKey>(cursor, { createdAt: 'string', id: 'string' });
    const result = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const p = page(await listDocuments(tx, companyId, { ...f, limit, before }), limit, (r) => ({ createdAt: r.createdAtExact, id: r.id }));
      const items = [];
      for (const d of p.items) {
        const { lines: _lines, ...rest } = await view(tx, companyId, d);
        items.push(rest);
      }
      return { items, nextCursor: p.nextCursor };
    });
    return c.json(result, 200);
  })
  .openapi(create, async (c) => {
    const { companyId, userId } = requireCompany(c, 'documents.manage');
    const body = c.req.valid('json');
    const doc = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      // Held to commit: the document is in the client's currency, which must not change under it.
      const client = await getClient(tx, companyId, body.clientId, { lock: 'share' });
      if (!client) throw AppError.notFound('No such client.');
      if (body.projectId && !(await getProject(tx, companyId, body.projectId))) throw AppError.notFound('No such project.');
      const settings = (await timeSettings(tx, companyId))!;
      const c2 = computed(await lineInputs(tx, companyId, body.lines), discountOf('discount', body.discount), body.taxInclusive ?? false);
      const issueDate = body.issueDate ?? dayIn(settings.timeZone, Date.now());
      const days = body.kind === 'invoice' ? client.paymentTermsDays : settings.estimateValidDays;
      const [year, month] = issueDate.split('-').map(Number) as [number, number];
      const { seq, number } = await nextNumber(tx, companyId, body.kind, { year, month });
      const row = await insertDocument(tx, companyId, {
        kind: body.kind, seq, number, clientId: client.id, projectId: body.projectId ?? null, issueDate, dueDate: body.dueDate ?? addDays(issueDate, days),
        currency: client.currency, notes: body.notes ?? '', terms: body.terms ?? '', discountKind: c2.discountKind, discountValue: c2.discountValue, ...c2.money,
      });
      await replaceLines(tx, companyId, row.id, c2.rows);
      const v = await view(tx, companyId, row);
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: `${body.kind}.created`, objectType: body.kind, objectId: row.id, after: { number, totalCents: row.totalCents } });
      return v;
    });
    return c.json(doc, 201);
  })
  .openapi(get, async (c) => {
    const { companyId } = requireCompany(c, 'documents.view');
    const doc = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const d = await getDocument(tx, companyId, c.req.valid('param').id);
      if (!d) throw AppError.notFound('No such document.');
      return view(tx, companyId, d);
    });
    return c.json(doc, 200);
  })
  .openapi(patch, async (c) => {
    const { companyId, userId } = requireCompany(c, 'documents.manage');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const doc = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const d = await lockDocument(tx, companyId, id);
      if (!d) throw AppError.notFound('No such document.');
      const problem = lockProblem(facts(d), Object.keys(body));
      if (problem) throw new AppError(409, 'INVOICE_LOCKED', problem);
      if (body.clientId && body.clientId !== d.clientId) {
        // A sent estimate's links, revisions and any answer are the first client's; another client gets an estimate of their own.
        if (d.revision > 0) throw new AppError(409, 'CLIENT_FIXED', `This ${d.kind} has been sent to its client; make a new one for another client.`, { clientId: 'Fixed once sent.' });
        // Time billed here was recorded for this client.
        if (await hasBilledTime(tx, companyId, id)) throw new AppError(409, 'CLIENT_FIXED', `This ${d.kind} bills time recorded for its client; delete it to release the time, or make a new one for another client.`, { clientId: 'Fixed: it bills this client\'s time.' });
        const client = await getClient(tx, companyId, body.clientId, { lock: 'share' });
        if (!client) throw AppError.notFound('No such client.');
        // Amounts are not converted: a draft moves only to a client billed in its currency.
        if (client.currency !== d.currency) throw new AppError(422, 'CLIENT_CURRENCY_MISMATCH', `${client.name} is billed in ${client.currency}; this ${d.kind} is in ${d.currency}. Start a new one for ${client.name}.`, { clientId: `Billed in ${client.currency}, not ${d.currency}.` });
      }
      if (body.projectId && !(await getProject(tx, companyId, body.projectId))) throw AppError.notFound('No such project.');
      const moved = body.issueDate && body.issueDate !== d.issueDate ? periodMoveProblem(await numberPattern(tx, companyId, d.kind), d.number, d.issueDate, body.issueDate) : null;
      if (moved) throw new AppError(422, 'NUMBERING_PERIOD', moved, { issueDate: moved });
      // Lines with no ids at all replace every line, and would release the time they bill while the same
      // work is typed back in (an editor from before lines kept ids, say): that is refused, not guessed at.
      if (body.lines?.length && body.lines.every((l) => !l.id) && (await hasBilledTime(tx, companyId, id, { byLine: true }))) {
        throw new AppError(409, 'LINES_NEED_IDS', 'This draft bills recorded time through its lines: send each line you keep with its id (as the document lists it), so its time stays billed. Reload the page and edit again.', { lines: 'Send each kept line with its id.' });
      }
      const money = body.lines !== undefined || body.discount !== undefined || body.taxInclusive !== undefined;
      const lines = body.lines !== undefined ? body.lines : storedAsBody(await linesOf(tx, companyId, id));
      const discount = body.discount !== undefined ? body.discount : discountText(d.discountKind, d.discountValue);
      const c2 = money ? computed(await lineInputs(tx, companyId, lines), discountOf('discount', discount), body.taxInclusive ?? d.taxInclusive) : null;
      const row = await updateDocument(tx, companyId, id, {
        ...(body.clientId && { clientId: body.clientId }), ...(body.projectId !== undefined && { projectId: body.projectId }),
        ...(body.issueDate && { issueDate: body.issueDate }), ...(body.dueDate && { dueDate: body.dueDate }),
        ...(body.notes !== undefined && { notes: body.notes }), ...(body.terms !== undefined && { terms: body.terms }),
        ...(c2 && { discountKind: c2.discountKind, discountValue: c2.discountValue, ...c2.money }),
      });
      // Time billed by a line the edit removed goes back to approved, to be billed again.
      const released = c2 ? await releaseBilledTime(tx, companyId, id, await replaceLines(tx, companyId, id, c2.rows)) : 0;
      await recordAudit(tx, {
        companyId, ...auditBy(c, userId), action: `${d.kind}.updated`, objectType: d.kind, objectId: id,
        before: { totalCents: d.totalCents }, after: { totalCents: row.totalCents, ...(released && { timeEntriesReleased: released }) },
      });
      return view(tx, companyId, row);
    });
    return c.json(doc, 200);
  })
  .openapi(billTime, async (c) => {
    const { companyId, userId } = requireCompany(c, 'documents.manage');
    const { id } = c.req.valid('param');
    const { entryIds } = c.req.valid('json');
    const result = await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const d = await lockDocument(tx, companyId, id);
      if (!d) throw AppError.notFound('No such document.');
      if (d.kind !== 'invoice') throw new AppError(422, 'NOT_AN_INVOICE', 'Time is billed on invoices.');
      const problem = lockProblem(facts(d), ['lines']);
      if (problem) throw new AppError(409, 'INVOICE_LOCKED', problem);
      const entries = await lockBillableTime(tx, companyId, d.clientId, entryIds);
      if (!entries.length) return { document: await view(tx, companyId, d), billedEntries: 0 };
      // A rate is billed as it is priced: in the invoice's currency, never converted (the rate charged is the service's, else the project's).
      const foreign = entries.find((e) => (e.itemRateCents !== null ? e.itemCurrency : e.projectCurrency) !== d.currency);
      if (foreign) {
        const currency = foreign.itemRateCents !== null ? foreign.itemCurrency : foreign.projectCurrency;
        throw new AppError(422, 'CURRENCY_MISMATCH', `${projectLabel(foreign.projectNumber, foreign.projectName)}'s time is priced in ${currency}; this invoice is in ${d.currency}. Bill it on an invoice in ${currency}, or price the work in ${d.currency}.`);
      }
      const companyDefault = await companyRule(tx, companyId);
      const defaultTaxable = (await timeSettings(tx, companyId))?.defaultTaxable ?? false;
      // One line per project and service at the service's catalog rate (else the project's hourly rate): the
      // same charges a project's budget-used shows (domain/time-billing.ts).
      const charges = timeCharges(entries.map((e) => ({
        projectId: e.entry.projectId, catalogItemId: e.entry.catalogItemId, serviceName: e.entry.serviceName, durationSeconds: e.entry.durationSeconds,
        rule: effectiveRule(companyDefault, ruleFrom(e.clientRounding), ruleFrom(e.projectRounding)), itemRateCents: e.itemRateCents, projectRateCents: e.projectRateCents,
      })));
      const label = new Map(entries.map((e) => [e.entry.projectId, projectLabel(e.projectNumber, e.projectName)]));
      const taxable = new Map(entries.map((e) => [e.entry.catalogItemId ?? '', e.itemTaxable ?? defaultTaxable]));
      const lines = charges.map((g) => ({ project: label.get(g.projectId)!, description: `${g.serviceName || 'Time'} — ${label.get(g.projectId)!}`, charge: g }));
      // In a stable order people can read: by project, then service.
      lines.sort((a, b) => a.project.localeCompare(b.project) || a.description.localeCompare(b.description));
      const newLines: Body['lines'] = lines.map(({ description, charge: g }) => ({
        description, catalogItemId: g.catalogItemId, quantity: g.quantity,
        unitPrice: (g.rateCents / 100).toFixed(2), discount: null, taxable: taxable.get(g.catalogItemId ?? '') ?? defaultTaxable, taxRate: '0',
      }));
      const stored = storedAsBody(await linesOf(tx, companyId, id));
      const c2 = computed(await lineInputs(tx, companyId, [...stored, ...newLines]), discountOf('discount', discountText(d.discountKind, d.discountValue)), d.taxInclusive);
      const row = await updateDocument(tx, companyId, id, { ...c2.money });
      const lineIds = await replaceLines(tx, companyId, id, c2.rows);
      // Each entry is linked to the line that charges it, so removing that line later releases it.
      const lineOf = new Map(lines.map(({ charge }, i) => [chargeKey(charge), lineIds[stored.length + i]!]));
      const byLine = new Map<string, string[]>();
      for (const e of entries) {
        const lineId = lineOf.get(chargeKey(e.entry))!;
        byLine.set(lineId, (byLine.get(lineId) ?? []).concat(e.entry.id));
      }
      for (const [lineId, ids] of byLine) await markBilled(tx, companyId, ids, { documentId: id, lineId });
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: 'invoice.time_billed', objectType: 'invoice', objectId: id, after: { entries: entries.length, totalCents: row.totalCents } });
      return { document: await view(tx, companyId, row), billedEntries: entries.length };
    });
    return c.json(result, 200);
  })
  .openapi(remove, async (c) => {
    const { companyId, userId } = requireCompany(c, 'documents.manage');
    const { id } = c.req.valid('param');
    await withTenant(c.var.deps.database.db, companyId, async (tx) => {
      const d = await lockDocument(tx, companyId, id);
      if (!d) throw AppError.notFound('No such document.');
      if (d.status !== 'draft') throw new AppError(409, 'INVOICE_LOCKED', `Only drafts can be deleted; this one is ${d.status}. Void it instead.`);
      await softDelete(tx, documents, companyId, id);
      // Its time was never billed: back to approved, to be billed on another invoice.
      const released = await releaseBilledTime(tx, companyId, id);
      await recordAudit(tx, { companyId, ...auditBy(c, userId), action: `${d.kind}.deleted`, objectType: d.kind, objectId: id, ...(released && { after: { timeEntriesReleased: released } }) });
    });
    return c.body(null, 204);
  });
