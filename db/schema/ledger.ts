/**
 * The books: chart of accounts, journal entries and their lines, accounting
 * periods. Entries are balanced (checked in domain/, in the posting activity
 * and by a deferred constraint trigger), unique per source (so posting is
 * idempotent), and never updated or deleted: corrections are new entries.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ACCOUNT_TYPES } from '../../domain/accounts';
import { JOURNAL_SOURCES } from '../../domain/ledger/posting';
import { documents } from './documents';
import { companies, users } from './identity';
import { tenantPolicy } from './tenancy';
import { clients } from './work';

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

export const journalEntries = pgTable('journal_entries', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  entryDate: date('entry_date', { mode: 'string' }).notNull(),
  sourceType: text('source_type', { enum: JOURNAL_SOURCES }).notNull(),
  /** The business object (invoice, payment…); with the type, what makes posting idempotent. */
  sourceId: uuid('source_id').notNull(),
  currency: text('currency').notNull(),
  memo: text('memo').notNull().default(''),
  documentId: uuid('document_id').references(() => documents.id),
  postedBy: uuid('posted_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('journal_entries_source_key').on(t.companyId, t.sourceType, t.sourceId),
  index('journal_entries_date_idx').on(t.companyId, t.entryDate),
  // Reports ask "any entry in another currency?" (an index range either side of it) before summing lines.
  index('journal_entries_currency_idx').on(t.companyId, t.currency),
  // An invoice's entries: reconciliation reads its A/R lines per invoice.
  index('journal_entries_document_idx').on(t.companyId, t.documentId),
  tenantPolicy('journal_entries', t.companyId),
]);

export const journalLines = pgTable('journal_lines', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  entryId: uuid('entry_id').notNull().references(() => journalEntries.id),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  /** Copied from the entry so reports by date need no join. */
  entryDate: date('entry_date', { mode: 'string' }).notNull(),
  debitCents: bigint('debit_cents', { mode: 'number' }).notNull(),
  creditCents: bigint('credit_cents', { mode: 'number' }).notNull(),
  /** The client a receivable or credit line belongs to (the A/R and credit sub-ledgers). */
  clientId: uuid('client_id').references(() => clients.id),
  memo: text('memo').notNull().default(''),
}, (t) => [
  // The company rides along because row-level security adds it to every read: with only entry_id here, a
  // planner short of fresh statistics ANDs this index with the company's whole account index, and the
  // balance check at each commit scanned every line the company ever posted.
  index('journal_lines_entry_idx').on(t.entryId, t.companyId),
  index('journal_lines_account_idx').on(t.companyId, t.accountId, t.entryDate),
  check('journal_lines_one_side', sql`${t.debitCents} >= 0 and ${t.creditCents} >= 0 and (${t.debitCents} = 0) <> (${t.creditCents} = 0)`),
  tenantPolicy('journal_lines', t.companyId),
]);

export const accountingPeriods = pgTable('accounting_periods', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: uuid('company_id').notNull().references(() => companies.id),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
  status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('accounting_periods_start_key').on(t.companyId, t.startDate),
  check('accounting_periods_range', sql`${t.startDate} <= ${t.endDate}`),
  tenantPolicy('accounting_periods', t.companyId),
]);
