/**
 * Recurring invoices: a series is a Temporal Schedule on its calendar; the
 * schedule firing twice for the same occurrence (a backfill over the same
 * days, a repeated run) makes one invoice; auto-send sends it once; pause,
 * skip and end do what they say.
 */
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { recurringOccurrence } from '../../workflows/recurring-occurrence';
import { eventually, json, startTestEnv, type TestEnv } from '../support/harness';
import { signUpCompany } from '../support/company';

let env: TestEnv;
let cookie = '';
let companyId = '';
let clientId = '';

beforeAll(async () => {
  env = await startTestEnv({ worker: true, env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
  ({ cookie, companyId } = await signUpCompany(env, 'recurring@example.com'));
  clientId = (await json(await env.request('/api/v1/clients', { method: 'POST', cookie, json: { kind: 'business', name: 'Hooli', email: 'billing@hooli.example', paymentTermsDays: 10 } }))).id;
}, 60_000);
afterAll(async () => { await env?.close(); });

async function series(body: Record<string, unknown>) {
  const res = await env.request('/api/v1/recurring-invoices', {
    method: 'POST', cookie, json: { name: 'Hosting', clientId, frequency: 'monthly', lines: [{ description: 'Managed hosting', quantity: '1', unitPrice: '49.00' }], ...body },
  });
  expect(res.status).toBe(201);
  return json(res);
}
const invoicesOf = (seriesId: string) => env.owner.db.execute<{ id: string; occurrence_date: string; number: string; status: string; total_cents: number }>(
  sql`select id, occurrence_date::text, number, status, total_cents::int from documents where recurring_series_id = ${seriesId} order by occurrence_date`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const runOccurrence = (seriesId: string, scheduledAt: number, suffix: string) => env.temporal.workflow.execute<typeof recurringOccurrence>('recurringOccurrence', {
  workflowId: `recurring-${seriesId}-${suffix}`, taskQueue: env.settings.TEMPORAL_TASK_QUEUE, args: [{ companyId, seriesId, scheduledAt }],
});

it('a series becomes a schedule on its calendar, in the company’s time zone, clamped to the 28th', async () => {
  const s = await series({ startDate: '2027-01-31', frequency: 'quarterly' });
  // The 31st does not exist every quarter: the series runs on the 28th, starting with January's.
  expect(s).toMatchObject({ status: 'active', startDate: '2027-01-28', totalCents: 4_900, nextDates: ['2027-01-28', '2027-04-28', '2027-07-28'] });
  const desc = await env.temporal.schedule.getHandle(s.scheduleId).describe();
  expect(desc.spec.calendars?.[0]).toMatchObject({ dayOfMonth: [{ start: 28, end: 28, step: 1 }], month: [{ start: 'JANUARY', end: 'JANUARY', step: 1 }, { start: 'APRIL', end: 'APRIL', step: 1 }, { start: 'JULY', end: 'JULY', step: 1 }, { start: 'OCTOBER', end: 'OCTOBER', step: 1 }] });
  expect(desc.state.paused).toBe(false);
});

it('a schedule fired twice over the same months makes one invoice per occurrence', async () => {
  const s = await series({ startDate: '2026-01-15' });
  // Started in the past: what comes next is still on the 15th.
  expect(s.nextDates).toHaveLength(3);
  expect(s.nextDates.every((d: string) => d.endsWith('-15') && d >= new Date(Date.now() - 86_400_000).toISOString().slice(0, 10))).toBe(true);
  const handle = env.temporal.schedule.getHandle(s.scheduleId);
  // Say how far the schedule got when the runs do not all arrive.
  const stalled = async (err: Error) => {
    const d = await handle.describe();
    const runs = await Promise.all(d.info.recentActions.map(async (a) => `${a.scheduledAt.toISOString()} ${a.action.workflow.workflowId}: ${(await env.temporal.workflow.getHandle(a.action.workflow.workflowId, a.action.workflow.firstExecutionRunId).describe()).status.name}`));
    throw new Error(`${err.message}: ${(await invoicesOf(s.id)).length} invoices, ${d.info.numActionsTaken} actions taken, ${d.info.runningActions.length} running\n${runs.join('\n')}`);
  };
  // One backfill at a time: two sent back to back can reach the schedule's workflow in one task, and
  // this server then acts on the last one only (seen under a loaded suite: only February ran).
  await handle.backfill([{ start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-03-31T00:00:00Z'), overlap: 'ALLOW_ALL' }]);
  // Backfilled runs queue behind everything else the server is doing: give them time under a loaded suite.
  await eventually(async () => ((await invoicesOf(s.id)).length === 3 ? true : undefined), 60_000).catch(stalled);
  // February again: its run happens, and makes nothing new. Under a loaded suite this server has once
  // let a second backfill go unacted on for a minute; asked again, it runs. More runs of February
  // only make the point harder, so the request is repeated until at least one more run has finished.
  const february = () => handle.backfill([{ start: new Date('2026-02-01T00:00:00Z'), end: new Date('2026-02-28T00:00:00Z'), overlap: 'ALLOW_ALL' }]);
  await february();
  let asked = Date.now();
  await eventually(async () => {
    const d = await handle.describe();
    if (d.info.numActionsTaken >= 4 && d.info.runningActions.length === 0) return true;
    if (d.info.numActionsTaken < 4 && Date.now() - asked > 15_000) {
      await february();
      asked = Date.now();
    }
    return undefined;
  }, 60_000).catch(stalled);
  const made = await invoicesOf(s.id);
  expect(made.map((i) => i.occurrence_date)).toEqual(['2026-01-15', '2026-02-15', '2026-03-15']);
  expect(made.every((i) => i.status === 'draft' && i.total_cents === 4_900)).toBe(true);
  expect(new Set(made.map((i) => i.number)).size).toBe(3);
  const detail = await json(await env.request(`/api/v1/recurring-invoices/${s.id}`, { cookie }));
  expect(detail.invoices).toHaveLength(3);
}, 120_000);

it('the same occurrence run twice makes one invoice, and an auto-send series sends it once', async () => {
  const s = await series({ startDate: '2026-06-10', autoSend: true, name: 'Retainer' });
  const at = Date.UTC(2026, 5, 10, 12);
  const first = await runOccurrence(s.id, at, 'a');
  const second = await runOccurrence(s.id, at, 'b');
  expect(first).toMatchObject({ outcome: 'created', occurrenceDate: '2026-06-10' });
  expect(second).toMatchObject({ outcome: 'existing', invoiceId: first.invoiceId });
  if (process.env.RECORD_HISTORIES) {
    const history = await env.temporal.workflow.getHandle(`recurring-${s.id}-a`).fetchHistory();
    writeFileSync(new URL('./histories/recurring-occurrence.json', import.meta.url), historyToJSON(history));
  }
  const [inv] = await invoicesOf(s.id);
  await env.mail.waitFor((m) => m.subject.startsWith(`Invoice ${inv!.number}`));
  await eventually(async () => ((await invoicesOf(s.id))[0]!.status === 'sent' ? true : undefined));
  await sleep(1000);
  expect(env.mail.messages.filter((m) => m.subject.startsWith(`Invoice ${inv!.number}`))).toHaveLength(1);
}, 30_000);

it('auto-send sends only what was made to be sent: not an old draft after auto-send is switched on, nor one with nowhere to go', async () => {
  const s = await series({ startDate: '2026-07-10', autoSend: false, name: 'Later on' });
  const at = Date.UTC(2026, 6, 10, 12);
  expect(await runOccurrence(s.id, at, 'off')).toMatchObject({ outcome: 'created' });
  const lines = [{ description: 'Managed hosting', quantity: '1', unitPrice: '49.00' }];
  expect((await env.request(`/api/v1/recurring-invoices/${s.id}`, { method: 'PUT', cookie, json: { name: 'Later on', autoSend: true, lines } })).status).toBe(200);
  expect(await runOccurrence(s.id, at, 'on')).toMatchObject({ outcome: 'existing' });
  await sleep(1500);
  expect((await invoicesOf(s.id))[0]!.status).toBe('draft'); // the July draft was not mailed

  // A client with no address: the invoice is made, stays a draft, and says why.
  const silent = (await json(await env.request('/api/v1/clients', { method: 'POST', cookie, json: { kind: 'business', name: 'No Mail Ltd', paymentTermsDays: 10 } }))).id;
  const quiet = await series({ startDate: '2026-07-10', autoSend: true, name: 'Nowhere', clientId: silent });
  expect(await runOccurrence(quiet.id, at, 'nowhere')).toMatchObject({ outcome: 'created' });
  const [inv] = await invoicesOf(quiet.id);
  expect(inv!.status).toBe('draft');
  const [skipped] = await env.owner.db.execute<{ reason: string }>(sql`select after->>'reason' as reason from audit_events where object_id = ${inv!.id} and action = 'invoice.auto_send_skipped'`);
  expect(skipped!.reason).toMatch(/no email address/);
}, 30_000);

it('pause makes firings make nothing, skip passes over the next date once, and ending removes the schedule', async () => {
  const s = await series({ startDate: '2030-03-05', name: 'Support' });
  const paused = await json(await env.request(`/api/v1/recurring-invoices/${s.id}/pause`, { method: 'POST', cookie }));
  expect(paused).toMatchObject({ status: 'paused', nextDates: [] });
  // The row decides; the schedule is one switch fewer to keep in step.
  expect((await env.temporal.schedule.getHandle(s.scheduleId).describe()).state.paused).toBe(false);
  expect(await runOccurrence(s.id, Date.UTC(2030, 2, 5, 12), 'paused')).toMatchObject({ outcome: 'skipped: the series is not active' });
  expect((await env.request(`/api/v1/recurring-invoices/${s.id}/skip`, { method: 'POST', cookie })).status).toBe(409);

  // A schedule an earlier version paused along with its row is unpaused on resume.
  await env.temporal.schedule.getHandle(s.scheduleId).pause('as an earlier version did');
  await env.request(`/api/v1/recurring-invoices/${s.id}/resume`, { method: 'POST', cookie });
  expect((await env.temporal.schedule.getHandle(s.scheduleId).describe()).state.paused).toBe(false);
  const skipped = await json(await env.request(`/api/v1/recurring-invoices/${s.id}/skip`, { method: 'POST', cookie }));
  expect(skipped).toMatchObject({ status: 'active', skipDates: ['2030-03-05'], nextDates: ['2030-04-05', '2030-05-05', '2030-06-05'] });
  expect(await runOccurrence(s.id, Date.UTC(2030, 2, 5, 12), 'skipped')).toMatchObject({ outcome: 'skipped: skipped by request' });
  expect(await runOccurrence(s.id, Date.UTC(2030, 3, 5, 12), 'april')).toMatchObject({ outcome: 'created' });

  expect((await env.request(`/api/v1/recurring-invoices/${s.id}`, { method: 'DELETE', cookie })).status).toBe(204);
  await expect(env.temporal.schedule.getHandle(s.scheduleId).describe()).rejects.toThrow();
  expect((await env.request(`/api/v1/recurring-invoices/${s.id}`, { cookie })).status).toBe(404);
  expect(await invoicesOf(s.id)).toHaveLength(1);
}, 30_000);

it('an edit changes what later occurrences copy and moves the schedule’s end; invoices already made keep theirs', async () => {
  const s = await series({ startDate: '2026-08-05', name: 'Support' });
  await runOccurrence(s.id, Date.parse('2026-08-05T14:00:00Z'), 'aug');
  const put = (body: Record<string, unknown>) => env.request(`/api/v1/recurring-invoices/${s.id}`, { method: 'PUT', cookie, json: body });
  const edit = {
    name: 'Support plan', endDate: '2027-01-31', autoSend: false, notes: 'Thank you', terms: 'Net 10', taxInclusive: false, discount: { kind: 'percent', percent: '10' },
    lines: [{ description: 'Support hours', quantity: '2', unitPrice: '60.00', taxable: true, taxRate: '8.25' }, { description: 'Monitoring', quantity: '1', unitPrice: '20.00' }],
  };
  // Bad input changes nothing.
  expect((await put({ ...edit, endDate: '2026-07-01' })).status).toBe(400);
  expect((await put({ ...edit, lines: [{ description: 'x', quantity: '1', unitPrice: 'lots' }] })).status).toBe(400);
  expect((await json(await env.request(`/api/v1/recurring-invoices/${s.id}`, { cookie }))).template.totalCents).toBe(4_900);

  const res = await put(edit);
  expect(res.status).toBe(200);
  // 120.00 + 20.00 = 140.00, less 10% = 126.00; tax 8.25% on 108.00 (the taxed line's share) = 8.91.
  expect(await json(res)).toMatchObject({ name: 'Support plan', endDate: '2027-01-31', totalCents: 13_491 });
  const detail = await json(await env.request(`/api/v1/recurring-invoices/${s.id}`, { cookie }));
  expect(detail.template).toMatchObject({ notes: 'Thank you', terms: 'Net 10', discount: { kind: 'percent', percent: '10.00' }, subtotalCents: 14_000, taxCents: 891, totalCents: 13_491 });
  expect(detail.template.lines.map((l: { description: string; unitPriceCents: number; taxRateBps: number }) => [l.description, l.unitPriceCents, l.taxRateBps]))
    .toEqual([['Support hours', 6_000, 825], ['Monitoring', 2_000, 0]]);
  const desc = await env.temporal.schedule.getHandle(s.scheduleId).describe();
  expect(desc.spec.endAt?.toISOString()).toBe('2027-02-01T05:00:00.000Z'); // the end of 31 January in the company's zone (New York, EST)

  await runOccurrence(s.id, Date.parse('2026-09-05T14:00:00Z'), 'sep');
  expect((await invoicesOf(s.id)).map((i) => [i.occurrence_date, i.total_cents])).toEqual([['2026-08-05', 4_900], ['2026-09-05', 13_491]]);
  const audit = await env.owner.db.execute<{ before: { totalCents: number }; after: { totalCents: number } }>(
    sql`select before, after from audit_events where object_id = ${s.id} and action = 'recurring.updated'`);
  expect(audit.map((a) => [a.before.totalCents, a.after.totalCents])).toEqual([[4_900, 13_491]]);

  // A series keeps its project after that project is deleted (its edits still save); a deleted project is not a new choice.
  const project = (await json(await env.request('/api/v1/projects', { method: 'POST', cookie, json: { name: 'Support work', clientId, billingType: 'hourly' } }))).id;
  const spare = (await json(await env.request('/api/v1/projects', { method: 'POST', cookie, json: { name: 'Spare', clientId, billingType: 'hourly' } }))).id;
  expect((await put({ ...edit, projectId: project })).status).toBe(200);
  for (const p of [project, spare]) expect((await env.request(`/api/v1/projects/${p}`, { method: 'DELETE', cookie })).status).toBe(204);
  expect((await put({ ...edit, projectId: project, name: 'Support plan (kept)' })).status).toBe(200);
  expect((await put({ ...edit, projectId: spare })).status).toBe(404);

  // Lifting the end date lifts the schedule's; an ended series cannot be edited.
  expect((await put({ ...edit, endDate: null })).status).toBe(200);
  expect((await env.temporal.schedule.getHandle(s.scheduleId).describe()).spec.endAt).toBeUndefined();
  expect((await env.request(`/api/v1/recurring-invoices/${s.id}`, { method: 'DELETE', cookie })).status).toBe(204);
  expect((await put(edit)).status).toBe(404);
}, 60_000);

it("a series created today after the occurrence hour makes today's invoice, as the list promised; what is next starts tomorrow", async (ctx) => {
  // A zone where it is now well past 06:00 and not yet midnight, on a day a series can start on (the 29th–31st move to the 28th).
  const zone = ['Pacific/Kiritimati', 'Asia/Tokyo', 'Asia/Kolkata', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'Pacific/Honolulu'].find((z) => {
    const [h, d] = ['hour', 'day'].map((part) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: z, [part]: part === 'hour' ? '2-digit' : 'numeric', hourCycle: 'h23' }).format(new Date())));
    return h! >= 7 && h! <= 22 && d! <= 28;
  });
  // At a month's end there may be no such zone for an hour or two: nothing to test then.
  if (!zone) return ctx.skip();
  const settings = '/api/v1/company/invoicing-settings';
  const before = (await json(await env.request(settings, { cookie }))).timeZone;
  expect((await env.request(settings, { method: 'PATCH', cookie, json: { timeZone: zone } })).status).toBe(200);
  try {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
    const s = await series({ startDate: today });
    await eventually(async () => ((await invoicesOf(s.id)).length === 1 ? true : undefined), 20_000);
    expect((await invoicesOf(s.id)).map((i) => i.occurrence_date)).toEqual([today]);
    // Today's has been made: the next, and what "skip" would pass over, is next month's.
    expect(s.nextDates[0] > today).toBe(true);
  } finally {
    await env.request(settings, { method: 'PATCH', cookie, json: { timeZone: before } });
  }
}, 30_000);

it("a company that moves time zone moves its series' schedules with it", async () => {
  const s = await series({ startDate: '2027-03-10' });
  const settings = '/api/v1/company/invoicing-settings';
  const before = (await json(await env.request(settings, { cookie }))).timeZone;
  expect((await env.request(settings, { method: 'PATCH', cookie, json: { timeZone: 'Asia/Tokyo' } })).status).toBe(200);
  try {
    const spec = (await env.temporal.schedule.getHandle(s.scheduleId).describe()).spec;
    expect([spec.timezone, spec.startAt?.toISOString()]).toEqual(['Asia/Tokyo', '2027-03-09T15:00:00.000Z']);
  } finally {
    await env.request(settings, { method: 'PATCH', cookie, json: { timeZone: before } });
  }
  expect((await env.temporal.schedule.getHandle(s.scheduleId).describe()).spec.timezone).toBe(before);
});
