/**
 * The books: chart of accounts, journal entries and their lines, accounting
 * periods. Entries are balanced (checked in domain/, in the posting activity
 * and by a deferred constraint trigger), unique per source (so posting is
 * idempotent), and never updated or deleted: corrections are new entries.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
  /**
   * Posting order, from `journal_lines_seq`, set by the insert trigger (0025) after it takes the
   * company's books lock shared: what db/ledger-rollup.ts folds by. No default, so a line that
   * somehow skipped the trigger is refused rather than silently left out of the reports.
   */
  seq: bigint('seq', { mode: 'number' }).notNull(),
}, (t) => [
  // The company rides along because row-level security adds it to every read: with only entry_id here, a
  // planner short of fresh statistics ANDs this index with the company's whole account index, and the
  // balance check at each commit scanned every line the company ever posted.
  index('journal_lines_entry_idx').on(t.entryId, t.companyId),
  index('journal_lines_account_idx').on(t.companyId, t.accountId, t.entryDate),
  // Lines are written in `seq` order, so a block range index finds the unfolded tail for next to nothing per insert.
  index('journal_lines_seq_idx').using('brin', t.seq).with({ autosummarize: 'on' }),
  check('journal_lines_one_side', sql`${t.debitCents} >= 0 and ${t.creditCents} >= 0 and (${t.debitCents} = 0) <> (${t.creditCents} = 0)`),
  tenantPolicy('journal_lines', t.companyId),
]);

/**
 * Σ debits and credits of the folded lines per account, currency and day (db/ledger-rollup.ts):
 * a cache of `journal_lines` that reports add the unfolded lines to instead of summing every line
 * the company ever posted. Lines are never changed, so a folded sum never goes stale; the ledger
 * checker holds it equal to the lines it folded.
 */
export const ledgerRollups = pgTable('ledger_rollups', {
  companyId: uuid('company_id').notNull().references(() => companies.id),
  currency: text('currency').notNull(),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  day: date('day', { mode: 'string' }).notNull(),
  debitCents: bigint('debit_cents', { mode: 'number' }).notNull(),
  creditCents: bigint('credit_cents', { mode: 'number' }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.companyId, t.currency, t.accountId, t.day] }),
  tenantPolicy('ledger_rollups', t.companyId),
]);

/** How far each company's lines are folded into `ledger_rollups`: every line with `seq` at or below `foldedThrough`. */
export const ledgerFolds = pgTable('ledger_folds', {
  companyId: uuid('company_id').primaryKey().references(() => companies.id),
  foldedThrough: bigint('folded_through', { mode: 'number' }).notNull(),
  foldedAt: timestamp('folded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  tenantPolicy('ledger_folds', t.companyId),
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
