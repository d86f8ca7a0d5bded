// Every activity the worker registers, built from its dependencies.
import type { Db } from '../db/client';
import { createEmailActivities, type Mailer } from './email';
import { createOnboardingActivities } from './onboarding';
import { createTimeActivities } from './time';

export interface ActivityDeps {
  db: Db;
  mailer: Mailer;
}

export function createActivities(deps: ActivityDeps) {
  return { ...createOnboardingActivities(deps), ...createEmailActivities(deps), ...createTimeActivities(deps) };
}
