/** Payments and client credit: rows that are written once and summed, never edited. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from './client';
import { clientCreditEntries, creditApplications, payments } from './schema/payments';
import { clients } from './schema/work';

export type PaymentRow = typeof payments.$inferSelect;
export type CreditApplicationRow = typeof creditApplications.$inferSelect;

export async function findPayment(tx: Tx, companyId: string, id: string): Promise<PaymentRow | null> {
  const [row] = await tx.select().from(payments).where(and(eq(payments.companyId, companyId), eq(payments.id, id)));
  return row ?? null;
}

export async function insertPayment(tx: Tx, row: typeof payments.$inferInsert): Promise<void> {
  await tx.insert(payments).values(row);
}

export function paymentsOf(tx: Tx, companyId: string, documentId: string) {
  return tx.select().from(payments).where(and(eq(payments.companyId, companyId), eq(payments.documentId, documentId))).orderBy(asc(payments.createdAt));
}

export async function findCreditApplication(tx: Tx, companyId: string, id: string): Promise<CreditApplicationRow | null> {
  const [row] = await tx.select().from(creditApplications).where(and(eq(creditApplications.companyId, companyId), eq(creditApplications.id, id)));
  return row ?? null;
}

export async function insertCreditApplication(tx: Tx, row: typeof creditApplications.$inferInsert): Promise<void> {
  await tx.insert(creditApplications).values(row);
}

export function creditApplicationsOf(tx: Tx, companyId: string, documentId: string) {
  return tx.select().from(creditApplications)
    .where(and(eq(creditApplications.companyId, companyId), eq(creditApplications.documentId, documentId))).orderBy(asc(creditApplications.createdAt));
}

/** The client row locked, for a change to its credit: the lock order is invoice first, then client. */
/** The client's credit, locked for a change: the sum, and the currency it is in (the client's). */
export async function lockClientCredit(tx: Tx, companyId: string, clientId: string): Promise<{ creditCents: number; currency: string }> {
  const [row] = await tx.select({ creditCents: clients.creditCents, currency: clients.currency }).from(clients)
    .where(and(eq(clients.companyId, companyId), eq(clients.id, clientId))).for('update');
  return row!;
}

/** One credit ledger row and the cache beside it, together (the caller holds the client lock). */
export async function addCreditEntry(tx: Tx, e: { companyId: string; clientId: string; amountCents: number; sourceType: 'payment' | 'credit_application'; sourceId: string; documentId: string }): Promise<void> {
  await tx.insert(clientCreditEntries).values(e);
  await tx.update(clients).set({ creditCents: sql`${clients.creditCents} + ${e.amountCents}` })
    .where(and(eq(clients.companyId, e.companyId), eq(clients.id, e.clientId)));
}

/** The credit ledger's own answer, to check the cache against. */
export async function creditLedgerBalance(tx: Tx, companyId: string, clientId: string): Promise<number> {
  const [row] = await tx.select({ sum: sql<string>`coalesce(sum(${clientCreditEntries.amountCents}), 0)` }).from(clientCreditEntries)
    .where(and(eq(clientCreditEntries.companyId, companyId), eq(clientCreditEntries.clientId, clientId)));
  return Number(row!.sum);
}
