import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db, Executor } from './client';
import { emailOutbox, opsAlerts, type EmailAttachment } from './schema/mail';

export type OutboxRow = typeof emailOutbox.$inferSelect;

/**
 * Record an email to send under its intent key; recording the same intent again changes nothing.
 * The row written, or null when the key was recorded already. With `undeliverable` (why it cannot
 * go, e.g. no address) it is recorded as failed from the start: nothing will try to send it, and
 * what it would have said stays on record.
 */
export async function enqueueEmail(db: Executor, e: {
  intentKey: string; to: string; replyTo?: string | null; subject: string; text: string; attachments?: EmailAttachment[]; undeliverable?: string;
  deliveredBy?: OutboxRow['deliveredBy'];
}): Promise<OutboxRow | null> {
  const [row] = await db.insert(emailOutbox).values({
    intentKey: e.intentKey, toAddress: e.to, replyTo: e.replyTo ?? null, subject: e.subject, text: e.text, attachments: e.attachments ?? [],
    ...(e.deliveredBy && { deliveredBy: e.deliveredBy }),
    ...(e.undeliverable && { status: 'failed' as const, failedAt: sql`now()`, lastError: e.undeliverable }),
  }).onConflictDoNothing().returning();
  return row ?? null;
}

/**
 * Emails recorded for their own delivery workflow, still pending well after they were recorded but
 * within the last day: whose start was lost (Temporal unreachable when the request committed), or
 * whose workflow is still retrying. Older ones are left: a link that old has been asked for again, or
 * has expired. A document's intent key is never listed, whatever the row says (a worker from before
 * `delivered_by` writes rows without it while a deploy rolls). Oldest first.
 */
export async function stalePendingEmails(db: Executor, olderThanMs: number, limit: number): Promise<string[]> {
  const rows = await db.select({ intentKey: emailOutbox.intentKey }).from(emailOutbox)
    .where(and(
      eq(emailOutbox.status, 'pending'), eq(emailOutbox.deliveredBy, 'email_delivery'),
      sql`${emailOutbox.createdAt} < now() - make_interval(secs => ${olderThanMs / 1000}) and ${emailOutbox.createdAt} > now() - interval '1 day'`,
      sql`${emailOutbox.intentKey} not like 'invoice-%' and ${emailOutbox.intentKey} not like 'estimate-%'`,
    ))
    .orderBy(emailOutbox.createdAt).limit(limit);
  return rows.map((r) => r.intentKey);
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

/**
 * Give up on an email that did not go: marked failed and an ops alert raised in one transaction, so
 * staff hear of every email a client never got. Giving up twice (a retried activity) raises one
 * alert; an email that did go is left alone.
 */
export async function giveUpEmail(db: Db, intentKey: string, reason: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.update(emailOutbox)
      .set({ status: 'failed', failedAt: sql`coalesce(${emailOutbox.failedAt}, now())`, lastError: sql`coalesce(${reason}, ${emailOutbox.lastError})` })
      .where(and(eq(emailOutbox.intentKey, intentKey), ne(emailOutbox.status, 'sent')))
      .returning();
    if (!row) return;
    await tx.insert(opsAlerts).values({
      key: `email-failed-${intentKey}`, kind: 'email_failed', summary: `Email to ${row.toAddress} was not delivered: ${row.subject}`,
      detail: { intentKey, to: row.toAddress, subject: row.subject, attempts: row.attempts, error: row.lastError },
    }).onConflictDoNothing();
  });
}

export function openOpsAlerts(db: Executor, limit = 100) {
  return db.select().from(opsAlerts).where(sql`${opsAlerts.resolvedAt} is null`).orderBy(sql`${opsAlerts.createdAt} desc`).limit(limit);
}
