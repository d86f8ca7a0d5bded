/**
 * What clients owe and have paid, per currency, from the stored invoice balances and the payments
 * — the figures the money commands keep in the same transaction as each posting, and that
 * db/ledger-check.ts holds to the ledger (A/R = open balances, each balance = total − payments −
 * credit applied). Available credit is the client's row (the credit ledger's cache).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { OPEN_INVOICE_STATUSES } from '../domain/documents/status';
import type { Tx } from './client';
import { documents } from './schema/documents';
import { payments } from './schema/payments';
import { live } from './soft-delete';

export interface OpenBalance {
  currency: string;
  /** Σ balance of the client's open invoices. */
  outstandingCents: number;
  openInvoices: number;
  /** The part of it on invoices whose due date is before `today`. */
  overdueCents: number;
  overdueInvoices: number;
}

export interface ClientBalance extends OpenBalance {
  /** Σ of every payment received from the client (the part kept as credit included). */
  receivedCents: number;
}

/** Each listed client's open balances, per currency; a client owing nothing has no entry. `today` is YYYY-MM-DD in the company's zone. */
export async function openBalances(tx: Tx, companyId: string, clientIds: readonly string[], today: string): Promise<Map<string, OpenBalance[]>> {
  const out = new Map<string, OpenBalance[]>();
  if (!clientIds.length) return out;
  const overdue = sql`${documents.dueDate} < ${today}`;
  const rows = await tx.select({
    clientId: documents.clientId,
    currency: documents.currency,
    outstandingCents: sql<number>`sum(${documents.balanceCents})::bigint`.mapWith(Number),
    openInvoices: sql<number>`count(*)::int`,
    overdueCents: sql<number>`coalesce(sum(${documents.balanceCents}) filter (where ${overdue}), 0)::bigint`.mapWith(Number),
    overdueInvoices: sql<number>`(count(*) filter (where ${overdue}))::int`,
  }).from(documents).where(and(
    eq(documents.companyId, companyId), inArray(documents.clientId, [...clientIds]), eq(documents.kind, 'invoice'),
    inArray(documents.status, [...OPEN_INVOICE_STATUSES]), live(documents),
  )).groupBy(documents.clientId, documents.currency).orderBy(documents.currency);
  for (const { clientId, ...b } of rows) out.set(clientId, [...(out.get(clientId) ?? []), b]);
  return out;
}

/** One client's open balances and payments received, one row per currency it has either in, in currency order. */
export async function clientBalances(tx: Tx, companyId: string, clientId: string, today: string): Promise<ClientBalance[]> {
  const open = (await openBalances(tx, companyId, [clientId], today)).get(clientId) ?? [];
  const received = await tx.select({ currency: payments.currency, receivedCents: sql<number>`sum(${payments.amountCents})::bigint`.mapWith(Number) })
    .from(payments).where(and(eq(payments.companyId, companyId), eq(payments.clientId, clientId))).groupBy(payments.currency);

  const by = new Map<string, ClientBalance>();
  const row = (currency: string) => by.get(currency) ?? by.set(currency, { currency, outstandingCents: 0, openInvoices: 0, overdueCents: 0, overdueInvoices: 0, receivedCents: 0 }).get(currency)!;
  for (const o of open) Object.assign(row(o.currency), o);
  for (const r of received) row(r.currency).receivedCents = r.receivedCents;
  return [...by.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
