/**
 * The invoice lifecycle on a real Temporal server, database and SMTP server:
 * send → reminders at their (shortened) times → partial then full payment →
 * no more reminders; void stops reminders; each email arrives once even when
 * an activity fails after it sent, or the worker dies mid-step; a payment
 * whose worker died mid-way takes effect once; long histories continue-as-new.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activities } from '../../activities/index';
import { startLifecycle } from '../../api/invoices';
import { lifecycleWorkflowId, type LifecycleState } from '../../domain/documents/lifecycle';
import { eventually, json, startTestEnv, type TestEnv } from '../support/harness';
import { signUpCompany } from '../support/company';

let env: TestEnv;
let worker: Awaited<ReturnType<TestEnv['startWorker']>>;
let cookie = '';
let companyId = '';
let userId = '';
let clientId = '';

beforeAll(async () => {
  env = await startTestEnv({ env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
  worker = await env.startWorker();
  ({ cookie, companyId, userId } = await signUpCompany(env, 'lifecycle@example.com'));
  clientId = (await json(await env.request('/api/v1/clients', { method: 'POST', cookie, json: { kind: 'business', name: 'Globex', email: 'ap@globex.example', paymentTermsDays: 30 } }))).id;
}, 60_000);
afterAll(async () => {
  await worker?.stop();
  await env?.close();
});

/** Swap the running worker for another (wrapped) one: the old one shuts down first, as if it died. */
async function replaceWorker(wrapActivities?: (a: Activities) => Activities) {
  await worker.stop();
  worker = await env.startWorker({ wrapActivities });
}

async function draftInvoice(dollars: string) {
  const res = await env.request('/api/v1/documents', { method: 'POST', cookie, json: { kind: 'invoice', clientId, lines: [{ description: 'Retainer', quantity: '1', unitPrice: dollars }] } });
  expect(res.status).toBe(201);
  return (await json(res)) as { id: string; number: string };
}

/** Send with reminder steps `offsetsMs` from now instead of days around the due date. */
async function send(id: string, offsetsMs: number[], extra: { historyLimit?: number } = {}) {
  const now = Date.now();
  await startLifecycle(env.deps, {
    kind: 'invoice', companyId, documentId: id, actorUserId: userId, ...extra,
    reminderPlan: offsetsMs.map((ms, i) => ({ step: i + 1, offsetDays: [-3, 7, 14, 21, 28][i]!, at: now + ms })),
  });
}

