/**
 * Creates one occurrence of a recurring series, dated by the schedule's
 * scheduled time in the company's time zone. Idempotent: the invoice is
 * unique per (series, occurrence date), so a retry or a second firing for the
 * same date returns the invoice the first one made.
 */
import type { Db } from '../db/client';
import { createOccurrence, type OccurrenceResult } from '../db/recurring';
import { withTenant } from '../db/tenant';
import { timeSettings } from '../db/time-entries';
import { dayIn } from '../domain/dates';

export function createRecurringActivities({ db }: { db: Db }) {
  return {
    async createRecurringInvoice(input: { companyId: string; seriesId: string; scheduledAt: number }): Promise<OccurrenceResult & { occurrenceDate: string }> {
      return withTenant(db, input.companyId, async (tx) => {
        const occurrenceDate = dayIn((await timeSettings(tx, input.companyId))?.timeZone ?? 'UTC', input.scheduledAt);
        return { ...(await createOccurrence(tx, input.companyId, input.seriesId, occurrenceDate)), occurrenceDate };
      });
    },
  };
}

export type RecurringActivities = ReturnType<typeof createRecurringActivities>;
