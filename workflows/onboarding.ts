/**
 * Company onboarding. Started by signup with id `onboarding-<companyId>` and
 * the CompanyId search attribute. Provisions numbering schemes, the chart of
 * accounts, default document templates and financial defaults, in that order,
 * then marks the company onboarded. Every activity is idempotent, so a retry,
 * a replay or a second run for the same company changes nothing. If a step
 * keeps failing, the company is marked `failed` and the workflow fails, which
 * staff see in the Temporal UI; running it again resumes where it stopped.
 */
import { ActivityFailure, defineQuery, proxyActivities, setHandler } from '@temporalio/workflow';
import type { OnboardingActivities, OnboardingInput } from '../activities/onboarding';
import { ONBOARDING_STEPS, type OnboardingStepKey } from '../domain/onboarding';

const acts = proxyActivities<OnboardingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
});

const STEP_ACTIVITY: Record<OnboardingStepKey, (input: OnboardingInput) => Promise<number>> = {
  numbering: acts.provisionNumbering,
  accounts: acts.provisionChartOfAccounts,
  templates: acts.provisionDocumentTemplates,
  financials: acts.provisionFinancialDefaults,
};

export interface OnboardingResult {
  /** Rows created per step; all zero when the company was already provisioned. */
  created: Record<OnboardingStepKey, number>;
}

export const onboardingProgressQuery = defineQuery<OnboardingStepKey[]>('onboardingProgress');

export async function onboarding(input: OnboardingInput): Promise<OnboardingResult> {
  const finished: OnboardingStepKey[] = [];
  setHandler(onboardingProgressQuery, () => [...finished]);

  await acts.setOnboardingStatus({ ...input, status: 'running' });
  const created = {} as Record<OnboardingStepKey, number>;
  try {
    for (const { key } of ONBOARDING_STEPS) {
      created[key] = await STEP_ACTIVITY[key](input);
      finished.push(key);
    }
  } catch (err) {
    if (err instanceof ActivityFailure) await acts.setOnboardingStatus({ ...input, status: 'failed' });
    throw err;
  }
  await acts.setOnboardingStatus({ ...input, status: 'complete' });
  return { created };
}
