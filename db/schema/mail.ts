import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A file in private storage attached to an email when it is sent. */
export interface EmailAttachment {
  filename: string;
  storageKey: string;
  contentType: string;
}

/**
 * Every email the platform sends, keyed by its intent (e.g. `verify-email-<tokenId>`).
 * Written before sending; the delivery activity sends only what is not yet sent,
 * so a retried or duplicated delivery never mails twice.
 */
export const emailOutbox = pgTable('email_outbox', {
  intentKey: text('intent_key').primaryKey(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  attachments: jsonb('attachments').$type<EmailAttachment[]>().notNull().default([]),
  status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
}, (t) => [index('email_outbox_status_idx').on(t.status, t.createdAt)]);
