import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
  /** Where the recipient's reply goes: the company's billing email for what a company sends its clients. */
  replyTo: text('reply_to'),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  attachments: jsonb('attachments').$type<EmailAttachment[]>().notNull().default([]),
  status: text('status', { enum: ['pending', 'sent', 'failed'] }).notNull().default('pending'),
  /**
   * Which workflow delivers it: its own email delivery workflow (what a request records: verification,
   * reset, invitation), or the invoice lifecycle that recorded it. Only the first kind is restarted by
   * the outbox sweep when its start was lost; a lifecycle delivers its own, and two senders could race.
   */
  deliveredBy: text('delivered_by', { enum: ['email_delivery', 'invoice_lifecycle'] }).notNull().default('email_delivery'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  /** When it was given up on: the server refused it for good, or the retry budget ran out. */
  failedAt: timestamp('failed_at', { withTimezone: true }),
}, (t) => [index('email_outbox_status_idx').on(t.status, t.createdAt)]);

/**
 * Problems platform staff must see and act on (a client never got their invoice), for the ops
 * console. One row per failure, keyed so a retried activity raises it once.
 */
export const opsAlerts = pgTable('ops_alerts', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** What failed, e.g. `email-failed-<intentKey>`. */
  key: text('key').notNull().unique(),
  kind: text('kind', { enum: ['email_failed'] }).notNull(),
  summary: text('summary').notNull(),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
}, (t) => [index('ops_alerts_open_idx').on(t.resolvedAt, t.createdAt)]);
