/** Clients, catalog, projects and time: what a service business records before it bills. */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies, users } from './identity';
import { tenantPolicy } from './tenancy';

/** Per-company counters behind gap-free numbers: incremented in the creating transaction, so a rollback leaves no gap. */
export const numberSequences = pgTable('number_sequences', {
  companyId: uuid('company_id').notNull().references(() => companies.id),
  kind: text('kind').notNull(),
  periodKey: text('period_key').notNull(),
  lastValue: integer('last_value').notNull(),
}, (t) => [primaryKey({ columns: [t.companyId, t.kind, t.periodKey] }), tenantPolicy('number_sequences', t.companyId)]);

const rounding = {
  roundingIncrementMinutes: integer('rounding_increment_minutes'),
  roundingMode: text('rounding_mode', { enum: ['up', 'nearest'] }),
};

export const clients = pgTable('clients', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  kind: text('kind', { enum: ['business', 'person'] }).notNull(),
  name: text('name').notNull(),
  email: text('email'),
  phone: text('phone'),
  taxId: text('tax_id'),
  currency: text('currency').notNull(),
  paymentTermsDays: integer('payment_terms_days').notNull(),
  notes: text('notes').notNull().default(''),
  tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
  address: jsonb('address').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
  ...rounding,
  /** A cache of the client's credit ledger (client_credit_entries), changed in the same transaction. */
  creditCents: bigint('credit_cents', { mode: 'number' }).notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
}, (t) => [
  check('clients_credit', sql`${t.creditCents} >= 0`),
  index('clients_company_name_idx').on(t.companyId, t.name, t.id),
  check('clients_terms', sql`${t.paymentTermsDays} between 0 and 365`),
  check('clients_currency', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  tenantPolicy('clients', t.companyId),
]);

export const catalogItems = pgTable('catalog_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  type: text('type', { enum: ['service', 'product'] }).notNull(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  rateCents: bigint('rate_cents', { mode: 'number' }).notNull(),
  currency: text('currency').notNull(),
  taxable: boolean('taxable').notNull().default(false),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('catalog_items_company_idx').on(t.companyId, t.name),
  check('catalog_items_rate', sql`${t.rateCents} >= 0`),
  tenantPolicy('catalog_items', t.companyId),
]);

export const projects = pgTable('projects', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  seq: integer('seq').notNull(),
  number: text('number').notNull(),
  name: text('name').notNull(),
  clientId: uuid('client_id').references(() => clients.id),
  status: text('status', { enum: ['active', 'on_hold', 'completed', 'cancelled'] }).notNull().default('active'),
  billingType: text('billing_type', { enum: ['hourly', 'flat_fee', 'non_billable'] }).notNull(),
  hourlyRateCents: bigint('hourly_rate_cents', { mode: 'number' }),
  flatFeeCents: bigint('flat_fee_cents', { mode: 'number' }),
  budgetMinutes: integer('budget_minutes'),
  budgetCents: bigint('budget_cents', { mode: 'number' }),
  currency: text('currency').notNull(),
  ...rounding,
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('projects_seq_key').on(t.companyId, t.seq),
  uniqueIndex('projects_number_key').on(t.companyId, t.number),
  index('projects_company_status_idx').on(t.companyId, t.status),
  check('projects_money', sql`coalesce(${t.hourlyRateCents}, 0) >= 0 and coalesce(${t.flatFeeCents}, 0) >= 0 and coalesce(${t.budgetCents}, 0) >= 0 and coalesce(${t.budgetMinutes}, 0) >= 0`),
  tenantPolicy('projects', t.companyId),
]);

export const projectMembers = pgTable('project_members', {
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  userId: uuid('user_id').notNull().references(() => users.id),
}, (t) => [primaryKey({ columns: [t.projectId, t.userId] }), tenantPolicy('project_members', t.companyId)]);

/** A project's services: a catalog item or a custom name; the name is copied so history keeps it. */
export const projectServices = pgTable('project_services', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  catalogItemId: uuid('catalog_item_id').references(() => catalogItems.id),
  name: text('name').notNull(),
}, (t) => [index('project_services_project_idx').on(t.projectId), tenantPolicy('project_services', t.companyId)]);

export const timeEntries = pgTable('time_entries', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  clientId: uuid('client_id').references(() => clients.id),
  catalogItemId: uuid('catalog_item_id').references(() => catalogItems.id),
  /** Stable copy of the service name at the time of the work. */
  serviceName: text('service_name').notNull().default(''),
  notes: text('notes').notNull().default(''),
  /** The calendar day of the work, in the company's time zone. */
  workDate: text('work_date').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }),
  /** Raw duration; never changed by rounding. */
  durationSeconds: integer('duration_seconds').notNull(),
  billable: boolean('billable').notNull().default(true),
  status: text('status', { enum: ['draft', 'submitted', 'approved', 'billed'] }).notNull().default('draft'),
  /** Where it came from: null for manual entries, `timer-<workflowId>-<runId>` for the timer (unique: a retried stop writes once). */
  sourceKey: text('source_key'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  approvedBy: uuid('approved_by').references(() => users.id),
  rejectionReason: text('rejection_reason'),
  /** The invoice this time was billed on (set with status `billed`, in the same transaction as its lines). */
  billedDocumentId: uuid('billed_document_id'),
  /** The line of that invoice that charges it: removing the line from the draft releases the time. Null for time billed before lines were linked. */
  billedLineId: uuid('billed_line_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('time_entries_company_date_idx').on(t.companyId, t.workDate, t.id),
  index('time_entries_company_user_idx').on(t.companyId, t.userId, t.workDate),
  index('time_entries_company_project_idx').on(t.companyId, t.projectId, t.workDate),
  index('time_entries_company_status_idx').on(t.companyId, t.status, t.workDate),
  uniqueIndex('time_entries_source_key').on(t.companyId, t.sourceKey),
  check('time_entries_duration', sql`${t.durationSeconds} > 0 and ${t.durationSeconds} <= 86400`),
  check('time_entries_work_date', sql`${t.workDate} ~ '^\\d{4}-\\d{2}-\\d{2}$'`),
  tenantPolicy('time_entries', t.companyId),
]);

/** Private files on a project. The object lives in storage under `storage_key`; the row says who may see it. */
export const projectFiles = pgTable('project_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  uploadedBy: uuid('uploaded_by').notNull().references(() => users.id),
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  declaredBytes: integer('declared_bytes').notNull(),
  sizeBytes: integer('size_bytes'),
  storageKey: text('storage_key').notNull(),
  /** pending until the upload is confirmed present and within limits. */
  status: text('status', { enum: ['pending', 'ready', 'rejected'] }).notNull().default('pending'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
}, (t) => [
  index('project_files_project_idx').on(t.companyId, t.projectId),
  uniqueIndex('project_files_key').on(t.storageKey),
  tenantPolicy('project_files', t.companyId),
]);

/** Vendors and merchants the company buys from (expenses arrive later). */
export const vendors = pgTable('vendors', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  name: text('name').notNull(),
  email: text('email'),
  phone: text('phone'),
  website: text('website'),
  taxId: text('tax_id'),
  notes: text('notes').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
}, (t) => [index('vendors_company_name_idx').on(t.companyId, t.name, t.id), tenantPolicy('vendors', t.companyId)]);
