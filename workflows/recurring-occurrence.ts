/**
 * One occurrence of a recurring invoice series. Started by the series'
 * Temporal Schedule (`recurring-<seriesId>`, which suffixes each run's id with
 * its time). Creates the occurrence's invoice — unique per series and date in
 * the database, so a schedule firing twice for one date makes one invoice —
 * and, for an auto-send series, starts that invoice's lifecycle as an
 * abandoned child (`invoice-<id>`; a second start is refused by its id).
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { ParentClosePolicy, proxyActivities, startChild, WorkflowIdReusePolicy, workflowInfo } from '@temporalio/workflow';
import type { RecurringActivities } from '../activities/recurring';
import { lifecycleWorkflowId } from '../domain/documents/lifecycle';
import type { invoiceLifecycle } from './invoice-lifecycle';

const { createRecurringInvoice } = proxyActivities<RecurringActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes' },
});

/** Set by Temporal on every run a schedule starts: the time the run was due, not when it got going. */
const SCHEDULED_START = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

export interface OccurrenceInput {
  companyId: string;
  seriesId: string;
  /** Only for runs not started by the schedule (tests, manual runs); otherwise the scheduled time decides. */
  scheduledAt?: number;
}

export async function recurringOccurrence(input: OccurrenceInput): Promise<{ invoiceId: string | null; occurrenceDate: string; outcome: string }> {
  const info = workflowInfo();
  const scheduled = info.typedSearchAttributes.get(SCHEDULED_START);
  const scheduledAt = input.scheduledAt ?? scheduled?.getTime() ?? info.startTime.getTime();
  const result = await createRecurringInvoice({ companyId: input.companyId, seriesId: input.seriesId, scheduledAt });
  if (result.kind === 'skipped') return { invoiceId: null, occurrenceDate: result.occurrenceDate, outcome: `skipped: ${result.reason}` };
  if (result.autoSend) {
    try {
      await startChild<typeof invoiceLifecycle>('invoiceLifecycle', {
        workflowId: lifecycleWorkflowId('invoice', result.invoiceId),
        args: [{ companyId: input.companyId, documentId: result.invoiceId, actorUserId: null }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
    } catch (err) {
      // Already started by an earlier firing for this date: that lifecycle carries on.
      if ((err as Error).name !== 'WorkflowExecutionAlreadyStartedError') throw err;
    }
  }
  return { invoiceId: result.invoiceId, occurrenceDate: result.occurrenceDate, outcome: result.kind };
}
