/** Estimates and invoices with their lines. Totals are computed by domain/documents/totals.ts and stored with the rows. */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies } from './identity';
import { tenantPolicy } from './tenancy';
import { catalogItems, clients, projects } from './work';

export const documents = pgTable('documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  kind: text('kind', { enum: ['estimate', 'invoice'] }).notNull(),
  seq: integer('seq').notNull(),
  number: text('number').notNull(),
  clientId: uuid('client_id').notNull().references(() => clients.id),
  projectId: uuid('project_id').references(() => projects.id),
  status: text('status').notNull().default('draft'),
  issueDate: text('issue_date').notNull(),
  /** Invoices: due date. Estimates: valid until. */
  dueDate: text('due_date').notNull(),
  currency: text('currency').notNull(),
  notes: text('notes').notNull().default(''),
  terms: text('terms').notNull().default(''),
  discountKind: text('discount_kind', { enum: ['percent', 'amount'] }),
  discountValue: bigint('discount_value', { mode: 'number' }),
  /** Prices include tax: the tax is taken out of them rather than added (domain/documents/totals.ts). */
  taxInclusive: boolean('tax_inclusive').notNull().default(false),
  subtotalCents: bigint('subtotal_cents', { mode: 'number' }).notNull(),
  discountCents: bigint('discount_cents', { mode: 'number' }).notNull(),
  taxCents: bigint('tax_cents', { mode: 'number' }).notNull(),
  totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
  balanceCents: bigint('balance_cents', { mode: 'number' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  /** Proposals are estimates with a cover text. */
  coverText: text('cover_text').notNull().default(''),
  /** Per-invoice opt-out of the company's reminder schedule. */
  remindersEnabled: boolean('reminders_enabled').notNull().default(true),
  /** Storage key of the rendered PDF; drafts are re-rendered, sent documents keep theirs. */
  pdfKey: text('pdf_key'),
  /** How many times it has been sent: each send stores a snapshot (document_revisions). */
  revision: integer('revision').notNull().default(0),
  /** An invoice made from an estimate, and the estimate it came from. */
  sourceEstimateId: uuid('source_estimate_id'),
  recurringSeriesId: uuid('recurring_series_id'),
  occurrenceDate: date('occurrence_date', { mode: 'string' }),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('documents_number_key').on(t.companyId, t.kind, t.number),
  // One invoice per occurrence of a recurring series, however often its schedule fires.
  uniqueIndex('documents_occurrence_key').on(t.recurringSeriesId, t.occurrenceDate),
  // One invoice per accepted estimate.
  // One live invoice per estimate; a deleted draft's estimate can be converted again.
  uniqueIndex('documents_source_estimate_key').on(t.sourceEstimateId).where(sql`${t.deletedAt} is null`),
  index('documents_company_kind_idx').on(t.companyId, t.kind, t.createdAt, t.id),
  // A client's documents, newest first, and what the client owes (the client page).
  index('documents_client_idx').on(t.companyId, t.clientId, t.kind, t.createdAt, t.id),
  check('documents_status', sql`${t.status} in ('draft','sent','accepted','declined','expired','converted','partially_paid','paid','void')`),
  check('documents_money', sql`${t.subtotalCents} >= 0 and ${t.discountCents} >= 0 and ${t.taxCents} >= 0 and ${t.totalCents} >= 0 and ${t.balanceCents} between 0 and ${t.totalCents}`),
  tenantPolicy('documents', t.companyId),
]);

export const documentLines = pgTable('document_lines', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  documentId: uuid('document_id').notNull().references(() => documents.id),
  position: integer('position').notNull(),
  description: text('description').notNull(),
  catalogItemId: uuid('catalog_item_id').references(() => catalogItems.id),
  /** Decimal as entered, up to 3 places. */
  quantity: text('quantity').notNull(),
  unitPriceCents: bigint('unit_price_cents', { mode: 'number' }).notNull(),
  discountKind: text('discount_kind', { enum: ['percent', 'amount'] }),
  discountValue: bigint('discount_value', { mode: 'number' }),
  taxable: boolean('taxable').notNull(),
  taxRateBps: integer('tax_rate_bps').notNull(),
  subtotalCents: bigint('subtotal_cents', { mode: 'number' }).notNull(),
  lineDiscountCents: bigint('line_discount_cents', { mode: 'number' }).notNull(),
  netCents: bigint('net_cents', { mode: 'number' }).notNull(),
  taxBaseCents: bigint('tax_base_cents', { mode: 'number' }).notNull(),
}, (t) => [
  uniqueIndex('document_lines_position_key').on(t.documentId, t.position),
  check('document_lines_money', sql`${t.unitPriceCents} >= 0 and ${t.taxRateBps} between 0 and 10000`),
  tenantPolicy('document_lines', t.companyId),
]);
