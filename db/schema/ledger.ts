import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ACCOUNT_TYPES } from '../../domain/accounts';
import { companies } from './identity';
import { tenantPolicy } from './tenancy';

export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  type: text('type', { enum: ACCOUNT_TYPES }).notNull(),
  /** Lets posting rules find e.g. A/R whatever the user renumbers it to. */
  systemRole: text('system_role'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('accounts_code_key').on(t.companyId, t.code),
  uniqueIndex('accounts_system_role_key').on(t.companyId, t.systemRole),
  tenantPolicy('accounts', t.companyId),
]);
