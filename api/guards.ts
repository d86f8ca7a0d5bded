/**
 * What a route requires of its caller. Every company route calls
 * `requireCompany(c, permission)`: a full session, a company, a verified
 * email (when the gate is on), 2FA when the company's policy requires it for
 * the role, and the permission from domain/permissions.ts.
 */
import type { Context } from 'hono';
import { AppError } from '../domain/errors';
import { can, totpRequiredFor, type Permission } from '../domain/permissions';
import type { Role } from '../domain/roles';
import type { AppEnv } from './env';
import type { Auth } from './sessions';

export function requireUser(c: Context<AppEnv>): Auth {
  const auth = c.var.auth;
  if (!auth || auth.secondFactorPending) throw new AppError(401, 'UNAUTHENTICATED', 'Please log in.');
  return auth;
}

/** Which gates stand between this user and company data right now (GET /me reports them). */
export function requirements(c: Context<AppEnv>, auth: Auth) {
  const m = auth.membership;
  return {
    emailVerification: c.var.deps.settings.EMAIL_VERIFICATION_REQUIRED && !auth.user.emailVerifiedAt,
    totpEnrollment: !!m && totpRequiredFor(m.role, m.requireTotpForManagers) && !auth.user.totpEnabledAt,
  };
}

export interface CompanyAccess {
  auth: Auth;
  userId: string;
  companyId: string;
  role: Role;
}

export function requireCompany(c: Context<AppEnv>, permission: Permission): CompanyAccess {
  const auth = requireUser(c);
  const m = auth.membership;
  if (!m) throw AppError.forbidden('You are not a member of any company.', 'NO_COMPANY');
  const gates = requirements(c, auth);
  if (gates.emailVerification) throw AppError.forbidden('Verify your email address to continue.', 'EMAIL_UNVERIFIED');
  if (gates.totpEnrollment) {
    throw AppError.forbidden('Your company requires two-factor authentication for your role. Set it up to continue.', 'TOTP_ENROLLMENT_REQUIRED');
  }
  if (!can(m.role, permission)) throw AppError.forbidden();
  return { auth, userId: auth.user.id, companyId: m.company.id, role: m.role };
}
