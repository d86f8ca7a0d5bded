// Every activity the worker registers, built from its dependencies.
import type { Db } from '../db/client';
import { createOnboardingActivities } from './onboarding';

export interface ActivityDeps {
  db: Db;
}

export function createActivities(deps: ActivityDeps) {
  return { ...createOnboardingActivities(deps) };
}
