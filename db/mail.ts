import { eq, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { emailOutbox, type EmailAttachment } from './schema/mail';

export type OutboxRow = typeof emailOutbox.$inferSelect;

/** Record an email to send under its intent key; recording the same intent again changes nothing. */
export async function enqueueEmail(db: Executor, e: { intentKey: string; to: string; subject: string; text: string; attachments?: EmailAttachment[] }): Promise<void> {
  await db.insert(emailOutbox).values({ intentKey: e.intentKey, toAddress: e.to, subject: e.subject, text: e.text, attachments: e.attachments ?? [] }).onConflictDoNothing();
}

export async function findOutbox(db: Executor, intentKey: string): Promise<OutboxRow | null> {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.intentKey, intentKey));
  return row ?? null;
}

export async function markAttempt(db: Executor, intentKey: string, error: string | null): Promise<void> {
  await db.update(emailOutbox).set({ attempts: sql`${emailOutbox.attempts} + 1`, lastError: error }).where(eq(emailOutbox.intentKey, intentKey));
}

/** The attempt that went through, counted and marked sent in one statement. */
export async function markSent(db: Executor, intentKey: string): Promise<void> {
  await db.update(emailOutbox).set({ status: 'sent', sentAt: sql`now()`, lastError: null, attempts: sql`${emailOutbox.attempts} + 1` }).where(eq(emailOutbox.intentKey, intentKey));
}

export async function markFailed(db: Executor, intentKey: string): Promise<void> {
  await db.update(emailOutbox).set({ status: 'failed' }).where(eq(emailOutbox.intentKey, intentKey));
}
