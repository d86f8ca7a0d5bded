import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from './client';
import { documentLines, documents } from './schema/documents';
import { exactInstant } from './instants';
import { live } from './soft-delete';

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentLineRow = typeof documentLines.$inferSelect;
export type DocumentInput = Omit<typeof documents.$inferInsert, 'id' | 'companyId' | 'seq' | 'number' | 'kind' | 'createdAt'>;
/** A line to store; `id` only to keep the id of a line the document already has (see replaceLines). */
export type LineRowInput = Omit<typeof documentLines.$inferInsert, 'companyId' | 'documentId'>;

export async function insertDocument(tx: Tx, companyId: string, head: { kind: DocumentRow['kind']; seq: number; number: string } & DocumentInput): Promise<DocumentRow> {
  const [row] = await tx.insert(documents).values({ ...head, companyId }).returning();
  return row!;
}

export async function updateDocument(tx: Tx, companyId: string, id: string, values: Partial<DocumentInput>): Promise<DocumentRow> {
  const [row] = await tx.update(documents).set(values).where(and(eq(documents.companyId, companyId), eq(documents.id, id))).returning();
  return row!;
}

/**
 * The document's lines become these, replaced as a set (the totals are recomputed from all of them anyway). A line that names one of the document's current lines keeps
 * that id (what is linked to the line, such as the time it bills, stays with it); any other id is
 * replaced by a new one. The stored ids, in order.
 */
export async function replaceLines(tx: Tx, companyId: string, documentId: string, lines: LineRowInput[]): Promise<string[]> {
  const current = new Set((await tx.delete(documentLines)
    .where(and(eq(documentLines.companyId, companyId), eq(documentLines.documentId, documentId)))
    .returning({ id: documentLines.id })).map((r) => r.id));
  const rows = lines.map((l) => {
    const keep = l.id !== undefined && current.delete(l.id); // a repeated id keeps it once
    return { ...l, id: keep ? l.id! : randomUUID(), companyId, documentId };
  });
  if (rows.length) await tx.insert(documentLines).values(rows);
  return rows.map((r) => r.id);
}

/** One document, locked for a change about to be made to it. */
export async function lockDocument(tx: Tx, companyId: string, id: string): Promise<DocumentRow | null> {
  const [row] = await tx.select().from(documents).where(and(eq(documents.companyId, companyId), eq(documents.id, id), live(documents))).for('update');
  return row ?? null;
}

export async function getDocument(tx: Tx, companyId: string, id: string): Promise<DocumentRow | null> {
  const [row] = await tx.select().from(documents).where(and(eq(documents.companyId, companyId), eq(documents.id, id), live(documents)));
  return row ?? null;
}

export function linesOf(tx: Tx, companyId: string, documentId: string) {
  return tx.select().from(documentLines)
    .where(and(eq(documentLines.companyId, companyId), eq(documentLines.documentId, documentId))).orderBy(asc(documentLines.position));
}

/** Where a list of documents resumes: after the row created at this instant (to the microsecond) with this id. */
export type DocumentKey = { createdAt: string; id: string };

/**
 * Newest first within a kind, keyset on (created, id). Not on the number's sequence: that restarts
 * in each numbering period (INV-2026-0001 follows INV-2025-0060), so it is not an order.
 */
export async function listDocuments(tx: Tx, companyId: string, f: { kind: DocumentRow['kind']; status?: string; clientId?: string; limit: number; before?: DocumentKey }) {
  const rows = await tx.select({ doc: documents, createdAtExact: exactInstant(documents.createdAt) }).from(documents).where(and(
    eq(documents.companyId, companyId), eq(documents.kind, f.kind), live(documents),
    f.status ? eq(documents.status, f.status) : undefined,
    f.clientId ? eq(documents.clientId, f.clientId) : undefined,
    f.before ? sql`(${documents.createdAt}, ${documents.id}) < (${f.before.createdAt}::timestamptz, ${f.before.id}::uuid)` : undefined,
  )).orderBy(desc(documents.createdAt), desc(documents.id)).limit(f.limit + 1);
  return rows.map((r) => ({ ...r.doc, createdAtExact: r.createdAtExact }));
}
