/**
 * The client portal: no session, only a token link. A token is looked up by
 * its hash (the only row RLS lets an anonymous request see), must be neither
 * expired nor revoked, and opens exactly one document of one company: the
 * portal never shows the client anything beyond it. Rate limited per IP;
 * views, acceptances, declines and change requests are audited.
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { storeDocumentPdf } from '../../activities/invoices';
import { recordAudit } from '../../db/audit';
import type { Tx } from '../../db/client';
import { addressLines, documentContext } from '../../db/document-context';
import { lockDocument, updateDocument, type DocumentLineRow, type DocumentRow } from '../../db/documents';
import { findPortalToken, insertSignature, latestRevision, signatureOf, touchPortalToken, type PortalTokenRow } from '../../db/portal';
import { withScope, withTenant } from '../../db/tenant';
import { hashToken } from '../../db/tokens';
import { dayIn } from '../../domain/dates';
import { documentSnapshot, sentTaxInclusive, unchangedSince, type DocumentSnapshot } from '../../domain/documents/snapshot';
import { estimateMoveProblem, type EstimateStatus } from '../../domain/documents/status';
import { AppError } from '../../domain/errors';
import { clientIp } from '../client-ip';
import { logoResponse } from '../logo';
import type { AppEnv } from '../env';
import { LIMITS, limitByIp } from '../rate-limit';
import { errorResponse, jsonBody, jsonResponse } from '../schemas/common';
import { areaApp } from '../validation';

const tags = ['portal'];
// Any string: a malformed token is just another link that does not open (404), not a form error.
const TokenParam = z.object({ token: z.string().max(500) });
const errors = { 400: errorResponse('Invalid input'), 404: errorResponse('Unknown link'), 409: errorResponse('Not possible now'), 410: errorResponse('Expired or revoked link'), 429: errorResponse('Throttled') };
const Signature = z.object({ signerName: z.string(), kind: z.string(), image: z.string().nullable(), signedAt: z.string(), ip: z.string().nullable(), userAgent: z.string().nullable(), snapshotSha256: z.string(), revision: z.number() }).nullable();
const PortalView = z.object({
  /** Who sent it and how to reach them: what the PDF prints. */
  company: z.object({ name: z.string(), brandColor: z.string(), hasLogo: z.boolean(), email: z.string().nullable(), phone: z.string().nullable(), addressLines: z.array(z.string()) }),
  client: z.object({ name: z.string() }),
  document: z.object({
    /** The sent revision shown (an estimate's); accepting or declining names it, so the answer is to what was read. */
    revision: z.number(),
    kind: z.string(), number: z.string(), status: z.string(), issueDate: z.string(), dueDate: z.string(), currency: z.string(), coverText: z.string(), notes: z.string(), terms: z.string(),
    subtotalCents: z.number(), discountCents: z.number(), taxCents: z.number(), totalCents: z.number(), balanceCents: z.number(),
    /** Prices include the tax: the tax is part of the subtotal, not added to the total. */
    taxInclusive: z.boolean(),
    lines: z.array(z.object({ description: z.string(), quantity: z.string(), unitPriceCents: z.number(), netCents: z.number(), taxable: z.boolean(), taxRateBps: z.number() })),
  }),
  signature: Signature,
  canRespond: z.boolean(),
}).meta({ id: 'PortalDocument' });
const Revision = z.number().int().positive();
const AcceptBody = z.object({
  revision: Revision,
  name: z.string().trim().min(1, 'Type your full name.').max(200),
  signature: z.union([
    z.object({ kind: z.literal('typed') }),
    z.object({ kind: z.literal('drawn'), image: z.string().max(200_000, 'The drawing is too large.').regex(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/, 'Draw your signature.') }),
  ]),
}).meta({ id: 'PortalAcceptBody' });

