/**
 * The plan gate (PRODUCT.md §K): a route that needs a feature calls
 * `requireFeature(c, permission, feature)` instead of `requireCompany`. The
 * company's plan is read fresh, so an upgrade or downgrade applies on the next
 * request; which plan has which feature is decided only by domain/plans.ts.
 */
import type { Context } from 'hono';
import { eq } from 'drizzle-orm';
import { companies } from '../db/schema/identity';
import { withTenant } from '../db/tenant';
import { AppError } from '../domain/errors';
import type { Permission } from '../domain/permissions';
import { featureProblem, type Feature } from '../domain/plans';
import type { AppEnv } from './env';
import { requireCompany, type CompanyAccess } from './guards';

export async function requireFeature(c: Context<AppEnv>, permission: Permission, feature: Feature): Promise<CompanyAccess> {
  const access = requireCompany(c, permission);
  const [row] = await withTenant(c.var.deps.database.db, access.companyId, (tx) =>
    tx.select({ plan: companies.plan }).from(companies).where(eq(companies.id, access.companyId)));
  const problem = row ? featureProblem(row.plan, feature) : 'No such company.';
  if (problem) throw AppError.forbidden(problem, 'PLAN_UPGRADE_REQUIRED');
  return access;
}
