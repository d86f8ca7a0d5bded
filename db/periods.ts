/** Accounting periods: the refusal every money path shares when a date is closed. */
import { and, eq, gte, lte } from 'drizzle-orm';
import { AppError } from '../domain/errors';
import type { Tx } from './client';
import { accountingPeriods } from './schema/ledger';

export async function assertOpenPeriod(tx: Tx, companyId: string, day: string): Promise<void> {
  const [closed] = await tx.select({ start: accountingPeriods.startDate, end: accountingPeriods.endDate }).from(accountingPeriods).where(and(
    eq(accountingPeriods.companyId, companyId), eq(accountingPeriods.status, 'closed'),
    lte(accountingPeriods.startDate, day), gte(accountingPeriods.endDate, day),
  ));
  if (closed) throw new AppError(422, 'PERIOD_CLOSED', `${day} falls in the closed period ${closed.start} to ${closed.end}; reopen it or use a date in an open period.`);
}
