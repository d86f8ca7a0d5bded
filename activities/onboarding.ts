/**
 * Onboarding provisioning. Every activity is idempotent: it inserts against a
 * unique key with ON CONFLICT DO NOTHING and reports how many rows it created,
 * so a retry, a replay or a second workflow run creates nothing new.
 */
import type { Db } from '../db/client';
import * as onboarding from '../db/onboarding';
import { withTenant } from '../db/tenant';
import type { OnboardingStatus } from '../domain/onboarding';

export interface OnboardingInput {
  companyId: string;
  /**
   * The owner's zone, from signup. Absent when onboarding was started again later (its first start
   * failed): the company then starts in the default zone, which an admin can change in settings.
   */
  timeZone?: string;
}

export function createOnboardingActivities({ db }: { db: Db }) {
  const step = (fn: typeof onboarding.provisionNumbering) =>
    ({ companyId }: OnboardingInput) => withTenant(db, companyId, (tx) => fn(tx, companyId));

  return {
    provisionNumbering: step(onboarding.provisionNumbering),
    provisionChartOfAccounts: step(onboarding.provisionAccounts),
    provisionDocumentTemplates: step(onboarding.provisionTemplates),
    provisionFinancialDefaults: ({ companyId, timeZone }: OnboardingInput) => withTenant(db, companyId, (tx) => onboarding.provisionFinancials(tx, companyId, { timeZone })),
    async setOnboardingStatus({ companyId, status }: OnboardingInput & { status: OnboardingStatus }): Promise<void> {
      await withTenant(db, companyId, (tx) => onboarding.setOnboardingStatus(tx, companyId, status));
    },
  };
}

export type OnboardingActivities = ReturnType<typeof createOnboardingActivities>;
