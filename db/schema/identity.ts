import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PLAN_KEYS } from '../../domain/plans';
import { ROLES } from '../../domain/roles';
import { currentCompany, currentUser } from './tenancy';

/** Platform-level: a person may belong to several companies, so users carry no company_id. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stored normalised (trimmed, lower-case); unique across the platform. */
  email: text('email').notNull(),
  name: text('name').notNull().default(''),
  passwordHash: text('password_hash').notNull(),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
  /** TOTP secret, encrypted with APP_SECRET_KEY (AES-256-GCM). Set at setup; active once totpEnabledAt is set. */
  totpSecret: text('totp_secret'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** Last accepted TOTP time step: a code is good once. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('users_email_key').on(t.email)]);

export const companies = pgTable('companies', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  onboardingStatus: text('onboarding_status', { enum: ['pending', 'running', 'complete', 'failed'] }).notNull().default('pending'),
  onboardedAt: timestamp('onboarded_at', { withTimezone: true }),
  /** Policy: owners, admins and managers must have 2FA before they reach company data. */
  requireTotpForManagers: boolean('require_totp_for_managers').notNull().default(false),
  plan: text('plan', { enum: PLAN_KEYS }).notNull().default('professional'),
  planStatus: text('plan_status', { enum: ['trialing', 'active', 'past_due', 'canceled'] }).notNull().default('trialing'),
  trialEndsAt: timestamp('trial_ends_at', { withTimezone: true }),
  extraSeats: integer('extra_seats').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('companies_name_present', sql`length(trim(${t.name})) > 0`),
  check('companies_onboarding_status', sql`${t.onboardingStatus} in ('pending', 'running', 'complete', 'failed')`),
  check('companies_extra_seats', sql`${t.extraSeats} >= 0`),
  // The active company, or any company the acting user belongs to (the switcher lists them).
  pgPolicy('companies_member', {
    for: 'all',
    using: sql`${t.id} = ${currentCompany} or ${t.id} in (select m.company_id from memberships m where m.user_id = ${currentUser})`,
    withCheck: sql`${t.id} = ${currentCompany}`,
  }),
]);

export const memberships = pgTable('memberships', {
  companyId: uuid('company_id').notNull().references(() => companies.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  role: text('role', { enum: ROLES }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.companyId, t.userId] }),
  index('memberships_user_idx').on(t.userId),
  check('memberships_role', sql`${t.role} in ('owner', 'admin', 'manager', 'staff')`),
  // Exactly one owner per company.
  uniqueIndex('memberships_one_owner').on(t.companyId).where(sql`${t.role} = 'owner'`),
  // A company's own members, plus the acting user's memberships elsewhere (for the switcher).
  pgPolicy('memberships_member', {
    for: 'all',
    using: sql`${t.companyId} = ${currentCompany} or ${t.userId} = ${currentUser}`,
    withCheck: sql`${t.companyId} = ${currentCompany}`,
  }),
]);

/**
 * Server-side sessions, one row per logged-in device. Only a SHA-256 of the
 * cookie token is stored. A session belongs to a user; `active_company_id` is
 * which of the user's companies it is acting in (not a tenant row).
 */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  /** Public id for "your sessions" (the token hash never leaves the server). */
  id: uuid('id').notNull().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id),
  activeCompanyId: uuid('active_company_id').references(() => companies.id),
  /** Password accepted, TOTP not yet: the session may only finish logging in or log out. */
  secondFactorPending: boolean('second_factor_pending').notNull().default(false),
  ip: text('ip'),
  userAgent: text('user_agent'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  /** Absolute end, whatever the activity. */
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [index('sessions_user_idx').on(t.userId), uniqueIndex('sessions_id_key').on(t.id)]);