const show = createRoute({ method: 'get', path: '/portal/{token}', tags, summary: 'The document behind a portal link', request: { params: TokenParam }, responses: { 200: jsonResponse('Document', PortalView), ...errors } });
const logo = createRoute({
  method: 'get', path: '/portal/{token}/logo', tags, summary: "The sending company's logo", request: { params: TokenParam },
  responses: { 200: { description: 'The image', content: { 'image/png': { schema: z.string().meta({ format: 'binary' }) }, 'image/jpeg': { schema: z.string().meta({ format: 'binary' }) } } }, ...errors },
});
const pdf = createRoute({ method: 'get', path: '/portal/{token}/pdf', tags, summary: 'Redirect to the PDF', request: { params: TokenParam }, responses: { 302: { description: 'Redirect to storage' }, ...errors } });
const accept = createRoute({ method: 'post', path: '/portal/{token}/accept', tags, summary: 'Accept an estimate with a typed or drawn signature', request: { params: TokenParam, body: jsonBody(AcceptBody) }, responses: { 200: jsonResponse('Accepted', z.object({ status: z.string(), signature: Signature })), ...errors } });
const decline = createRoute({ method: 'post', path: '/portal/{token}/decline', tags, summary: 'Decline an estimate', request: { params: TokenParam, body: jsonBody(z.object({ revision: Revision, reason: z.string().trim().max(2000).default('') }).meta({ id: 'PortalDeclineBody' })) }, responses: { 200: jsonResponse('Declined', z.object({ status: z.string() })), ...errors } });
const changes = createRoute({ method: 'post', path: '/portal/{token}/changes', tags, summary: 'Ask for changes to an estimate', request: { params: TokenParam, body: jsonBody(z.object({ message: z.string().trim().min(1, 'Say what should change.').max(5000) }).meta({ id: 'PortalChangesBody' })) }, responses: { 200: jsonResponse('Sent', z.object({ ok: z.boolean() })), ...errors } });

/** The link's token row, or the refusal that says why it does not open. */
async function openLink(c: Context<AppEnv>): Promise<PortalTokenRow> {
  await limitByIp(c, LIMITS.publicToken);
  const tokenHash = hashToken(c.req.param('token') ?? '');
  const row = await withScope(c.var.deps.database.db, { portalToken: tokenHash }, (tx) => findPortalToken(tx, tokenHash));
  if (!row) throw new AppError(404, 'PORTAL_LINK_INVALID', 'This link is not valid. Ask the sender for a new one.');
  if (row.revokedAt) throw new AppError(410, 'PORTAL_LINK_REVOKED', 'This link has been withdrawn. Ask the sender for a new one.');
  if (row.expiresAt.getTime() <= Date.now()) throw new AppError(410, 'PORTAL_LINK_EXPIRED', 'This link has expired. Ask the sender for a new one.');
  return row;
}

/**
 * Work on the link's one document, inside its company's scope. An answer (`lock`) holds the document's row
 * to commit, so an accept and a decline, or an accept and a send of the next revision, take turns.
 */
function withLinkDocument<T>(c: Context<AppEnv>, link: PortalTokenRow, fn: (tx: Tx, ctx: NonNullable<Awaited<ReturnType<typeof documentContext>>>) => Promise<T>, opts: { lock?: boolean } = {}): Promise<T> {
  return withTenant(c.var.deps.database.db, link.companyId, async (tx) => {
    if (opts.lock) await lockDocument(tx, link.companyId, link.documentId);
    const ctx = await documentContext(tx, link.companyId, link.documentId);
    if (!ctx || ctx.doc.status === 'draft') throw new AppError(404, 'PORTAL_LINK_INVALID', 'This document is no longer available.');
    return fn(tx, ctx);
  });
}

const visitor = (c: Context<AppEnv>) => ({ actorUserId: null, requestId: c.var.requestId, ip: clientIp(c) });

async function signatureView(tx: Tx, companyId: string, documentId: string) {
  const s = await signatureOf(tx, companyId, documentId);
  return s && { signerName: s.signerName, kind: s.kind, image: s.image, signedAt: s.signedAt.toISOString(), ip: s.ip, userAgent: s.userAgent, snapshotSha256: s.snapshotSha256, revision: s.revision };
}

