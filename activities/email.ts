/**
 * Sends one recorded email. Idempotent by intent key: an email already marked
 * sent is never sent again, and the SMTP Message-ID is derived from the intent
 * key so a receiver can drop the one duplicate a crash between "sent" and
 * "marked sent" could cause. Attachments are read from private storage at
 * send time, so the outbox row stays small.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Transporter } from 'nodemailer';
import type { Db } from '../db/client';
import { findOutbox, giveUpEmail, markAttempt, markSent, stalePendingEmails, type OutboxRow } from '../db/mail';
import { isPermanentSmtpFailure } from '../domain/emails';
import type { Storage } from './storage/types';

export interface Mailer {
  transport: Transporter;
  from: string;
}

export interface EmailDeps {
  db: Db;
  mailer: Mailer;
  storage: Storage;
}

export type DeliveryOutcome = 'sent' | 'already-sent' | 'failed';

/**
 * Deliver the outbox email recorded under `intentKey`, unless it already went or was given up on.
 * A permanent refusal gives up at once ('failed', with an ops alert); anything else throws for a retry.
 */
export async function deliverOutboxEmail({ db, mailer, storage }: EmailDeps, intentKey: string, recorded?: OutboxRow | null): Promise<DeliveryOutcome> {
  // The row its caller has just written, or as it stands now.
  const email = recorded ?? (await findOutbox(db, intentKey));
  if (!email) throw ApplicationFailure.nonRetryable(`no email recorded under ${intentKey}`, 'EmailMissing');
  if (email.status === 'sent') return 'already-sent';
  if (email.status === 'failed') return 'failed';
  try {
    const attachments = [];
    for (const a of email.attachments) {
      const content = await storage.get(a.storageKey);
      if (!content) throw new Error(`attachment ${a.storageKey} is missing from storage`);
      attachments.push({ filename: a.filename, contentType: a.contentType, content: Buffer.from(content) });
    }
    await mailer.transport.sendMail({
      from: mailer.from, to: email.toAddress, replyTo: email.replyTo ?? undefined, subject: email.subject, text: email.text, attachments,
      messageId: `<${intentKey}@ez360pm>`,
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await markAttempt(db, intentKey, message);
    if (isPermanentSmtpFailure((err as { responseCode?: number }).responseCode)) {
      await giveUpEmail(db, intentKey, message);
      return 'failed';
    }
    throw err;
  }
  await markSent(db, intentKey);
  return 'sent';
}

export function createEmailActivities(deps: EmailDeps) {
  return {
    deliverEmail: ({ intentKey }: { intentKey: string }) => deliverOutboxEmail(deps, intentKey),
    /** Intent keys of emails for their own delivery workflow still pending after `olderThanMs` (the outbox sweep's list). */
    stalePendingEmails: ({ olderThanMs, limit }: { olderThanMs: number; limit: number }) => stalePendingEmails(deps.db, olderThanMs, limit),
    /** The retry budget ran out: the last attempt's error stands as the reason. */
    async markEmailFailed({ intentKey }: { intentKey: string }): Promise<void> {
      await giveUpEmail(deps.db, intentKey, null);
    },
  };
}

export type EmailActivities = ReturnType<typeof createEmailActivities>;
