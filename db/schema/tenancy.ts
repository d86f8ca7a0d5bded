/**
 * Row-level security, the second wall behind every query's own company filter.
 * Policies read the transaction-local settings that db/tenant.ts sets:
 * `app.company_id` (the active company) and `app.user_id` (the acting user).
 * Unset settings compare as NULL, which matches nothing.
 * FORCE ROW LEVEL SECURITY is added by a custom migration (drizzle-kit has no syntax for it).
 */
import { sql, type SQL } from 'drizzle-orm';
import { pgPolicy, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const currentCompany = sql`nullif(current_setting('app.company_id', true), '')::uuid`;
export const currentUser = sql`nullif(current_setting('app.user_id', true), '')::uuid`;

/** The standard policy: rows of the active company only, for reads and writes alike. */
export function tenantPolicy(name: string, companyId: AnyPgColumn) {
  const own: SQL = sql`${companyId} = ${currentCompany}`;
  return pgPolicy(`${name}_tenant`, { for: 'all', using: own, withCheck: own });
}
