/**
 * Money received and client credit. Payments are records, never edited (refunds
 * arrive as their own rows later). The credit ledger is the source of truth for
 * a client's available credit; `clients.credit_cents` is a cache kept in the
 * same transaction as each ledger row.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PAYMENT_METHODS } from '../../domain/payments';
import { documents } from './documents';
import { companies, users } from './identity';
import { tenantPolicy } from './tenancy';
import { clients } from './work';

export const payments = pgTable('payments', {
  /** Chosen by the API before the workflow sees it: the Update id and the posting's source id, so a retry is the same payment. */
  id: uuid('id').primaryKey(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  clientId: uuid('client_id').notNull().references(() => clients.id),
  documentId: uuid('document_id').notNull().references(() => documents.id),
  method: text('method', { enum: PAYMENT_METHODS }).notNull(),
  reference: text('reference').notNull().default(''),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  currency: text('currency').notNull(),
  amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  /** The part that paid the invoice down. */
  appliedCents: bigint('applied_cents', { mode: 'number' }).notNull(),
  /** The excess, kept as client credit. */
  creditCents: bigint('credit_cents', { mode: 'number' }).notNull(),
  recordedBy: uuid('recorded_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('payments_document_idx').on(t.companyId, t.documentId),
  check('payments_money', sql`${t.amountCents} > 0 and ${t.appliedCents} >= 0 and ${t.creditCents} >= 0 and ${t.appliedCents} + ${t.creditCents} = ${t.amountCents}`),
  tenantPolicy('payments', t.companyId),
]);

export const clientCreditEntries = pgTable('client_credit_entries', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  clientId: uuid('client_id').notNull().references(() => clients.id),
  /** Positive adds credit (an overpayment), negative uses it (applied to an invoice). */
  amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  sourceType: text('source_type', { enum: ['payment', 'credit_application'] }).notNull(),
  sourceId: uuid('source_id').notNull(),
  documentId: uuid('document_id').references(() => documents.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('client_credit_entries_source_key').on(t.companyId, t.sourceType, t.sourceId),
  index('client_credit_entries_client_idx').on(t.companyId, t.clientId),
  check('client_credit_entries_nonzero', sql`${t.amountCents} <> 0`),
  tenantPolicy('client_credit_entries', t.companyId),
]);

export const creditApplications = pgTable('credit_applications', {
  /** Chosen by the API, like a payment's id. */
  id: uuid('id').primaryKey(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  clientId: uuid('client_id').notNull().references(() => clients.id),
  documentId: uuid('document_id').notNull().references(() => documents.id),
  amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  appliedOn: date('applied_on', { mode: 'string' }).notNull(),
  recordedBy: uuid('recorded_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('credit_applications_document_idx').on(t.companyId, t.documentId),
  check('credit_applications_money', sql`${t.amountCents} > 0`),
  tenantPolicy('credit_applications', t.companyId),
]);
