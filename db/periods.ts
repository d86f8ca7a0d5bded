/**
 * Accounting periods: the refusal every money path shares when a date is
 * closed, and the commands that create, close and reopen periods.
 *
 * A close cannot slip past a posting in flight: every posting path takes the
 * company's books lock shared (in `assertOpenPeriod`) and closing or reopening
 * takes it alone, so a close waits for every posting in flight — even one that
 * began before its period existed — and a posting that comes after the close
 * sees it closed. A transaction-scoped advisory lock, so other writes to the
 * company never wait on a close. The database trigger (0014) refuses the entry
 * itself whatever path it takes.
 */
import { and, asc, eq, gte, lte, or, sql } from 'drizzle-orm';
import { AppError } from '../domain/errors';
import { recordAudit, type AuditEvent } from './audit';
import { booksLock } from './books-lock';
import { inOrder, type Tx } from './client';
import { accountingPeriods, journalEntries } from './schema/ledger';

export type PeriodRow = typeof accountingPeriods.$inferSelect;
type Actor = Pick<AuditEvent, 'actorUserId' | 'requestId' | 'ip'>;

export async function assertOpenPeriod(tx: Tx, companyId: string, day: string): Promise<void> {
  // Sent together and in this order, so the period is read (with a fresh snapshot) only once the
  // lock is held — after any close that was under way has committed. Periods never overlap, so the
  // first that ends on or after the day is the one covering it, else the next one after it.
  const [, [period]] = await inOrder(
    tx.execute(sql`select pg_advisory_xact_lock_shared(${booksLock(companyId)})`),
    tx.select({ start: accountingPeriods.startDate, end: accountingPeriods.endDate, status: accountingPeriods.status }).from(accountingPeriods).where(and(
      eq(accountingPeriods.companyId, companyId), gte(accountingPeriods.endDate, day),
      or(lte(accountingPeriods.startDate, day), eq(accountingPeriods.status, 'closed')),
    )).orderBy(asc(accountingPeriods.startDate)).limit(1),
  );
  if (period?.status !== 'closed') return;
  if (period.start <= day) {
    throw new AppError(422, 'PERIOD_CLOSED', `${day} falls in the closed period ${period.start} to ${period.end}; reopen it or use a date in an open period.`);
  }
  // A day no period covers, before a closed one, would still move that period's balances (a balance
  // sheet is everything up to its day): closing a period closes the uncovered days before it too.
  throw new AppError(422, 'PERIOD_CLOSED', `${day} comes before the closed period ${period.start} to ${period.end} and no open period covers it, so it is closed too; reopen the closed period, or add a period for that day (it starts closed) and reopen that one.`);
}

export function listPeriods(tx: Tx, companyId: string) {
  return tx.select().from(accountingPeriods).where(eq(accountingPeriods.companyId, companyId)).orderBy(asc(accountingPeriods.startDate));
}

export async function getPeriod(tx: Tx, companyId: string, id: string): Promise<PeriodRow | null> {
  const [row] = await tx.select().from(accountingPeriods).where(and(eq(accountingPeriods.companyId, companyId), eq(accountingPeriods.id, id)));
  return row ?? null;
}

/**
 * A new period; periods never overlap (the database's trigger is the last word). It starts open,
 * unless it lies before a closed period: its days are closed already (closing a period closes the
 * uncovered days before it), and adding a period must not reopen them without a reason. Such a
 * period starts closed, and reopening it is the audited act that lets those days change.
 */
export async function createPeriod(tx: Tx, companyId: string, p: { startDate: string; endDate: string }, actor: Actor): Promise<PeriodRow> {
  if (p.startDate > p.endDate) throw AppError.validation({ endDate: 'The period ends on or after it starts.' });
  // Two periods created at once take turns, so the second sees the first and overlaps nothing. A lock of
  // their own, not the books': a new period is open, and postings have no reason to wait for it.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`periods:${companyId}`}, 0))`);
  const [overlap] = await tx.select().from(accountingPeriods).where(and(
    eq(accountingPeriods.companyId, companyId), lte(accountingPeriods.startDate, p.endDate), gte(accountingPeriods.endDate, p.startDate),
  ));
  if (overlap) throw new AppError(409, 'PERIOD_OVERLAP', `That overlaps the period ${overlap.startDate} to ${overlap.endDate}.`);
  const [later] = await tx.select({ id: accountingPeriods.id }).from(accountingPeriods)
    .where(and(eq(accountingPeriods.companyId, companyId), eq(accountingPeriods.status, 'closed'), gte(accountingPeriods.startDate, p.endDate))).limit(1);
  const status = later ? 'closed' : 'open';
  const [row] = await tx.insert(accountingPeriods).values({ companyId, startDate: p.startDate, endDate: p.endDate, status }).returning();
  await recordAudit(tx, { companyId, ...actor, action: 'period.created', objectType: 'accounting_period', objectId: row!.id, after: { startDate: p.startDate, endDate: p.endDate, status } });
  return row!;
}

/**
 * Close or reopen, holding the books lock alone (see the file comment). Both are
 * audited with the reason; reopening needs one, because it lets the past change.
 */
export async function setPeriodStatus(tx: Tx, companyId: string, id: string, status: 'open' | 'closed', reason: string, actor: Actor): Promise<PeriodRow> {
  await tx.execute(sql`select pg_advisory_xact_lock(${booksLock(companyId)})`);
  const [period] = await tx.select().from(accountingPeriods).where(and(eq(accountingPeriods.companyId, companyId), eq(accountingPeriods.id, id))).for('update');
  if (!period) throw AppError.notFound('No such period.');
  if (status === 'open' && !reason.trim()) throw AppError.validation({ reason: 'Say why the period is being reopened.' });
  if (period.status === status) return period;
  const [row] = await tx.update(accountingPeriods).set({ status }).where(and(eq(accountingPeriods.companyId, companyId), eq(accountingPeriods.id, id))).returning();
  const [activity] = await tx.select({ entries: sql<number>`count(*)::int` }).from(journalEntries).where(and(
    eq(journalEntries.companyId, companyId), gte(journalEntries.entryDate, period.startDate), lte(journalEntries.entryDate, period.endDate),
  ));
  await recordAudit(tx, {
    companyId, ...actor, action: status === 'closed' ? 'period.closed' : 'period.reopened', objectType: 'accounting_period', objectId: id,
    before: { status: period.status }, after: { status, reason: reason.trim(), startDate: period.startDate, endDate: period.endDate, entries: activity?.entries ?? 0 },
  });
  return row!;
}
