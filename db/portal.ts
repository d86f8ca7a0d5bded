/** Portal links: stored as hashes, found by hash, expiring and revocable. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from './client';
import { documentRevisions, documentSignatures, portalTokens } from './schema/portal';
import { hashToken } from './tokens';

export type PortalTokenRow = typeof portalTokens.$inferSelect;

/** Store a link's token (once: the same token again changes nothing). */
/**
 * Save a link's token. A derived token saved again (the same email's retry, the PDF of a later money
 * state printing the same link) keeps its row and runs at least until the new expiry, so a document
 * made today never carries a link that has already run out; a revoked one stays revoked.
 */
export async function savePortalToken(tx: Tx, t: { companyId: string; documentId: string; token: string; expiresAt: Date; createdBy?: string | null }): Promise<void> {
  await tx.insert(portalTokens).values({ companyId: t.companyId, documentId: t.documentId, tokenHash: hashToken(t.token), expiresAt: t.expiresAt, createdBy: t.createdBy ?? null })
    .onConflictDoUpdate({ target: portalTokens.tokenHash, set: { expiresAt: sql`greatest(${portalTokens.expiresAt}, excluded.expires_at)` } });
}

/** The token row for a presented token (the transaction's scope must carry its hash). */
export async function findPortalToken(tx: Tx, tokenHash: string): Promise<PortalTokenRow | null> {
  const [row] = await tx.select().from(portalTokens).where(eq(portalTokens.tokenHash, tokenHash));
  return row ?? null;
}

export async function touchPortalToken(tx: Tx, id: string): Promise<void> {
  await tx.update(portalTokens).set({ lastViewedAt: sql`now()` }).where(eq(portalTokens.id, id));
}

export function portalTokensOf(tx: Tx, companyId: string, documentId: string) {
  return tx.select().from(portalTokens).where(and(eq(portalTokens.companyId, companyId), eq(portalTokens.documentId, documentId))).orderBy(desc(portalTokens.createdAt));
}

export async function revokePortalTokens(tx: Tx, companyId: string, documentId: string, id?: string): Promise<number> {
  const rows = await tx.update(portalTokens).set({ revokedAt: sql`now()` }).where(and(
    eq(portalTokens.companyId, companyId), eq(portalTokens.documentId, documentId), isNull(portalTokens.revokedAt), id ? eq(portalTokens.id, id) : undefined,
  )).returning({ id: portalTokens.id });
  return rows.length;
}

export async function latestRevision(tx: Tx, companyId: string, documentId: string) {
  const [row] = await tx.select().from(documentRevisions)
    .where(and(eq(documentRevisions.companyId, companyId), eq(documentRevisions.documentId, documentId))).orderBy(desc(documentRevisions.revision)).limit(1);
  return row ?? null;
}

export async function signatureOf(tx: Tx, companyId: string, documentId: string) {
  const [row] = await tx.select().from(documentSignatures).where(and(eq(documentSignatures.companyId, companyId), eq(documentSignatures.documentId, documentId)));
  return row ?? null;
}

export async function insertSignature(tx: Tx, s: typeof documentSignatures.$inferInsert): Promise<void> {
  await tx.insert(documentSignatures).values(s);
}
