import { sql } from 'drizzle-orm';
import { index, pgPolicy, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ROLES } from '../../domain/roles';
import { companies, users } from './identity';
import { currentCompany } from './tenancy';

export const invitations = pgTable('invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  email: text('email').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  invitedBy: uuid('invited_by').notNull().references(() => users.id),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('invitations_company_idx').on(t.companyId),
  // One open invitation per person per company.
  uniqueIndex('invitations_open_key').on(t.companyId, t.email).where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  // The company's invitations; and the one invitation whose token the caller presents
  // (`app.invitation_token` holds its hash) — how an invitee opens it before joining.
  pgPolicy('invitations_tenant', {
    for: 'all',
    using: sql`${t.companyId} = ${currentCompany} or ${t.tokenHash} = nullif(current_setting('app.invitation_token', true), '')`,
    withCheck: sql`${t.companyId} = ${currentCompany}`,
  }),
]);
