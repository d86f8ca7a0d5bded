/**
 * One intent, one email: delivering the same intent again (a duplicate start
 * after completion, a retried activity) sends nothing more; an SMTP server
 * that is down costs a counted attempt; an intent with no email fails at once.
 */
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEmailActivities } from '../../activities/email';
import { createMailer } from '../../bin/lib/mailer';
import { enqueueEmail } from '../../db/mail';
import { emailWorkflowId } from '../../domain/emails';
import type { emailDelivery } from '../../workflows/email-delivery';
import type { outboxSweep } from '../../workflows/outbox-sweep';
import { startTestEnv, type TestEnv } from '../support/harness';
import { freePort } from '../support/ports';

let env: TestEnv;
beforeAll(async () => { env = await startTestEnv({ worker: true }); });
afterAll(async () => { await env?.close(); });

const deliver = (intentKey: string, retry?: { initialIntervalMs: number; maximumAttempts: number }) =>
  env.temporal.workflow.execute<typeof emailDelivery>('emailDelivery', {
    workflowId: emailWorkflowId(intentKey), taskQueue: env.settings.TEMPORAL_TASK_QUEUE, args: [{ intentKey, retry }],
  });

const outbox = async (intentKey: string) =>
  (await env.owner.db.execute<{ status: string; attempts: number }>(sql`select status, attempts from email_outbox where intent_key = ${intentKey}`))[0];

it('sends once, however often the intent is delivered', async () => {
  await enqueueEmail(env.database.db, { intentKey: 'test-once', to: 'once@example.com', subject: 'Once', text: 'only once' });
  expect(await deliver('test-once')).toBe('sent');
  if (process.env.RECORD_HISTORIES) {
    const history = await env.temporal.workflow.getHandle(emailWorkflowId('test-once')).fetchHistory();
    writeFileSync(new URL('./histories/email-delivery.json', import.meta.url), historyToJSON(history));
  }
  expect(await deliver('test-once')).toBe('already-sent');
  // A retried activity, as after a worker crash, is a no-op too.
  const acts = createEmailActivities({ db: env.database.db, mailer: createMailer(env.settings), storage: env.deps.storage });
  expect(await acts.deliverEmail({ intentKey: 'test-once' })).toBe('already-sent');

  const caught = env.mail.messages.filter((m) => m.subject === 'Once');
  expect(caught).toHaveLength(1);
  expect(caught[0]).toMatchObject({ to: ['once@example.com'], text: 'only once\n' });
  expect(await outbox('test-once')).toEqual({ status: 'sent', attempts: 1 });
});

it('an attempt against a dead SMTP server fails, is counted, and leaves the email pending for the retry', async () => {
  const deadSmtp = `smtp://127.0.0.1:${await freePort()}`;
  const acts = createEmailActivities({ db: env.database.db, mailer: createMailer({ SMTP_URL: deadSmtp, MAIL_FROM: env.settings.MAIL_FROM }), storage: env.deps.storage });
  await enqueueEmail(env.database.db, { intentKey: 'test-dead', to: 'dead@example.com', subject: 'Dead', text: 'x' });
  await expect(acts.deliverEmail({ intentKey: 'test-dead' })).rejects.toThrow();
  expect(await outbox('test-dead')).toEqual({ status: 'pending', attempts: 1 });
});

it('an intent nobody recorded fails at once instead of retrying forever', async () => {
  expect(await deliver('never-recorded', { initialIntervalMs: 100, maximumAttempts: 3 })).toBe('failed');
});

const alerts = async (intentKey: string) =>
  env.owner.db.execute<{ kind: string; summary: string; detail: { error: string | null; attempts: number } }>(
    sql`select kind, summary, detail from ops_alerts where key = ${`email-failed-${intentKey}`}`);

it('a mailbox the server refuses for good is given up on at the first attempt, with one ops alert however often it is delivered', async () => {
  await enqueueEmail(env.database.db, { intentKey: 'test-bounce', to: 'nobody@bounce.test', subject: 'Bounce', text: 'x' });
  // A long retry budget: a 5xx must not wait on it.
  expect(await deliver('test-bounce', { initialIntervalMs: 60_000, maximumAttempts: 30 })).toBe('failed');
  const row = (await env.owner.db.execute<{ status: string; attempts: number; failed_at: Date | null; last_error: string }>(
    sql`select status, attempts, failed_at, last_error from email_outbox where intent_key = 'test-bounce'`))[0]!;
  expect(row).toMatchObject({ status: 'failed', attempts: 1 });
  expect(row.failed_at).not.toBeNull();
  expect(row.last_error).toMatch(/550/);

  // Delivered again (a duplicate start, a retried activity): nothing is sent and nothing more is raised.
  const acts = createEmailActivities({ db: env.database.db, mailer: createMailer(env.settings), storage: env.deps.storage });
  expect(await acts.deliverEmail({ intentKey: 'test-bounce' })).toBe('failed');
  await acts.markEmailFailed({ intentKey: 'test-bounce' });
  const raised = await alerts('test-bounce');
  expect(raised).toHaveLength(1);
  expect(raised[0]).toMatchObject({ kind: 'email_failed', summary: 'Email to nobody@bounce.test was not delivered: Bounce', detail: { attempts: 1 } });
  expect(raised[0]!.detail.error).toMatch(/550/);
  expect(env.mail.messages.filter((m) => m.subject === 'Bounce')).toHaveLength(0);
});

