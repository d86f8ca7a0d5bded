/**
 * The outbox sweep, run every few minutes by the Schedule `outbox-sweep` (bin/lib/schedules.ts).
 * An email a request records (verification, password reset, invitation) is delivered by its own
 * workflow, started right after the request commits. When that start is lost — Temporal unreachable
 * at that moment — nothing else would ever send it. The sweep starts delivery for each such email
 * still pending a while after it was recorded. The delivery's id is the intent key, so this is safe
 * to repeat: a delivery still running is left to itself, and one that ended left its row sent or
 * failed, off the list. Emails the invoice lifecycle records are its own to deliver and never listed.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import type { EmailActivities } from '../activities/email';
import { emailWorkflowId } from '../domain/emails';
import { emailDelivery, type EmailDeliveryInput } from './email-delivery';

export interface OutboxSweepInput {
  /** How long after recording an email counts as stranded (default 2 minutes: well past the request's own start). */
  olderThanMs?: number;
  /** Most deliveries started per run; the next run takes the rest. */
  limit?: number;
  /** Passed to each delivery; an input so tests exhaust it in seconds. */
  retry?: EmailDeliveryInput['retry'];
}

const { stalePendingEmails } = proxyActivities<EmailActivities>({ startToCloseTimeout: '30 seconds' });

export async function outboxSweep(input: OutboxSweepInput = {}): Promise<{ listed: number; started: number }> {
  const keys = await stalePendingEmails({ olderThanMs: input.olderThanMs ?? 120_000, limit: input.limit ?? 200 });
  const started = await Promise.all(keys.map(async (intentKey) => {
    try {
      await startChild(emailDelivery, {
        workflowId: emailWorkflowId(intentKey), args: [{ intentKey, ...(input.retry && { retry: input.retry }) }],
        // The delivery outlives this run; its id already says it is this email's only one. A run of it that
        // failed or was terminated while the row stayed pending may go again (delivery skips a sent row).
        parentClosePolicy: ParentClosePolicy.ABANDON, workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
      });
      return 1;
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) return 0;
      throw err;
    }
  }));
  return { listed: keys.length, started: started.reduce((a: number, b) => a + b, 0) };
}