/** An estimate the client may still answer: sent, and not past its valid-until day. */
function respondProblem(ctx: { doc: { kind: string; status: string; dueDate: string }; company: { timeZone: string } }): string | null {
  if (ctx.doc.kind !== 'estimate') return 'Only estimates are accepted or declined.';
  if (ctx.doc.status !== 'sent' && ctx.doc.status !== 'expired') return `This estimate is already ${ctx.doc.status}.`;
  if (ctx.doc.status === 'expired' || ctx.doc.dueDate < dayIn(ctx.company.timeZone, Date.now())) return `This estimate was valid until ${ctx.doc.dueDate}. Ask for a new one.`;
  return null;
}

/**
 * The sent revision an answer is to: the one the client read (`revision`), if it is still the latest.
 * Accepting also needs the estimate to say what that revision said: one being revised cannot be
 * signed, or the signature would certify one text while another became the invoice.
 */
async function answeredRevision(tx: Tx, link: PortalTokenRow, ctx: { doc: DocumentRow; lines: DocumentLineRow[]; client: { name: string } }, read: number, opts: { signing: boolean }) {
  const latest = (await latestRevision(tx, link.companyId, link.documentId))!;
  if (read !== latest.revision) throw new AppError(409, 'ESTIMATE_REVISED', 'This estimate has been revised since you opened it. Reload the page to see the new version.');
  if (opts.signing && !unchangedSince(latest.snapshot as DocumentSnapshot, documentSnapshot(ctx.doc, ctx.client, ctx.lines, latest.revision))) {
    throw new AppError(409, 'ESTIMATE_BEING_REVISED', 'The sender is revising this estimate. You will get the new version when it is sent.');
  }
  return latest;
}

/** Move an estimate on, by the status machine's rules. */
async function moveEstimate(tx: Tx, link: PortalTokenRow, from: string, to: EstimateStatus): Promise<void> {
  const problem = estimateMoveProblem(from as EstimateStatus, to);
  if (problem) throw new AppError(409, 'ESTIMATE_CLOSED', problem);
  await updateDocument(tx, link.companyId, link.documentId, { status: to });
}

