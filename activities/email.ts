/**
 * Sends one recorded email. Idempotent by intent key: an email already marked
 * sent is never sent again, and the SMTP Message-ID is derived from the intent
 * key so a receiver can drop the one duplicate a crash between "sent" and
 * "marked sent" could cause.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Transporter } from 'nodemailer';
import type { Db } from '../db/client';
import { findOutbox, markAttempt, markFailed, markSent } from '../db/mail';

export interface Mailer {
  transport: Transporter;
  from: string;
}

export function createEmailActivities({ db, mailer }: { db: Db; mailer: Mailer }) {
  return {
    async deliverEmail({ intentKey }: { intentKey: string }): Promise<'sent' | 'already-sent'> {
      const email = await findOutbox(db, intentKey);
      if (!email) throw ApplicationFailure.nonRetryable(`no email recorded under ${intentKey}`, 'EmailMissing');
      if (email.status === 'sent') return 'already-sent';
      try {
        await mailer.transport.sendMail({
          from: mailer.from, to: email.toAddress, subject: email.subject, text: email.text,
          messageId: `<${intentKey}@ez360pm>`,
        });
      } catch (err) {
        await markAttempt(db, intentKey, err instanceof Error ? err.message : String(err));
        throw err;
      }
      await markAttempt(db, intentKey, null);
      await markSent(db, intentKey);
      return 'sent';
    },
    async markEmailFailed({ intentKey }: { intentKey: string }): Promise<void> {
      await markFailed(db, intentKey);
    },
  };
}

export type EmailActivities = ReturnType<typeof createEmailActivities>;
