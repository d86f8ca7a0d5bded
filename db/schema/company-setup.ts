/** What onboarding provisions for each company: settings, numbering schemes and document templates. */
import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies } from './identity';
import { tenantPolicy } from './tenancy';

export const companySettings = pgTable('company_settings', {
  companyId: uuid('company_id').primaryKey().references(() => companies.id),
  invoiceDueDays: integer('invoice_due_days').notNull(),
  estimateValidDays: integer('estimate_valid_days').notNull(),
  salesTaxGuidanceBps: integer('sales_tax_guidance_bps').notNull(),
  defaultTaxable: boolean('default_taxable').notNull(),
  currency: text('currency').notNull(),
  timeZone: text('time_zone').notNull(),
  roundingIncrementMinutes: integer('rounding_increment_minutes').notNull().default(0),
  roundingMode: text('rounding_mode', { enum: ['up', 'nearest'] }).notNull().default('up'),
  timerAutoStopHours: integer('timer_auto_stop_hours').notNull().default(10),
  /** Reminder days relative to the due date (negative = before); see domain/reminders.ts. */
  reminderDays: integer('reminder_days').array().notNull().default(sql`'{-3,7,14,21}'::integer[]`),
  brandColor: text('brand_color').notNull().default('#1f4e79'),
  /** A logo in private storage, printed on PDFs. */
  logoKey: text('logo_key'),
  /** How clients reach the company, printed on every PDF: its billing email, phone and postal address. */
  email: text('email'),
  phone: text('phone'),
  address: jsonb('address').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  check('company_settings_due_days', sql`${t.invoiceDueDays} between 0 and 365`),
  check('company_settings_valid_days', sql`${t.estimateValidDays} between 0 and 365`),
  check('company_settings_tax_bps', sql`${t.salesTaxGuidanceBps} between 0 and 10000`),
  check('company_settings_currency', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  check('company_settings_rounding', sql`${t.roundingIncrementMinutes} in (0, 6, 15, 30)`),
  check('company_settings_brand', sql`${t.brandColor} ~ '^#[0-9a-fA-F]{6}$'`),
  check('company_settings_timer', sql`${t.timerAutoStopHours} between 1 and 24`),
  tenantPolicy('company_settings', t.companyId),
]);

export const numberingSchemes = pgTable('numbering_schemes', {
  companyId: uuid('company_id').notNull().references(() => companies.id),
  kind: text('kind', { enum: ['project', 'estimate', 'invoice', 'credit_note'] }).notNull(),
  pattern: text('pattern').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.companyId, t.kind] }), tenantPolicy('numbering_schemes', t.companyId)]);

export const documentTemplates = pgTable('document_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  kind: text('kind', { enum: ['estimate', 'proposal', 'invoice', 'credit_note'] }).notNull(),
  name: text('name').notNull(),
  notes: text('notes').notNull().default(''),
  terms: text('terms').notNull().default(''),
  isDefault: boolean('is_default').notNull().default(false),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  // Soft-deleted templates free their name and default slot.
  uniqueIndex('document_templates_name_key').on(t.companyId, t.kind, t.name).where(sql`${t.deletedAt} is null`),
  // At most one default per document kind.
  uniqueIndex('document_templates_default_key').on(t.companyId, t.kind).where(sql`${t.isDefault} and ${t.deletedAt} is null`),
  tenantPolicy('document_templates', t.companyId),
]);
