/**
 * Recurring invoices: a series holds what each occurrence looks like; a
 * Temporal Schedule per series fires the occurrences. Each occurrence is an
 * invoice carrying the series and the occurrence date, unique together, so a
 * schedule that fires twice for one date still makes one invoice.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies, users } from './identity';
import { tenantPolicy } from './tenancy';
import { clients, projects } from './work';

export const recurringSeries = pgTable('recurring_series', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  clientId: uuid('client_id').notNull().references(() => clients.id),
  projectId: uuid('project_id').references(() => projects.id),
  name: text('name').notNull(),
  frequency: text('frequency', { enum: ['monthly', 'quarterly', 'yearly'] }).notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }),
  status: text('status', { enum: ['active', 'paused', 'ended'] }).notNull().default('active'),
  autoSend: boolean('auto_send').notNull().default(false),
  /** Lines, discount, notes and terms as the document API takes them. */
  template: jsonb('template').notNull(),
  /** Occurrence dates to pass over once (a "skip next"). */
  skipDates: text('skip_dates').array().notNull().default(sql`'{}'::text[]`),
  lastSeq: integer('last_seq').notNull().default(0),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
}, (t) => [
  check('recurring_series_range', sql`${t.endDate} is null or ${t.startDate} <= ${t.endDate}`),
  tenantPolicy('recurring_series', t.companyId),
]);
