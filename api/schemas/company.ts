import { z } from 'zod';
import { PLAN_KEYS } from '../../domain/plans';
import { isTimeZone } from '../../domain/dates';
import { CURRENCIES } from '../../domain/money';
import { validateSchedule } from '../../domain/reminders';
import { ROLES } from '../../domain/roles';
import { Address, text } from './work';

const Role = z.enum(ROLES);
const assignable = z.enum(['admin', 'manager', 'staff'], { error: 'Choose admin, manager or staff.' });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD.');

export const CompanyView = z.object({
  id: z.string(), name: z.string(),
  plan: z.object({ key: z.enum(PLAN_KEYS), name: z.string(), status: z.string(), trialEndsAt: z.string().nullable() }),
  seats: z.object({ included: z.number().int(), extra: z.number().int(), limit: z.number().int(), used: z.number().int() }),
  requireTotpForManagers: z.boolean(),
}).meta({ id: 'Company' });

export const CompanyPatch = z.object({
  name: z.string().trim().min(1, 'Enter the company name.').max(120, 'Keep the company name under 120 characters.').optional(),
  requireTotpForManagers: z.boolean().optional(),
}).meta({ id: 'CompanyPatch' });

export const Member = z.object({
  userId: z.string(), email: z.string(), name: z.string(), role: Role, totpEnabled: z.boolean(), joinedAt: z.string(),
}).meta({ id: 'Member' });
export const MemberList = z.object({ items: z.array(Member) });
export const RoleBody = z.object({ role: assignable }).meta({ id: 'RoleBody' });
export const UserIdParam = z.object({ userId: z.string().uuid('Not a valid id.') });
export const OwnershipBody = z.object({
  userId: z.string().uuid('Choose a member.'),
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.'),
}).meta({ id: 'OwnershipBody' });

export const Invitation = z.object({
  id: z.string(), email: z.string(), role: Role, invitedBy: z.string(), expiresAt: z.string(), createdAt: z.string(),
}).meta({ id: 'Invitation' });
export const InvitationList = z.object({ items: z.array(Invitation) });
export const InviteBody = z.object({
  email: z.string({ error: 'Enter an email.' }).trim().email('Enter a valid email address.').max(254),
  role: assignable,
}).meta({ id: 'InviteBody' });

export const AuditQuery = z.object({
  action: z.string().max(100).optional(),
  actorId: z.string().uuid().optional(),
  objectType: z.string().max(100).optional(),
  from: day.optional(),
  to: day.optional(),
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const AuditList = z.object({
  items: z.array(z.object({
    id: z.number().int(), action: z.string(), objectType: z.string(), objectId: z.string().nullable(),
    actor: z.object({ id: z.string(), email: z.string().nullable() }).nullable(),
    before: z.unknown(), after: z.unknown(), requestId: z.string().nullable(), ip: z.string().nullable(), createdAt: z.string(),
  })),
  nextCursor: z.string().nullable(),
}).meta({ id: 'AuditList' });

export const PublicInvitation = z.object({
  companyName: z.string(), email: z.string(), role: Role, expiresAt: z.string(), accountExists: z.boolean(),
}).meta({ id: 'PublicInvitation' });
export const AcceptBody = z.object({
  password: z.string().optional(),
  name: z.string().trim().max(120).optional(),
}).meta({ id: 'AcceptBody' });
export const TokenParam = z.object({ token: z.string().min(10).max(200) });

const days = (what: string) => z.number({ error: 'Enter whole days.' }).int('Enter whole days.').min(0, 'Days cannot be negative.').max(365, `At most 365 days ${what}.`);

/** What every invoice starts from and what its PDF and reminders carry. */
export const InvoicingSettingsBody = z.object({
  brandColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #1F4E79.'),
  email: z.string().trim().email('Enter a valid email address.').max(254).or(z.literal('')),
  phone: text(50, 'the phone number'),
  address: Address,
  invoiceDueDays: days('until an invoice is due'),
  estimateValidDays: days('for an estimate to stay valid'),
  /** Days from the due date (negative: before it). */
  reminderDays: z.array(z.number({ error: 'Enter whole days.' })).superRefine((d, ctx) => {
    const problem = validateSchedule(d);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  currency: z.enum(CURRENCIES, { error: 'Choose a currency.' }),
  timeZone: z.string().max(64).refine(isTimeZone, 'Choose a time zone.'),
}).partial().meta({ id: 'InvoicingSettingsBody' });

export const InvoicingSettingsView = z.object({
  brandColor: z.string(), hasLogo: z.boolean(), email: z.string().nullable(), phone: z.string().nullable(), address: z.record(z.string(), z.string()),
  invoiceDueDays: z.number(), estimateValidDays: z.number(), reminderDays: z.array(z.number()), currency: z.string(), timeZone: z.string(),
}).meta({ id: 'InvoicingSettings' });
