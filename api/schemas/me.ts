import { z } from 'zod';
import { ROLES } from '../../domain/roles';
import { PERMISSIONS } from '../../domain/permissions';
import { CodeBody, CompanyRef, newPassword } from './auth';

const Role = z.enum(ROLES);

export const MeUser = z.object({ id: z.string(), email: z.string(), name: z.string(), emailVerified: z.boolean(), totpEnabled: z.boolean() });

export const Me = z.object({
  user: MeUser,
  company: CompanyRef.nullable(),
  role: Role.nullable(),
  permissions: z.array(z.enum(Object.keys(PERMISSIONS) as [string, ...string[]])),
  companies: z.array(CompanyRef.extend({ role: Role })),
  requirements: z.object({ emailVerification: z.boolean(), totpEnrollment: z.boolean() }),
}).meta({ id: 'Me' });

export const ProfileBody = z.object({ name: z.string().trim().max(120, 'Keep the name under 120 characters.') }).meta({ id: 'ProfileBody' });
export const ChangePasswordBody = z.object({
  currentPassword: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.'),
  newPassword: newPassword('Choose a new password.'),
}).meta({ id: 'ChangePasswordBody' });
export const SwitchCompanyBody = z.object({ companyId: z.string().uuid('Choose a company.') }).meta({ id: 'SwitchCompanyBody' });
export const PasswordBody = z.object({ password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.') }).meta({ id: 'PasswordBody' });
export const TotpEnableBody = PasswordBody.extend(CodeBody.shape).meta({ id: 'TotpEnableBody' });

export const SessionList = z.object({
  items: z.array(z.object({
    id: z.string(), current: z.boolean(), ip: z.string().nullable(), userAgent: z.string().nullable(), createdAt: z.string(), lastSeenAt: z.string(),
  })),
}).meta({ id: 'SessionList' });

export const TotpSetup = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() }).meta({ id: 'TotpSetup' });
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) }).meta({ id: 'RecoveryCodes' });
export const IdParam = z.object({ id: z.string().uuid('Not a valid id.') });
