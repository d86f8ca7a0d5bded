/** How the API starts and describes the onboarding workflow. */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { isTimeZone } from '../domain/dates';
import { onboardingWorkflowId } from '../domain/onboarding';
import type { OnboardingInput } from '../activities/onboarding';
import type { onboarding } from '../workflows/onboarding';
import { COMPANY_ID } from '../workflows/search-attributes';
import type { ApiDeps } from './env';
import { bounded } from './temporal-calls';

/**
 * Start onboarding unless it is running or finished. Safe to call any number
 * of times: the workflow id is the company, a running one is reused, and only
 * a failed one may be started again. `timeZone` is the signing-up browser's,
 * kept only if this runtime knows it (else the company default stands).
 */
export async function ensureOnboardingStarted({ temporal, settings }: ApiDeps, { companyId, timeZone }: { companyId: string; timeZone?: string | undefined }): Promise<void> {
  const input: OnboardingInput = { companyId, ...(timeZone && isTimeZone(timeZone) ? { timeZone } : {}) };
  try {
    await bounded(temporal, () => temporal.workflow.start<typeof onboarding>('onboarding', {
      workflowId: onboardingWorkflowId(companyId),
      taskQueue: settings.TEMPORAL_TASK_QUEUE,
      args: [input],
      typedSearchAttributes: [{ key: COMPANY_ID, value: companyId }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
    }));
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

export function workflowUiUrl({ settings }: ApiDeps, workflowId: string): string | null {
  if (!settings.TEMPORAL_UI_URL) return null;
  return `${settings.TEMPORAL_UI_URL}/namespaces/${encodeURIComponent(settings.TEMPORAL_NAMESPACE)}/workflows/${encodeURIComponent(workflowId)}`;
}
