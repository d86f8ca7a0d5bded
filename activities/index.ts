// Every activity the worker registers, built from its dependencies.
import { createEmailActivities } from './email';
import { createInvoiceActivities, type InvoiceActivityDeps } from './invoices';
import { createOnboardingActivities } from './onboarding';
import { createRecurringActivities } from './recurring';
import { createTimeActivities } from './time';
import { createUploadActivities } from './uploads';

export type ActivityDeps = InvoiceActivityDeps;

export function createActivities(deps: ActivityDeps) {
  return { ...createOnboardingActivities(deps), ...createEmailActivities(deps), ...createTimeActivities(deps), ...createInvoiceActivities(deps), ...createRecurringActivities(deps), ...createUploadActivities(deps) };
}

export type Activities = ReturnType<typeof createActivities>;
