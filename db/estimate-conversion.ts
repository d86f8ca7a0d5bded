/**
 * An accepted estimate becomes a draft invoice with the same lines and money
 * (and, if asked, a flat-fee project budgeted at its net amount). One live
 * invoice per estimate: `documents.source_estimate_id` is unique among live
 * documents, so converting twice returns the first invoice; if that draft was
 * deleted, converting again makes a new one.
 */
import { and, eq } from 'drizzle-orm';
import { addDays, dayIn } from '../domain/dates';
import { estimateMoveProblem, type EstimateStatus } from '../domain/documents/status';
import { AppError } from '../domain/errors';
import { recordAudit, type AuditEvent } from './audit';
import { getClient } from './clients';
import type { Tx } from './client';
import { insertDocument, linesOf, lockDocument, replaceLines, updateDocument, type DocumentRow } from './documents';
import { nextNumber } from './numbering';
import { insertProject } from './projects';
import { documents } from './schema/documents';
import { live } from './soft-delete';
import { timeSettings } from './time-entries';

export async function convertEstimate(tx: Tx, companyId: string, estimateId: string, opts: { projectName?: string }, actor: Pick<AuditEvent, 'actorUserId' | 'requestId' | 'ip'>): Promise<{ invoice: DocumentRow; projectId: string | null }> {
  const est = await lockDocument(tx, companyId, estimateId);
  if (!est || est.kind !== 'estimate') throw AppError.notFound('No such estimate.');
  const [existing] = await tx.select().from(documents).where(and(eq(documents.companyId, companyId), eq(documents.sourceEstimateId, estimateId), live(documents)));
  if (existing) return { invoice: existing, projectId: existing.projectId };
  // Converted before, and that invoice's draft deleted since: the estimate is invoiced again.
  const again = est.status === 'converted';
  const problem = again ? null : estimateMoveProblem(est.status as EstimateStatus, 'converted');
  if (problem) throw new AppError(409, 'ESTIMATE_NOT_ACCEPTED', `${problem} Only an accepted estimate becomes an invoice.`);

  const settings = (await timeSettings(tx, companyId))!;
  const client = (await getClient(tx, companyId, est.clientId, { includeDeleted: true }))!;
  const issueDate = dayIn(settings.timeZone, Date.now());
  const [year, month] = issueDate.split('-').map(Number) as [number, number];
  let projectId = est.projectId;
  if (opts.projectName) {
    const p = await nextNumber(tx, companyId, 'project', { year, month });
    const net = est.totalCents - est.taxCents;
    projectId = (await insertProject(tx, companyId, p.seq, p.number, {
      name: opts.projectName, clientId: est.clientId, billingType: 'flat_fee', flatFeeCents: net, budgetCents: net, currency: est.currency,
    })).id;
  }
  const { seq, number } = await nextNumber(tx, companyId, 'invoice', { year, month });
  const invoice = await insertDocument(tx, companyId, {
    kind: 'invoice', seq, number, clientId: est.clientId, projectId, issueDate, dueDate: addDays(issueDate, client.paymentTermsDays), currency: est.currency,
    notes: est.notes, terms: est.terms, discountKind: est.discountKind, discountValue: est.discountValue, taxInclusive: est.taxInclusive, subtotalCents: est.subtotalCents, discountCents: est.discountCents,
    taxCents: est.taxCents, totalCents: est.totalCents, balanceCents: est.totalCents, sourceEstimateId: est.id,
  });
  await replaceLines(tx, companyId, invoice.id, (await linesOf(tx, companyId, estimateId)).map(({ id: _id, companyId: _c, documentId: _d, ...l }) => l));
  if (!again) await updateDocument(tx, companyId, estimateId, { status: 'converted' });
  await recordAudit(tx, { companyId, ...actor, action: 'estimate.converted', objectType: 'estimate', objectId: estimateId, after: { invoiceId: invoice.id, number, projectId } });
  await recordAudit(tx, { companyId, ...actor, action: 'invoice.created', objectType: 'invoice', objectId: invoice.id, after: { number, fromEstimate: est.number, totalCents: invoice.totalCents } });
  return { invoice, projectId };
}
