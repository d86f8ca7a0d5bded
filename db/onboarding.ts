/**
 * Provisioning commands run by the onboarding activities. Each inserts with
 * ON CONFLICT DO NOTHING against a unique key, so running it again adds
 * nothing; each returns how many rows it created, which is what proves that.
 */
import { eq, sql } from 'drizzle-orm';
import { DEFAULT_CHART } from '../domain/accounts';
import { DEFAULT_NUMBERING } from '../domain/numbering';
import { DEFAULT_FINANCIALS, DEFAULT_TEMPLATES, type OnboardingStatus, type OnboardingStepKey } from '../domain/onboarding';
import type { Tx } from './client';
import { companySettings, documentTemplates, numberingSchemes } from './schema/company-setup';
import { companies } from './schema/identity';
import { accounts } from './schema/ledger';

export async function provisionNumbering(tx: Tx, companyId: string): Promise<number> {
  const rows = await tx.insert(numberingSchemes)
    .values(DEFAULT_NUMBERING.map((n) => ({ companyId, kind: n.kind, pattern: n.pattern })))
    .onConflictDoNothing().returning({ kind: numberingSchemes.kind });
  return rows.length;
}

export async function provisionAccounts(tx: Tx, companyId: string): Promise<number> {
  const rows = await tx.insert(accounts)
    .values(DEFAULT_CHART.map((a) => ({ companyId, ...a })))
    .onConflictDoNothing().returning({ id: accounts.id });
  return rows.length;
}

export async function provisionTemplates(tx: Tx, companyId: string): Promise<number> {
  const rows = await tx.insert(documentTemplates)
    .values(DEFAULT_TEMPLATES.map((t) => ({ companyId, ...t, isDefault: true })))
    .onConflictDoNothing().returning({ id: documentTemplates.id });
  return rows.length;
}

export async function provisionFinancials(tx: Tx, companyId: string, own: { timeZone?: string | undefined } = {}): Promise<number> {
  const rows = await tx.insert(companySettings)
    .values({ companyId, ...DEFAULT_FINANCIALS, timeZone: own.timeZone ?? DEFAULT_FINANCIALS.timeZone })
    .onConflictDoNothing().returning({ companyId: companySettings.companyId });
  return rows.length;
}

/** Moves the status forward only: a late retry of "running" can never undo "complete". */
export async function setOnboardingStatus(tx: Tx, companyId: string, status: OnboardingStatus): Promise<void> {
  const rank = sql`array_position(array['pending','running','failed','complete']::text[], ${companies.onboardingStatus})`;
  const target = sql`array_position(array['pending','running','failed','complete']::text[], ${status}::text)`;
  await tx.update(companies)
    .set({ onboardingStatus: status, onboardedAt: status === 'complete' ? sql`coalesce(${companies.onboardedAt}, now())` : companies.onboardedAt })
    .where(sql`${companies.id} = ${companyId} and (${rank} < ${target} or (${companies.onboardingStatus} = 'failed' and ${status}::text = 'running'))`);
}

export interface OnboardingState {
  status: OnboardingStatus;
  done: Record<OnboardingStepKey, boolean>;
}

/** Progress computed from the rows that exist (cheap EXISTS checks), not from a stored checklist. */
export async function onboardingState(tx: Tx, companyId: string): Promise<OnboardingState | null> {
  // Column names are qualified by hand: drizzle renders them bare inside sql``, which would bind to the subquery's table.
  const [row] = await tx.select({
    status: companies.onboardingStatus,
    numbering: sql<boolean>`exists(select 1 from numbering_schemes n where n.company_id = ${companyId})`,
    accounts: sql<boolean>`exists(select 1 from accounts a where a.company_id = ${companyId})`,
    templates: sql<boolean>`exists(select 1 from document_templates t where t.company_id = ${companyId})`,
    financials: sql<boolean>`exists(select 1 from company_settings s where s.company_id = ${companyId})`,
  }).from(companies).where(eq(companies.id, companyId));
  if (!row) return null;
  const { status, ...done } = row;
  return { status, done };
}