export const portalRoutes = areaApp()
  .openapi(show, async (c) => {
    const link = await openLink(c);
    const view = await withLinkDocument(c, link, async (tx, { doc, lines, client, company }) => {
      // One "viewed" event per link per half hour: a refresh is not news.
      if (!link.lastViewedAt || Date.now() - link.lastViewedAt.getTime() > 30 * 60_000) {
        await recordAudit(tx, { companyId: link.companyId, ...visitor(c), action: `${doc.kind}.viewed`, objectType: doc.kind, objectId: doc.id });
      }
      await touchPortalToken(tx, link.id);
      // An estimate may be revised after sending: the client sees (and signs) the revision that was sent, not edits in progress.
      const sent = doc.kind === 'estimate' ? ((await latestRevision(tx, link.companyId, doc.id))?.snapshot as DocumentSnapshot | undefined) : undefined;
      const shown = sent ?? { ...doc, lines };
      return {
        company: {
          name: company.name, brandColor: company.brandColor, hasLogo: company.logoKey !== null, email: company.email, phone: company.phone, addressLines: addressLines(company.address),
        },
        client: { name: client.name },
        document: {
          revision: sent?.revision ?? doc.revision, kind: doc.kind, number: doc.number, status: doc.status, issueDate: shown.issueDate, dueDate: shown.dueDate, currency: shown.currency, coverText: shown.coverText,
          notes: shown.notes, terms: shown.terms, subtotalCents: shown.subtotalCents, discountCents: shown.discountCents, taxCents: shown.taxCents, totalCents: shown.totalCents,
          balanceCents: sent ? sent.totalCents : doc.balanceCents, taxInclusive: sent ? sentTaxInclusive(sent) : doc.taxInclusive,
          lines: shown.lines.map((l) => ({ description: l.description, quantity: l.quantity, unitPriceCents: l.unitPriceCents, netCents: l.netCents, taxable: l.taxable, taxRateBps: l.taxRateBps })),
        },
        signature: await signatureView(tx, link.companyId, doc.id),
        canRespond: respondProblem({ doc, company }) === null,
      };
    });
    return c.json(view, 200);
  })
  .openapi(logo, async (c) => {
    const link = await openLink(c);
    // Through the link's document, so a link that no longer opens shows no logo either.
    const key = await withLinkDocument(c, link, async (_tx, { company }) => company.logoKey);
    return logoResponse(c, key, 'private, max-age=300');
  })
  .openapi(pdf, async (c) => {
    const link = await openLink(c);
    const { settings, storage, database } = c.var.deps;
    const number = await withLinkDocument(c, link, async (_tx, { doc }) => doc.number);
    const key = await storeDocumentPdf({ db: database.db, storage, appUrl: () => settings.APP_URL, secret: settings.APP_SECRET_KEY }, { companyId: link.companyId, documentId: link.documentId });
    return c.redirect(await storage.downloadUrl(key, { filename: `${number}.pdf`, expiresSeconds: settings.PRESIGN_EXPIRE_SECONDS }), 302);
  })
  .openapi(accept, async (c) => {
    const link = await openLink(c);
    const body = c.req.valid('json');
    const out = await withLinkDocument(c, link, async (tx, ctx) => {
      const problem = respondProblem(ctx);
      if (problem) throw new AppError(409, 'ESTIMATE_CLOSED', problem);
      // The signature certifies what the client was shown: the revision they read, still the latest and unedited, by its hash.
      const revision = await answeredRevision(tx, link, ctx, body.revision, { signing: true });
      await moveEstimate(tx, link, ctx.doc.status, 'accepted');
      await insertSignature(tx, {
        companyId: link.companyId, documentId: link.documentId, revision: revision.revision, signerName: body.name, kind: body.signature.kind,
        image: body.signature.kind === 'drawn' ? body.signature.image : null, ip: clientIp(c), userAgent: c.req.header('user-agent')?.slice(0, 500) ?? null,
        snapshotSha256: revision.snapshotSha256,
      });
      await recordAudit(tx, { companyId: link.companyId, ...visitor(c), action: 'estimate.accepted', objectType: 'estimate', objectId: link.documentId, after: { signerName: body.name, kind: body.signature.kind, revision: revision.revision, snapshotSha256: revision.snapshotSha256 } });
      return { status: 'accepted', signature: await signatureView(tx, link.companyId, link.documentId) };
    }, { lock: true });
    return c.json(out, 200);
  })
  .openapi(decline, async (c) => {
    const link = await openLink(c);
    const { reason, revision } = c.req.valid('json');
    await withLinkDocument(c, link, async (tx, ctx) => {
      const problem = respondProblem(ctx);
      if (problem) throw new AppError(409, 'ESTIMATE_CLOSED', problem);
      await answeredRevision(tx, link, ctx, revision, { signing: false });
      await moveEstimate(tx, link, ctx.doc.status, 'declined');
      await recordAudit(tx, { companyId: link.companyId, ...visitor(c), action: 'estimate.declined', objectType: 'estimate', objectId: link.documentId, after: { reason, revision } });
    }, { lock: true });
    return c.json({ status: 'declined' }, 200);
  })
  .openapi(changes, async (c) => {
    const link = await openLink(c);
    const { message } = c.req.valid('json');
    await withLinkDocument(c, link, async (tx, ctx) => {
      const problem = respondProblem(ctx);
      if (problem) throw new AppError(409, 'ESTIMATE_CLOSED', problem);
      await recordAudit(tx, { companyId: link.companyId, ...visitor(c), action: 'estimate.changes_requested', objectType: 'estimate', objectId: link.documentId, after: { message } });
    });
    return c.json({ ok: true }, 200);
  });