it('an email whose retries ran out is marked failed with its last error and raises an ops alert; one that went is left alone', async () => {
  const deadSmtp = `smtp://127.0.0.1:${await freePort()}`;
  const dead = createEmailActivities({ db: env.database.db, mailer: createMailer({ SMTP_URL: deadSmtp, MAIL_FROM: env.settings.MAIL_FROM }), storage: env.deps.storage });
  await enqueueEmail(env.database.db, { intentKey: 'test-exhausted', to: 'later@example.com', subject: 'Exhausted', text: 'x' });
  await expect(dead.deliverEmail({ intentKey: 'test-exhausted' })).rejects.toThrow();
  expect(await outbox('test-exhausted')).toEqual({ status: 'pending', attempts: 1 });
  await dead.markEmailFailed({ intentKey: 'test-exhausted' });
  expect(await outbox('test-exhausted')).toEqual({ status: 'failed', attempts: 1 });
  const [alert] = await alerts('test-exhausted');
  expect(alert!.detail.error).toMatch(/ECONNREFUSED/);

  await dead.markEmailFailed({ intentKey: 'test-once' });
  expect(await outbox('test-once')).toEqual({ status: 'sent', attempts: 1 });
  expect(await alerts('test-once')).toHaveLength(0);
});

it('the outbox sweep delivers what a request recorded but could not start, once, and leaves the lifecycle\'s emails to it', async () => {
  // Recorded, and then the start was lost (Temporal unreachable as the request committed).
  await enqueueEmail(env.database.db, { intentKey: 'test-stranded', to: 'stranded@example.com', subject: 'Stranded', text: 'x' });
  // A lifecycle's own email, pending while its activity retries: not the sweep's to send.
  await enqueueEmail(env.database.db, { intentKey: 'invoice-test-send-r1', to: 'client@example.com', subject: 'Lifecycle', text: 'x', deliveredBy: 'invoice_lifecycle' });
  // Delivered already: not pending, not listed.
  await enqueueEmail(env.database.db, { intentKey: 'test-done', to: 'done@example.com', subject: 'Done', text: 'x' });
  await deliver('test-done');
  await env.owner.db.execute(sql`update email_outbox set created_at = now() - interval '10 minutes' where intent_key in ('test-stranded', 'invoice-test-send-r1', 'test-done')`);
  // Two days old: asked for again since, or expired; not sent now.
  await enqueueEmail(env.database.db, { intentKey: 'test-ancient', to: 'ancient@example.com', subject: 'Ancient', text: 'x' });
  await env.owner.db.execute(sql`update email_outbox set created_at = now() - interval '2 days' where intent_key = 'test-ancient'`);
  // Recorded just now: the request's own start may still be on its way.
  await enqueueEmail(env.database.db, { intentKey: 'test-fresh', to: 'fresh@example.com', subject: 'Fresh', text: 'x' });

  const sweep = (id: string) => env.temporal.workflow.execute<typeof outboxSweep>('outboxSweep', { workflowId: id, taskQueue: env.settings.TEMPORAL_TASK_QUEUE, args: [{ olderThanMs: 60_000 }] });
  expect(await sweep('sweep-1')).toEqual({ listed: 1, started: 1 });
  if (process.env.RECORD_HISTORIES) {
    writeFileSync(new URL('./histories/outbox-sweep.json', import.meta.url), historyToJSON(await env.temporal.workflow.getHandle('sweep-1').fetchHistory()));
  }
  expect(await env.temporal.workflow.getHandle(emailWorkflowId('test-stranded')).result()).toBe('sent');
  // Swept again: nothing is pending any more, so nothing is sent twice.
  expect(await sweep('sweep-2')).toEqual({ listed: 0, started: 0 });
  expect(env.mail.messages.filter((m) => m.subject === 'Stranded')).toHaveLength(1);
  expect(env.mail.messages.filter((m) => ['Lifecycle', 'Fresh', 'Ancient'].includes(m.subject))).toHaveLength(0);
  expect(await outbox('invoice-test-send-r1')).toEqual({ status: 'pending', attempts: 0 });
});

it('a sweep that finds a delivery still running leaves it to itself', async () => {
  await enqueueEmail(env.database.db, { intentKey: 'test-running', to: 'running@example.com', subject: 'Running', text: 'x' });
  // A delivery already under way (its worker's SMTP is slow to answer): started, not finished.
  const handle = await env.temporal.workflow.start<typeof emailDelivery>('emailDelivery', {
    workflowId: emailWorkflowId('test-running'), taskQueue: 'nobody-polls-this-queue', args: [{ intentKey: 'test-running' }],
  });
  await env.owner.db.execute(sql`update email_outbox set created_at = now() - interval '10 minutes' where intent_key = 'test-running'`);
  expect(await env.temporal.workflow.execute<typeof outboxSweep>('outboxSweep', { workflowId: 'sweep-3', taskQueue: env.settings.TEMPORAL_TASK_QUEUE, args: [{ olderThanMs: 60_000 }] }))
    .toEqual({ listed: 1, started: 0 });
  await handle.terminate('test over');
});