const pay = (id: string, amount: string, opts: { key?: string; keepExcessAsCredit?: boolean; sendReceipt?: boolean } = {}) => env.request(`/api/v1/documents/${id}/payments`, {
  method: 'POST', cookie, json: { amount, method: 'check', reference: 'chq', keepExcessAsCredit: opts.keepExcessAsCredit ?? false, ...(opts.sendReceipt === false && { sendReceipt: false }) },
  headers: opts.key ? { 'idempotency-key': opts.key } : {},
});
const mailsFor = (number: string) => env.mail.messages.filter((m) => m.subject.includes(number));
const reminders = (number: string) => mailsFor(number).filter((m) => /^(Reminder|Overdue)/.test(m.subject));
const state = (id: string) => env.temporal.workflow.getHandle(lifecycleWorkflowId('invoice', id)).query<LifecycleState>('lifecycleState');
const count = async (table: string, documentId: string) =>
  (await env.owner.db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where document_id = ${documentId}`))[0]!.n;
const arBalance = async (documentId: string) => (await env.owner.db.execute<{ ar: number }>(sql`
  select coalesce(sum(l.debit_cents - l.credit_cents), 0)::int as ar from journal_lines l
  join journal_entries e on e.id = l.entry_id join accounts a on a.id = l.account_id
  where e.document_id = ${documentId} and a.system_role = 'accounts_receivable'`))[0]!.ar;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('send → two reminders on time → partial then full payment → settled, with no further reminder', async () => {
  const inv = await draftInvoice('1,000.00');
  await send(inv.id, [1500, 3000, 6000]);
  const sent = await env.mail.waitFor((m) => m.subject === `Invoice ${inv.number} from lifecycle@example.com Co`);
  expect(sent.to).toEqual(['ap@globex.example']);
  expect(sent.attachments).toEqual([expect.objectContaining({ filename: `${inv.number}.pdf`, contentType: 'application/pdf' })]);
  expect(sent.text).toMatch(/\/portal\/[\w-]{43}/);
  await env.mail.waitFor((m) => m.subject === `Overdue: invoice ${inv.number} from lifecycle@example.com Co`);
  expect(reminders(inv.number)).toHaveLength(2);

  // The same Idempotency-Key twice is one payment.
  const key = crypto.randomUUID();
  const [a, b] = await Promise.all([pay(inv.id, '400', { key }), pay(inv.id, '400', { key })]);
  expect([a.status, b.status]).toEqual([201, 201]);
  expect(await json(a)).toMatchObject({ status: 'partially_paid', balanceCents: 60_000, appliedCents: 40_000, creditCents: 0 });
  expect(await count('payments', inv.id)).toBe(1);
  // The same key with another amount is a mistake, not the same payment: refused, nothing written.
  const reused = await pay(inv.id, '450', { key });
  expect([reused.status, (await json(reused)).error.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
  expect(await count('payments', inv.id)).toBe(1);
  expect(await json(await pay(inv.id, '600.00'))).toMatchObject({ status: 'paid', balanceCents: 0 });

  const final = await env.temporal.workflow.getHandle(lifecycleWorkflowId('invoice', inv.id)).result();
  expect(final).toMatchObject({ status: 'paid', balanceCents: 0, remindersDone: [1, 2] });
  if (process.env.RECORD_HISTORIES) {
    const history = await env.temporal.workflow.getHandle(lifecycleWorkflowId('invoice', inv.id)).fetchHistory();
    writeFileSync(new URL('./histories/invoice-lifecycle.json', import.meta.url), historyToJSON(history));
  }
  await sleep(3500); // past the third step's time
  expect(reminders(inv.number)).toHaveLength(2);
  // One receipt per payment (the duplicated request is one payment), each with the balance it left.
  const receipts = mailsFor(inv.number).filter((m) => m.subject.startsWith('Receipt:')).reverse();
  expect(receipts.map((m) => m.to)).toEqual([['ap@globex.example'], ['ap@globex.example']]);
  expect(receipts[0]!.text).toMatch(/received your payment of \$400\.00 on \d{4}-\d{2}-\d{2} by check \(chq\)/);
  expect(receipts[0]!.text).toContain(`Balance remaining on invoice ${inv.number}: $600.00.`);
  expect(receipts[1]!.text).toContain(`Invoice ${inv.number} is now paid in full.`);
  expect(receipts[1]!.text).toMatch(/\/portal\/[\w-]{43}/);
  expect(mailsFor(inv.number)).toHaveLength(5);
  // The books: DR A/R 1,000 on send, CR A/R 400 + 600 on payment.
  expect(await arBalance(inv.id)).toBe(0);
  expect(await count('journal_entries', inv.id)).toBe(3);
  const doc = await json(await env.request(`/api/v1/documents/${inv.id}`, { cookie }));
  expect(doc).toMatchObject({ status: 'paid', balanceCents: 0, locked: true });
  // Paid is final: no more money, no void.
  expect((await pay(inv.id, '1')).status).toBe(409);
  expect((await env.request(`/api/v1/documents/${inv.id}/void`, { method: 'POST', cookie, json: { reason: 'oops' } })).status).toBe(409);
  const refusals = await env.owner.db.execute<{ action: string }>(sql`select action from audit_events where object_id = ${inv.id} and action like '%refused' order by id`);
  expect(refusals.map((r) => r.action)).toEqual(['invoice.payment_refused', 'invoice.payment_refused', 'invoice.void_refused']); // the reused key, then these
}, 30_000);

it('an overpayment is refused unless kept as client credit; then it becomes credit that pays another invoice', async () => {
  const inv = await draftInvoice('100');
  await send(inv.id, []);
  await eventually(async () => ((await state(inv.id)).ready ? true : undefined));
  const refused = await pay(inv.id, '150');
  expect(refused.status).toBe(422);
  expect((await json(refused)).error.code).toBe('PAYMENT_EXCEEDS_BALANCE');
  expect(await count('payments', inv.id)).toBe(0);
  const audited = await env.owner.db.execute(sql`select 1 from audit_events where object_id = ${inv.id} and action = 'invoice.payment_refused'`);
  expect(audited).toHaveLength(1);

  expect(await json(await pay(inv.id, '150', { keepExcessAsCredit: true }))).toMatchObject({ status: 'paid', appliedCents: 10_000, creditCents: 5_000 });
  const receipt = await env.mail.waitFor((m) => m.subject === `Receipt: payment for invoice ${inv.number} from lifecycle@example.com Co`);
  expect(receipt.text).toContain('$50.00 of it is kept as credit on your account');
  const second = await draftInvoice('30');
  await send(second.id, []);
  await eventually(async () => ((await state(second.id)).ready ? true : undefined));
  const tooMuch = await env.request(`/api/v1/documents/${second.id}/credit`, { method: 'POST', cookie, json: { amount: '40' } });
  expect(tooMuch.status).toBe(422);
  const applied = await env.request(`/api/v1/documents/${second.id}/credit`, { method: 'POST', cookie, json: { amount: '30' } });
  expect(await json(applied)).toMatchObject({ status: 'paid', balanceCents: 0 });
  const client = (await env.owner.db.execute<{ credit_cents: number; ledger: number }>(sql`
    select c.credit_cents::int, (select sum(amount_cents)::int from client_credit_entries e where e.client_id = c.id) as ledger from clients c where c.id = ${clientId}`))[0]!;
  expect(client).toEqual({ credit_cents: 2_000, ledger: 2_000 });

  // More credit than the client has left is refused by the activity (the workflow only knows the balance), and audited.
  const third = await draftInvoice('50');
  await send(third.id, []);
  await eventually(async () => ((await state(third.id)).ready ? true : undefined));
  const overdrawn = await env.request(`/api/v1/documents/${third.id}/credit`, { method: 'POST', cookie, json: { amount: '30' } });
  expect([overdrawn.status, (await json(overdrawn)).error.code]).toEqual([422, 'CREDIT_APPLICATION_INVALID']);
  expect(await count('credit_applications', third.id)).toBe(0);
  expect(await env.owner.db.execute(sql`select 1 from audit_events where object_id = ${third.id} and action = 'invoice.credit_refused'`)).toHaveLength(1);
}, 30_000);

it('a draft is voided without a lifecycle: nothing was posted, nothing is reversed, and it cannot be sent', async () => {
  const inv = await draftInvoice('80');
  expect(await json(await env.request(`/api/v1/documents/${inv.id}/void`, { method: 'POST', cookie, json: { reason: 'Never needed' } }))).toMatchObject({ status: 'void', balanceCents: 0 });
  expect(await count('journal_entries', inv.id)).toBe(0);
  const send = await env.request(`/api/v1/documents/${inv.id}/send`, { method: 'POST', cookie });
  expect([send.status, (await json(send)).error.code]).toEqual([422, 'NOT_SENDABLE']);
});

it('a void ends the lifecycle: the receivable is reversed and no reminder follows', async () => {
  const inv = await draftInvoice('250');
  await send(inv.id, [2500]);
  await env.mail.waitFor((m) => m.subject.startsWith(`Invoice ${inv.number}`));
  const res = await env.request(`/api/v1/documents/${inv.id}/void`, { method: 'POST', cookie, json: { reason: 'Billed the wrong client' } });
  expect(await json(res)).toMatchObject({ status: 'void', balanceCents: 0 });
  expect(await env.temporal.workflow.getHandle(lifecycleWorkflowId('invoice', inv.id)).result()).toMatchObject({ status: 'void', remindersDone: [] });
  // Sent again (its first answer lost, say): answered as the first was, not refused.
  const again = await env.request(`/api/v1/documents/${inv.id}/void`, { method: 'POST', cookie, json: { reason: 'Billed the wrong client' } });
  expect([again.status, await json(again)]).toEqual([200, expect.objectContaining({ status: 'void', balanceCents: 0 })]);
  expect((await env.owner.db.execute(sql`select 1 from audit_events where object_id = ${inv.id} and action = 'invoice.void_refused'`)).length).toBe(0);
  await sleep(3000);
  expect(reminders(inv.number)).toHaveLength(0);
  expect(await arBalance(inv.id)).toBe(0);
  expect(await count('journal_entries', inv.id)).toBe(2);
}, 30_000);

it('an email activity that fails right after sending is retried without a second email', async () => {
  let failed = false;
  await replaceWorker((acts) => ({
    ...acts,
    async emailDocument(input) {
      const out = await acts.emailDocument(input);
      if (!failed) {
        failed = true;
        throw new Error('lost the connection after the SMTP server accepted the message');
      }
      return out;
    },
  }));
  try {
    const inv = await draftInvoice('75');
    await send(inv.id, []);
    await eventually(async () => ((await state(inv.id)).ready && failed ? true : undefined));
    await sleep(2500); // the retry, one second later, finds the email already sent
    expect(failed).toBe(true);
    expect(mailsFor(inv.number)).toHaveLength(1);
    const outbox = await env.owner.db.execute<{ attempts: number }>(sql`select attempts from email_outbox where intent_key like ${`invoice-${inv.id}-send-%`}`);
    expect(outbox).toEqual([{ attempts: 1 }]);
  } finally {
    await replaceWorker();
  }
}, 30_000);

it('a worker killed mid-reminder and mid-payment: after restart, exactly one email and one payment effect', async () => {
  // Each step runs in the worker holding the workflow task; a process killed right after a step's effect
  // loses that task, and the worker that takes the workflow over (once the task times out) runs the step again.
  await worker.stop();
  const first = await env.crashingWorker({ activity: 'emailDocument', inputIncludes: '-reminder-' });
  const inv = await draftInvoice('500');
  await send(inv.id, [1000, 600_000]);
  await first.died;
  expect(reminders(inv.number)).toHaveLength(1);

  const second = await env.crashingWorker({ activity: 'recordPayment' });
  const paying = pay(inv.id, '500');
  await second.died;
  expect(await count('payments', inv.id)).toBe(1);
  worker = await env.startWorker();
  const res = await paying;
  expect(res.status).toBe(201);
  expect(await json(res)).toMatchObject({ status: 'paid', balanceCents: 0 });
  expect(await count('payments', inv.id)).toBe(1);
  expect(await count('journal_entries', inv.id)).toBe(2);
  // The payment may reach the taken-over workflow before the reminder step is run again (then the step is
  // not recorded as done, the invoice being settled); either way its email went once.
  expect(await env.temporal.workflow.getHandle(lifecycleWorkflowId('invoice', inv.id)).result()).toMatchObject({ status: 'paid' });
  expect(reminders(inv.number)).toHaveLength(1);
}, 90_000);

it('a reminder whose time passed while no worker ran is sent once when one returns', async () => {
  const inv = await draftInvoice('42');
  await send(inv.id, [1500, 2000, 600_000]);
  await env.mail.waitFor((m) => m.subject.startsWith(`Invoice ${inv.number}`));
  await worker.stop();
  await sleep(3000); // both steps fall due during the outage
  worker = await env.startWorker();
  await eventually(async () => (reminders(inv.number).length >= 2 ? true : undefined));
  await sleep(1000);
  expect(reminders(inv.number)).toHaveLength(2);
  expect((await state(inv.id)).remindersDone).toEqual([1, 2]);
}, 30_000);

it('a long history continues as new and carries its state', async () => {
  const inv = await draftInvoice('10');
  await send(inv.id, [500, 1000, 1500], { historyLimit: 10 });
  await eventually(async () => (reminders(inv.number).length === 3 ? true : undefined));
  const handle = env.temporal.workflow.getHandle(lifecycleWorkflowId('invoice', inv.id));
  // The run that holds the invoice now is not the one the send started.
  await eventually(async () => {
    const now = await handle.describe();
    return now.raw.workflowExecutionInfo?.firstRunId && now.runId !== now.raw.workflowExecutionInfo.firstRunId ? true : undefined;
  });
  expect(await json(await pay(inv.id, '10'))).toMatchObject({ status: 'paid' });
  expect(await handle.result()).toMatchObject({ status: 'paid', remindersDone: [1, 2, 3] });
  expect(reminders(inv.number)).toHaveLength(3);
}, 30_000);

it('50 invoices created and sent at once get gap-free, unique numbers and one email each', async () => {
  const before = (await env.owner.db.execute<{ n: number }>(sql`select count(*)::int as n from documents where kind = 'invoice' and company_id = ${companyId}`))[0]!.n;
  const made = await Promise.all(Array.from({ length: 50 }, (_, i) => draftInvoice(String(i + 1))));
  const sends = await Promise.all(made.map((d) => env.request(`/api/v1/documents/${d.id}/send`, { method: 'POST', cookie })));
  expect(sends.map((r) => r.status)).toEqual(Array(50).fill(202));
  const seqs = made.map((d) => Number(d.number.split('-').at(-1))).sort((a, b) => a - b);
  expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => before + i + 1));
  await eventually(async () => (made.every((d) => mailsFor(d.number).length >= 1) ? true : undefined), 60_000);
  const statuses = await env.owner.db.execute<{ status: string }>(sql`select status from documents where id in ${made.map((d) => d.id)}`);
  expect(statuses.every((s) => s.status === 'sent')).toBe(true);
  expect(made.map((d) => mailsFor(d.number).length)).toEqual(Array(50).fill(1));
}, 90_000);

it('reminders switched off before sending are skipped; switched on, the remaining steps go out', async () => {
  const inv = await draftInvoice('60');
  expect((await env.request(`/api/v1/documents/${inv.id}/reminders`, { method: 'POST', cookie, json: { enabled: false } })).status).toBe(200);
  await send(inv.id, [1000, 3500]);
  await sleep(2500);
  expect(reminders(inv.number)).toHaveLength(0);
  expect((await env.request(`/api/v1/documents/${inv.id}/reminders`, { method: 'POST', cookie, json: { enabled: true } })).status).toBe(200);
  await env.mail.waitFor((m) => m.subject.startsWith(`Overdue: invoice ${inv.number} `));
  await eventually(async () => ((await state(inv.id)).remindersDone.length === 2 ? true : undefined));
  expect(reminders(inv.number)).toHaveLength(1);
}, 30_000);

it('an idempotency key is one payment on one invoice; a void reverses even to an account deactivated since', async () => {
  const [a, b] = [await draftInvoice('20'), await draftInvoice('30')];
  await send(a.id, []);
  await send(b.id, []);
  await eventually(async () => ((await state(a.id)).ready && (await state(b.id)).ready ? true : undefined));
  const key = crypto.randomUUID();
  // Recorded without a receipt: none is mailed, even once the lifecycle has gone quiet.
  expect((await pay(a.id, '5', { key, sendReceipt: false })).status).toBe(201);
  const reused = await pay(b.id, '5', { key });
  expect(reused.status).toBe(409);
  expect((await json(reused)).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  expect(await count('payments', b.id)).toBe(0);

  await env.owner.db.execute(sql`update accounts set active = false where company_id = ${companyId} and system_role = 'revenue'`);
  try {
    const voided = await env.request(`/api/v1/documents/${b.id}/void`, { method: 'POST', cookie, json: { reason: 'Duplicate' } });
    expect(await json(voided)).toMatchObject({ status: 'void' });
    expect(await arBalance(b.id)).toBe(0);
  } finally {
    await env.owner.db.execute(sql`update accounts set active = true where company_id = ${companyId} and system_role = 'revenue'`);
  }
  expect((await pay(a.id, '15', { sendReceipt: false })).status).toBe(201);
  await env.temporal.workflow.getHandle(lifecycleWorkflowId('invoice', a.id)).result();
  expect(mailsFor(a.number).filter((m) => m.subject.startsWith('Receipt:'))).toHaveLength(0);
}, 30_000);

it('an invoice whose client mailbox is refused stays sent, shows the failure on its timeline, alerts staff once per email, and still settles', async () => {
  const bounced = (await json(await env.request('/api/v1/clients', { method: 'POST', cookie, json: { kind: 'business', name: 'Gone Ltd', email: 'ap@bounce.test', paymentTermsDays: 30 } }))).id;
  const res = await env.request('/api/v1/documents', { method: 'POST', cookie, json: { kind: 'invoice', clientId: bounced, lines: [{ description: 'Audit', quantity: '1', unitPrice: '300.00' }] } });
  const inv = (await json(res)) as { id: string; number: string };
  await send(inv.id, [1000]);
  // The send email and the reminder are each given up on at the first refusal; the workflow goes on.
  await eventually(async () => ((await state(inv.id)).remindersDone.length === 1 ? true : undefined), 20_000);
  const outbox = await env.owner.db.execute<{ intent_key: string; status: string; attempts: number }>(
    sql`select intent_key, status, attempts from email_outbox where intent_key like ${`invoice-${inv.id}-%`} order by intent_key`);
  expect(outbox.map((o) => [o.status, o.attempts])).toEqual([['failed', 1], ['failed', 1]]);
  const alerts = await env.owner.db.execute<{ n: number }>(sql`select count(*)::int as n from ops_alerts where key like ${`email-failed-invoice-${inv.id}-%`}`);
  expect(alerts[0]!.n).toBe(2);
  expect(mailsFor(inv.number)).toHaveLength(0);

  const activity = (await json(await env.request(`/api/v1/documents/${inv.id}/activity`, { cookie }))).items as { action: string; detail: { to: string; error: string } }[];
  const failed = activity.filter((i) => i.action === 'email.failed');
  expect(failed).toHaveLength(2);
  expect(failed[0]!.detail).toMatchObject({ to: 'ap@bounce.test', error: expect.stringMatching(/550/) });

  expect((await pay(inv.id, '300.00')).status).toBe(201);
  expect(await env.temporal.workflow.getHandle(lifecycleWorkflowId('invoice', inv.id)).result()).toMatchObject({ status: 'paid', balanceCents: 0 });
});

describe('a lifecycle never strands an open invoice', () => {
  it("an email that cannot go (the client's address cleared since sending) is recorded as not delivered; the invoice still settles", async () => {
    const moved = (await json(await env.request('/api/v1/clients', { method: 'POST', cookie, json: { kind: 'business', name: 'Moved Away Ltd', email: 'ap@moved.example', paymentTermsDays: 30 } }))).id;
    const inv = (await json(await env.request('/api/v1/documents', { method: 'POST', cookie, json: { kind: 'invoice', clientId: moved, lines: [{ description: 'Audit', quantity: '1', unitPrice: '80.00' }] } }))) as { id: string; number: string };
    await send(inv.id, [1500]);
    await eventually(async () => (mailsFor(inv.number).length === 1 ? true : undefined));
    expect((await env.request(`/api/v1/clients/${moved}`, { method: 'PATCH', cookie, json: { email: '' } })).status).toBe(200);

    await eventually(async () => ((await state(inv.id)).remindersDone.length === 1 ? true : undefined), 20_000);
    const [reminder] = await env.owner.db.execute<{ status: string; last_error: string; attempts: number }>(
      sql`select status, last_error, attempts from email_outbox where intent_key = ${`invoice-${inv.id}-reminder-1`}`);
    expect(reminder).toEqual({ status: 'failed', last_error: 'The client has no email address.', attempts: 0 });
    expect(reminders(inv.number)).toHaveLength(0);
    const items = (await json(await env.request(`/api/v1/documents/${inv.id}/activity`, { cookie }))).items as { action: string }[];
    expect(items.filter((i) => i.action === 'email.failed')).toHaveLength(1);

    expect((await pay(inv.id, '80.00', { sendReceipt: false })).status).toBe(201);
    expect(await env.temporal.workflow.getHandle(lifecycleWorkflowId('invoice', inv.id)).result()).toMatchObject({ status: 'paid', balanceCents: 0 });
  }, 40_000);

  it('an open invoice whose lifecycle was terminated takes its next payment: the lifecycle starts again and mails nothing twice', async () => {
    const inv = await draftInvoice('90.00');
    await send(inv.id, []);
    await eventually(async () => (mailsFor(inv.number).length === 1 ? true : undefined));
    const handle = env.temporal.workflow.getHandle(lifecycleWorkflowId('invoice', inv.id));
    await handle.terminate('operator mistake');

    const res = await pay(inv.id, '40.00', { sendReceipt: false });
    expect([res.status, (await json(res)).balanceCents]).toEqual([201, 5000]);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    expect((await pay(inv.id, '50.00', { sendReceipt: false })).status).toBe(201);
    expect(await handle.result()).toMatchObject({ status: 'paid', balanceCents: 0 });
    expect(mailsFor(inv.number)).toHaveLength(1);
    expect(await count('payments', inv.id)).toBe(2);
  }, 30_000);

  it('a send the activity refuses (its period closed after the API looked) can be sent again once the period reopens', async () => {
    const inv = (await draftInvoice('70.00')) as { id: string; number: string; issueDate: string };
    const period = await json(await env.request('/api/v1/accounting/periods', { method: 'POST', cookie, json: { startDate: inv.issueDate, endDate: inv.issueDate } }));
    await env.request(`/api/v1/accounting/periods/${period.id}/close`, { method: 'POST', cookie, json: { reason: 'closing early' } });
    // What the send route would have started had its check run a moment earlier.
    await send(inv.id, []);
    await expect(env.temporal.workflow.getHandle(lifecycleWorkflowId('invoice', inv.id)).result()).rejects.toThrow();
    await env.request(`/api/v1/accounting/periods/${period.id}/reopen`, { method: 'POST', cookie, json: { reason: 'closed too early' } });

    expect((await env.request(`/api/v1/documents/${inv.id}/send`, { method: 'POST', cookie })).status).toBe(202);
    await eventually(async () => ((await json(await env.request(`/api/v1/documents/${inv.id}`, { cookie }))).status === 'sent' ? true : undefined));
    await eventually(async () => (mailsFor(inv.number).length === 1 ? true : undefined));
  }, 30_000);

  it('payments that arrive while another is being recorded take turns, one at a time', async () => {
    let running = 0;
    let most = 0;
    await replaceWorker((a) => ({
      ...a,
      recordPayment: async (input) => {
        most = Math.max(most, ++running);
        await sleep(400);
        try {
          return await a.recordPayment(input);
        } finally {
          running--;
        }
      },
    }));
    const inv = await draftInvoice('300.00');
    await send(inv.id, []);
    await eventually(async () => ((await state(inv.id)).ready ? true : undefined));
    const first = pay(inv.id, '100.00', { sendReceipt: false });
    await sleep(150);
    const rest = await Promise.all([pay(inv.id, '100.00', { sendReceipt: false }), pay(inv.id, '100.00', { sendReceipt: false })]);
    expect([(await first).status, ...rest.map((r) => r.status)]).toEqual([201, 201, 201]);
    expect(most).toBe(1);
    expect(await env.temporal.workflow.getHandle(lifecycleWorkflowId('invoice', inv.id)).result()).toMatchObject({ status: 'paid', balanceCents: 0 });
    await replaceWorker();
  }, 30_000);

  it('a payment retried after its lifecycle continued as new is answered as recorded, not refused for the balance it left', async () => {
    const inv = await draftInvoice('60.00');
    await send(inv.id, [2500], { historyLimit: 1 });
    await eventually(async () => ((await state(inv.id)).ready ? true : undefined));
    const handle = env.temporal.workflow.getHandle(lifecycleWorkflowId('invoice', inv.id));
    // Read before paying: the payment may take long enough on a loaded machine for the reminder to come first.
    const runBefore = (await handle.describe()).runId;
    const key = randomUUID();
    const once = await pay(inv.id, '40.00', { key, sendReceipt: false });
    expect(once.status).toBe(201);
    const first = await once.json();
    // The reminder step's turn ends in continue-as-new: the new run knows nothing of the first request.
    await eventually(async () => ((await handle.describe()).runId !== runBefore ? true : undefined), 20_000);
    const again = await pay(inv.id, '40.00', { key, sendReceipt: false });
    expect([again.status, await json(again)]).toEqual([201, first]);
    expect(await count('payments', inv.id)).toBe(1);
    // A new key is a new payment, and 40.00 is more than is left.
    expect((await pay(inv.id, '40.00', { key: randomUUID() })).status).toBe(422);
  }, 30_000);

  it('a balance "recalculate" corrects reaches the lifecycle: corrected to paid, it stops reminding and ends', async () => {
    const inv = await draftInvoice('50.00');
    await send(inv.id, [2500]);
    await eventually(async () => ((await state(inv.id)).ready ? true : undefined));
    // A payment restored behind the application's back: the stored balance and the lifecycle still say 50.00 is owed.
    await env.owner.sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`insert into payments (id, company_id, client_id, document_id, method, reference, received_on, currency, amount_cents, applied_cents, credit_cents)
               select ${randomUUID()}, company_id, client_id, id, 'bank_transfer', 'restored', issue_date::date, currency, 5000, 5000, 0 from documents where id = ${inv.id}`;
    });
    const fixed = await json(await env.request('/api/v1/reports/invoice-reconciliation/recalculate', { method: 'POST', cookie, json: { documentIds: [inv.id], fix: true } }));
    expect(fixed).toMatchObject({ fixed: 1, drifted: [{ documentId: inv.id, fixed: true }] });
    expect(await env.temporal.workflow.getHandle(lifecycleWorkflowId('invoice', inv.id)).result()).toMatchObject({ status: 'paid', balanceCents: 0 });
    await sleep(3000);
    expect(reminders(inv.number)).toHaveLength(0);
  }, 30_000);

  it('an invoice "recalculate" finds owing after its lifecycle ended paid gets a lifecycle again, and takes the rest', async () => {
    const inv = await draftInvoice('70.00');
    await send(inv.id, []);
    expect((await pay(inv.id, '70.00', { sendReceipt: false })).status).toBe(201);
    const handle = env.temporal.workflow.getHandle(lifecycleWorkflowId('invoice', inv.id));
    await handle.result();
    // The payment was for less than recorded (a bad restore says so): 20.00 is still owed.
    await env.owner.sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`update payments set amount_cents = 5000, applied_cents = 5000 where document_id = ${inv.id}`;
    });
    const fixed = await json(await env.request('/api/v1/reports/invoice-reconciliation/recalculate', { method: 'POST', cookie, json: { documentIds: [inv.id], fix: true } }));
    expect(fixed).toMatchObject({ fixed: 1, drifted: [{ documentId: inv.id, fixed: true }] });
    expect((await json(await env.request(`/api/v1/documents/${inv.id}`, { cookie }))).status).toBe('partially_paid');
    expect((await handle.describe()).status.name).toBe('RUNNING');
    expect((await state(inv.id))).toMatchObject({ status: 'partially_paid', balanceCents: 2000 });
    expect((await pay(inv.id, '20.00', { sendReceipt: false })).status).toBe(201);
    expect(await handle.result()).toMatchObject({ status: 'paid', balanceCents: 0 });
  }, 30_000);

  it('a void or payment on an invoice dated ahead is never dated before the sale', async () => {
    const ahead = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const res = await env.request('/api/v1/documents', { method: 'POST', cookie, json: { kind: 'invoice', clientId, issueDate: ahead, lines: [{ description: 'Kickoff', quantity: '1', unitPrice: '45.00' }] } });
    const inv = (await json(res)) as { id: string };
    await send(inv.id, []);
    await eventually(async () => ((await state(inv.id)).ready ? true : undefined));
    // Nor is a payment dated before it: refused with the field named, nothing recorded.
    const today = (await json(await env.request('/api/v1/dashboard/money', { cookie }))).asOf as string;
    const early = await env.request(`/api/v1/documents/${inv.id}/payments`, { method: 'POST', cookie, json: { amount: '45.00', method: 'check', receivedOn: today } });
    expect([early.status, Object.keys((await json(early)).error.fields)]).toEqual([400, ['receivedOn']]);
    expect(await count('payments', inv.id)).toBe(0);
    expect((await env.request(`/api/v1/documents/${inv.id}/void`, { method: 'POST', cookie, json: { reason: 'postponed' } })).status).toBe(200);
    const [entry] = await env.owner.db.execute<{ d: string }>(sql`select entry_date::text as d from journal_entries where source_type = 'invoice_void' and source_id = ${inv.id}`);
    expect(entry!.d).toBe(ahead);
  }, 30_000);
});

describe('estimates', () => {
  async function sentEstimate(expiresInMs: number, revision = 1, id?: string) {
    const est = id ? { id } : await json(await env.request('/api/v1/documents', { method: 'POST', cookie, json: { kind: 'estimate', clientId, lines: [{ description: 'Phase one', quantity: '1', unitPrice: '900' }] } }));
    await startLifecycle(env.deps, { kind: 'estimate', companyId, documentId: est.id, actorUserId: userId, revision, expiresAt: Date.now() + expiresInMs });
    return est.id as string;
  }
  const doc = async (id: string) => json(await env.request(`/api/v1/documents/${id}`, { cookie }));

  it('a sent estimate left unanswered expires after the day it is valid until; sent again with new dates, it is sent', async () => {
    const id = await sentEstimate(1500);
    const handle = env.temporal.workflow.getHandle(lifecycleWorkflowId('estimate', id, 1));
    expect(await handle.result()).toMatchObject({ kind: 'estimate', status: 'expired', revision: 1 });
    expect(await doc(id)).toMatchObject({ status: 'expired', locked: false });
    const [audit] = await env.owner.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_events where object_id = ${id} and action = 'estimate.expired'`);
    expect(audit!.n).toBe(1);
    if (process.env.RECORD_HISTORIES) writeFileSync(new URL('./histories/estimate-lifecycle.json', import.meta.url), historyToJSON(await handle.fetchHistory()));

    // Expired, it takes new dates and goes out again as its next revision.
    expect((await env.request(`/api/v1/documents/${id}`, { method: 'PATCH', cookie, json: { dueDate: '2099-12-31' } })).status).toBe(200);
    const again = await env.request(`/api/v1/documents/${id}/send`, { method: 'POST', cookie });
    expect(again.status).toBe(202);
    await eventually(async () => ((await doc(id)).status === 'sent' ? true : undefined));
    expect((await doc(id)).dueDate).toBe('2099-12-31');
  }, 30_000);

  it('a revision sent again before the first expires is not expired by the first', async () => {
    const id = await sentEstimate(2500);
    await eventually(async () => ((await doc(id)).status === 'sent' ? true : undefined));
    await sentEstimate(60_000, 2, id);
    expect(await env.temporal.workflow.getHandle(lifecycleWorkflowId('estimate', id, 1)).result()).toMatchObject({ status: 'sent', revision: 1 });
    expect(await doc(id)).toMatchObject({ status: 'sent' });
    await env.temporal.workflow.getHandle(lifecycleWorkflowId('estimate', id, 2)).terminate('test done');
  }, 30_000);
});
