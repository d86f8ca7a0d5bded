/** The named people at a client: several per client, at most one primary. */
import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies } from './identity';
import { tenantPolicy } from './tenancy';
import { clients } from './work';

export const clientContacts = pgTable('client_contacts', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  clientId: uuid('client_id').notNull().references(() => clients.id),
  name: text('name').notNull(),
  email: text('email'),
  phone: text('phone'),
  /** Their role or job title at the client ("Accounts payable", "CTO"). */
  title: text('title'),
  isPrimary: boolean('is_primary').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
}, (t) => [
  index('client_contacts_client_idx').on(t.companyId, t.clientId),
  // The database, not only the API, keeps one primary per client; deleted contacts do not count.
  uniqueIndex('client_contacts_one_primary').on(t.clientId).where(sql`${t.isPrimary} and ${t.deletedAt} is null`),
  tenantPolicy('client_contacts', t.companyId),
]);
