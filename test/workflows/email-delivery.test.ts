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
