/**
 * Creates one occurrence of a recurring series, dated by the schedule's
 * scheduled time in the company's time zone. Idempotent: the invoice is
 * unique per (series, occurrence date), so a retry or a second firing for the
 * same date returns the invoice the first one made.
 */
import type { Db } from '../db/client';
import { createOccurrence, type OccurrenceResult } from '../db/recurring';
import { companyDay } from '../db/company-settings';
import { withTenant } from '../db/tenant';

export function createRecurringActivities({ db }: { db: Db }) {
  return {
    async createRecurringInvoice(input: { companyId: string; seriesId: string; scheduledAt: number }): Promise<OccurrenceResult & { occurrenceDate: string }> {
      return withTenant(db, input.companyId, async (tx) => {
        const occurrenceDate = await companyDay(tx, input.companyId, input.scheduledAt);
        return { ...(await createOccurrence(tx, input.companyId, input.seriesId, occurrenceDate)), occurrenceDate };
      });
    },
  };
}

export type RecurringActivities = ReturnType<typeof createRecurringActivities>;
