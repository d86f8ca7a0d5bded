/**
 * Recurring series and their occurrences. `createOccurrence` is the one write
 * a schedule firing makes: an invoice for (series, occurrence date), unique
 * in the database, so a schedule that fires twice for one date — a retry, a
 * backfill over the same days, an overlap — still makes one invoice.
 */
import { and, eq, sql } from 'drizzle-orm';
import { addDays } from '../domain/dates';
import { sendProblem } from '../domain/documents/snapshot';
import { recordAudit } from './audit';
import { billingEmail } from './client-contacts';
import { auditEvents } from './schema/audit';
import { getClient } from './clients';
import type { Tx } from './client';
import { insertDocument, replaceLines, type LineRowInput } from './documents';
import { nextNumber } from './numbering';
import { documents } from './schema/documents';
import { recurringSeries } from './schema/recurring';
import { live } from './soft-delete';

export type SeriesRow = typeof recurringSeries.$inferSelect;

/** What each occurrence copies: lines and money as computed when the series was saved. */
export interface SeriesTemplate {
  lines: LineRowInput[];
  discountKind: 'percent' | 'amount' | null;
  discountValue: number | null;
  subtotalCents: number;
  discountCents: number;
  taxCents: number;
  totalCents: number;
  taxInclusive?: boolean;
  notes: string;
  terms: string;
}

export async function getSeries(tx: Tx, companyId: string, id: string): Promise<SeriesRow | null> {
  const [row] = await tx.select().from(recurringSeries).where(and(eq(recurringSeries.companyId, companyId), eq(recurringSeries.id, id), live(recurringSeries)));
  return row ?? null;
}

export function listSeries(tx: Tx, companyId: string) {
  return tx.select().from(recurringSeries).where(and(eq(recurringSeries.companyId, companyId), live(recurringSeries))).orderBy(recurringSeries.name);
}

export async function insertSeries(tx: Tx, row: typeof recurringSeries.$inferInsert): Promise<SeriesRow> {
  const [out] = await tx.insert(recurringSeries).values(row).returning();
  return out!;
}

export async function updateSeries(tx: Tx, companyId: string, id: string, values: Partial<typeof recurringSeries.$inferInsert>): Promise<void> {
  await tx.update(recurringSeries).set(values).where(and(eq(recurringSeries.companyId, companyId), eq(recurringSeries.id, id)));
}

export type OccurrenceResult =
  | { kind: 'created' | 'existing'; invoiceId: string; autoSend: boolean }
  | { kind: 'skipped'; reason: string };

export async function createOccurrence(tx: Tx, companyId: string, seriesId: string, occurrenceDate: string): Promise<OccurrenceResult> {
  const [series] = await tx.select().from(recurringSeries).where(and(eq(recurringSeries.companyId, companyId), eq(recurringSeries.id, seriesId))).for('update');
  const [existing] = await tx.select({ id: documents.id }).from(documents)
    .where(and(eq(documents.companyId, companyId), eq(documents.recurringSeriesId, seriesId), eq(documents.occurrenceDate, occurrenceDate)));
  // Made by an earlier run: sent only if it was made to be sent (a retried run whose send did not get
  // going), not because the series was switched to auto-send since — that would mail an old draft.
  if (existing) return { kind: 'existing', invoiceId: existing.id, autoSend: (await madeToSend(tx, companyId, existing.id)) ?? series?.autoSend ?? false };
  if (!series || series.deletedAt || series.status !== 'active') return { kind: 'skipped', reason: 'the series is not active' };
  if (occurrenceDate < series.startDate || (series.endDate && occurrenceDate > series.endDate)) return { kind: 'skipped', reason: 'outside the series dates' };
  if (series.skipDates.includes(occurrenceDate)) return { kind: 'skipped', reason: 'skipped by request' };

  const t = series.template as SeriesTemplate;
  const client = await getClient(tx, companyId, series.clientId);
  if (!client) return { kind: 'skipped', reason: 'the client was deleted' };
  const [year, month] = occurrenceDate.split('-').map(Number) as [number, number];
  const { seq, number } = await nextNumber(tx, companyId, 'invoice', { year, month });
  const doc = await insertDocument(tx, companyId, {
    kind: 'invoice', seq, number, clientId: series.clientId, projectId: series.projectId, issueDate: occurrenceDate, dueDate: addDays(occurrenceDate, client.paymentTermsDays),
    currency: client.currency, notes: t.notes, terms: t.terms, discountKind: t.discountKind, discountValue: t.discountValue, subtotalCents: t.subtotalCents,
    discountCents: t.discountCents, taxCents: t.taxCents, totalCents: t.totalCents, balanceCents: t.totalCents, taxInclusive: t.taxInclusive ?? false, recurringSeriesId: seriesId, occurrenceDate,
  });
  await replaceLines(tx, companyId, doc.id, t.lines);
  await tx.update(recurringSeries).set({ lastSeq: sql`${recurringSeries.lastSeq} + 1` }).where(eq(recurringSeries.id, seriesId));
  // Auto-send asked for, but it could not go (no address to send to, nothing to bill): it stays a draft,
  // and says why where people look, rather than failing its lifecycle where nobody does.
  const unsendable = series.autoSend ? sendProblem(doc, t.lines.length, await billingEmail(tx, companyId, client)) : null;
  const autoSend = series.autoSend && !unsendable;
  await recordAudit(tx, { companyId, actorUserId: null, action: 'invoice.created', objectType: 'invoice', objectId: doc.id, after: { number, recurringSeriesId: seriesId, occurrenceDate, autoSend } });
  if (unsendable) await recordAudit(tx, { companyId, actorUserId: null, action: 'invoice.auto_send_skipped', objectType: 'invoice', objectId: doc.id, after: { reason: unsendable, recurringSeriesId: seriesId } });
  return { kind: 'created', invoiceId: doc.id, autoSend };
}

/** Whether the occurrence's invoice was made to be sent (recorded at its creation; unknown for older ones). */
async function madeToSend(tx: Tx, companyId: string, invoiceId: string): Promise<boolean | null> {
  const [row] = await tx.select({ autoSend: sql<boolean | null>`(${auditEvents.after}->>'autoSend')::boolean` }).from(auditEvents)
    .where(and(eq(auditEvents.companyId, companyId), eq(auditEvents.action, 'invoice.created'), eq(auditEvents.objectId, invoiceId))).limit(1);
  return row?.autoSend ?? null;
}
