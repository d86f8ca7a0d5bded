/**
 * What clients owe and have paid, per currency, from the stored invoice balances and the payments
 * — the figures the money commands keep in the same transaction as each posting, and that
 * db/ledger-check.ts holds to the ledger (A/R = open balances, each balance = total − payments −
 * credit applied). Available credit is the client's row (the credit ledger's cache).
 */
import { and, asc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { OPEN_INVOICE_STATUSES } from '../domain/documents/status';
import type { Tx } from './client';
import { documents } from './schema/documents';
import { payments } from './schema/payments';
import { clients } from './schema/work';
import { live } from './soft-delete';

export interface OpenBalance {
  currency: string;
  /** Σ balance of the open invoices. */
  outstandingCents: number;
  openInvoices: number;
  /** The part of it on invoices whose due date is before `today`. */
  overdueCents: number;
  overdueInvoices: number;
}

export interface Balance extends OpenBalance {
  /** Σ of the payments received (the part kept as credit included): every one for a client, those since a day for the company. */
  receivedCents: number;
}

/** A company's open invoices (sent or partially paid, not deleted), and what `where` adds. */
const openInvoices = (companyId: string, where?: SQL) =>
  and(eq(documents.companyId, companyId), eq(documents.kind, 'invoice'), inArray(documents.status, [...OPEN_INVOICE_STATUSES]), live(documents), where);

/** The sums an open balance is made of, overdue meaning due before `today` (YYYY-MM-DD in the company's zone). */
function openSums(today: string) {
  const overdue = sql`${documents.dueDate} < ${today}`;
  return {
    currency: documents.currency,
    outstandingCents: sql<number>`sum(${documents.balanceCents})::bigint`.mapWith(Number),
    openInvoices: sql<number>`count(*)::int`,
    overdueCents: sql<number>`coalesce(sum(${documents.balanceCents}) filter (where ${overdue}), 0)::bigint`.mapWith(Number),
    overdueInvoices: sql<number>`(count(*) filter (where ${overdue}))::int`,
  };
}

/** Payments received, per currency, for the payments `where` picks. */
function receivedBy(tx: Tx, companyId: string, where: SQL) {
  return tx.select({ currency: payments.currency, receivedCents: sql<number>`sum(${payments.amountCents})::bigint`.mapWith(Number) })
    .from(payments).where(and(eq(payments.companyId, companyId), where)).groupBy(payments.currency);
}

/** Open balances and receipts side by side: one row per currency either has, in currency order. */
function byCurrency(open: readonly OpenBalance[], received: readonly { currency: string; receivedCents: number }[]): Balance[] {
  const by = new Map<string, Balance>();
  const row = (currency: string) => by.get(currency) ?? by.set(currency, { currency, outstandingCents: 0, openInvoices: 0, overdueCents: 0, overdueInvoices: 0, receivedCents: 0 }).get(currency)!;
  for (const o of open) Object.assign(row(o.currency), o);
  for (const r of received) row(r.currency).receivedCents = r.receivedCents;
  return [...by.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Each listed client's open balances, per currency; a client owing nothing has no entry. */
export async function openBalances(tx: Tx, companyId: string, clientIds: readonly string[], today: string): Promise<Map<string, OpenBalance[]>> {
  const out = new Map<string, OpenBalance[]>();
  if (!clientIds.length) return out;
  const rows = await tx.select({ clientId: documents.clientId, ...openSums(today) }).from(documents)
    .where(openInvoices(companyId, inArray(documents.clientId, [...clientIds])))
    .groupBy(documents.clientId, documents.currency).orderBy(documents.currency);
  for (const { clientId, ...b } of rows) out.set(clientId, [...(out.get(clientId) ?? []), b]);
  return out;
}

/** One client's open balances and every payment it has made to date (one dated ahead, a post-dated cheque, has not come in yet). */
export async function clientBalances(tx: Tx, companyId: string, clientId: string, today: string): Promise<Balance[]> {
  const open = (await openBalances(tx, companyId, [clientId], today)).get(clientId) ?? [];
  return byCurrency(open, await receivedBy(tx, companyId, and(eq(payments.clientId, clientId), lte(payments.receivedOn, today))!));
}

/** The whole company's receivables (the same rules as a client's), and what came in from `since` (inclusive). */
export async function companyBalances(tx: Tx, companyId: string, today: string, since: string): Promise<Balance[]> {
  const open = await tx.select(openSums(today)).from(documents).where(openInvoices(companyId)).groupBy(documents.currency);
  // A payment dated ahead (a post-dated cheque) has not come in yet.
  return byCurrency(open, await receivedBy(tx, companyId, and(gte(payments.receivedOn, since), lte(payments.receivedOn, today))!));
}

/** The open invoices longest overdue (due before `today`), oldest first. */
export function oldestOverdue(tx: Tx, companyId: string, today: string, limit: number) {
  return tx.select({
    id: documents.id, number: documents.number, clientId: documents.clientId, clientName: clients.name, dueDate: documents.dueDate, balanceCents: documents.balanceCents, currency: documents.currency,
  }).from(documents).innerJoin(clients, and(eq(clients.companyId, documents.companyId), eq(clients.id, documents.clientId)))
    .where(openInvoices(companyId, lt(documents.dueDate, today)))
    .orderBy(asc(documents.dueDate), asc(documents.seq)).limit(limit);
}
