/**
 * Sending email from a request: record it in the outbox inside the request's
 * transaction (so a token and its email exist together or not at all), then,
 * after commit, start its delivery workflow. The intent key names the email
 * once and for all, so repeating either step sends nothing twice.
 */
import type { Executor } from '../db/client';
import { enqueueEmail } from '../db/mail';
import { emailWorkflowId, type EmailContent } from '../domain/emails';
import type { emailDelivery } from '../workflows/email-delivery';
import type { ApiDeps } from './env';
import { errorFields } from './log';
import { bounded } from './temporal-calls';

export async function recordEmail(tx: Executor, intentKey: string, to: string, content: EmailContent): Promise<string> {
  await enqueueEmail(tx, { intentKey, to, ...content });
  return intentKey;
}

export async function startEmailDelivery({ temporal, settings, log }: ApiDeps, intentKey: string): Promise<void> {
  try {
    await bounded(temporal, () => temporal.workflow.start<typeof emailDelivery>('emailDelivery', {
      workflowId: emailWorkflowId(intentKey), taskQueue: settings.TEMPORAL_TASK_QUEUE, args: [{ intentKey }],
      // A run that completed rejects a duplicate; one that failed or was terminated while its row was pending may go again.
      workflowIdConflictPolicy: 'USE_EXISTING', workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
    }));
  } catch (err) {
    // A completed delivery rejects a duplicate start: that is the point.
    if ((err as Error).name === 'WorkflowExecutionAlreadyStartedError') return;
    log.error('email delivery not started; it stays pending in the outbox', { intentKey, ...errorFields(err) });
  }
}
