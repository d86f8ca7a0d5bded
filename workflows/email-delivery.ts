/**
 * Email delivery. Started by the API right after it records an email in the
 * outbox, with id `email-<intentKey>` (e.g. `email-verify-<tokenId>`), so one
 * intent is one workflow and a second start is a no-op. Retries with backoff
 * for up to a day of SMTP trouble; then the email is given up on and staff
 * get an ops alert. A permanent refusal (5xx) gives up at the first attempt.
 */
import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { DeliveryOutcome, EmailActivities } from '../activities/email';

export interface EmailDeliveryInput {
  intentKey: string;
  /** Retry budget; an input so tests can exhaust it in seconds. */
  retry?: { initialIntervalMs: number; maximumAttempts: number };
}

export async function emailDelivery(input: EmailDeliveryInput): Promise<DeliveryOutcome> {
  const retry = input.retry ?? { initialIntervalMs: 10_000, maximumAttempts: 30 };
  const { deliverEmail } = proxyActivities<EmailActivities>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: retry.initialIntervalMs, backoffCoefficient: 2, maximumInterval: '1 hour', maximumAttempts: retry.maximumAttempts },
  });
  const { markEmailFailed } = proxyActivities<EmailActivities>({ startToCloseTimeout: '30 seconds' });
  try {
    return await deliverEmail({ intentKey: input.intentKey });
  } catch (err) {
    if (!(err instanceof ActivityFailure)) throw err;
    await markEmailFailed({ intentKey: input.intentKey });
    return 'failed';
  }
}
