/**
 * The timer is one workflow per person: concurrent starts give one timer; a
 * worker that dies mid-timer loses nothing; the limit stops a forgotten timer.
 */
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTimeActivities } from '../../activities/time';
import { readTimer, startTimer, stopTimerIn, timerUpdate } from '../../api/timer';
import { timerWorkflowId, type TimerStart } from '../../domain/timer';
import { eventually, json, sessionCookie, startTestEnv, type TestEnv } from '../support/harness';

let env: TestEnv;
let cookie = '';
let userId = '';
let companyId = '';
let projectId = '';

beforeAll(async () => {
  env = await startTestEnv({ worker: true, env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
  const res = await env.request('/api/v1/auth/signup', { method: 'POST', json: { email: 'timer@example.com', password: 'correct horse battery', companyName: 'Timer Co' } });
  cookie = sessionCookie(res);
  ({ user: { id: userId }, company: { id: companyId } } = await json(res));
  await eventually(async () => ((await json(await env.request('/api/v1/onboarding', { cookie }))).status === 'complete' ? true : undefined));
  projectId = (await json(await env.request('/api/v1/projects', { method: 'POST', cookie, json: { name: 'Website', billingType: 'hourly', hourlyRate: '150' } }))).id;
});
afterAll(async () => { await env?.close(); });

const deps = () => env.deps;
const startBody = { projectId, notes: 'design' };
const entries = async () => env.owner.db.execute<{ duration_seconds: number; status: string; source_key: string; notes: string }>(
  sql`select duration_seconds, status, source_key, notes from time_entries where user_id = ${userId} order by created_at`);

it('two concurrent starts give exactly one running timer; stop leaves one draft entry', async () => {
  const [a, b] = await Promise.all([
    env.request('/api/v1/timer/start', { method: 'POST', cookie, json: { ...startBody, projectId } }),
    env.request('/api/v1/timer/start', { method: 'POST', cookie, json: { ...startBody, projectId } }),
  ]);
  expect([a.status, b.status].sort()).toEqual([200, 409]);
  const loser = a.status === 409 ? a : b;
  expect((await json(loser)).error.code).toBe('TIMER_RUNNING');
  const timer = await json(await env.request('/api/v1/timer', { cookie }));
  expect(timer).toMatchObject({ state: 'running', project: { id: projectId, label: 'P-00001 · Website' }, notes: 'design' });

  await new Promise((r) => setTimeout(r, 1100));
  expect((await env.request('/api/v1/timer/pause', { method: 'POST', cookie })).status).toBe(200);
  expect((await env.request('/api/v1/timer/pause', { method: 'POST', cookie })).status).toBe(409);
  const paused = await json(await env.request('/api/v1/timer', { cookie }));
  await new Promise((r) => setTimeout(r, 3000));
  // Paused time does not count.
  expect((await json(await env.request('/api/v1/timer', { cookie }))).elapsedSeconds).toBe(paused.elapsedSeconds);
  expect((await env.request('/api/v1/timer/resume', { method: 'POST', cookie })).status).toBe(200);
  const stopped = await env.request('/api/v1/timer/stop', { method: 'POST', cookie });
  expect(stopped.status).toBe(200);
  const { timer: idle, entry } = await json(stopped);
  expect(idle).toEqual({ state: 'idle' });
  expect(entry).toMatchObject({ status: 'draft', project: { id: projectId }, notes: 'design' });
  // About 1 s ran; the 3 s pause would push it past 4 s if it counted.
  expect(entry.durationSeconds).toBeGreaterThanOrEqual(1);
  expect(entry.durationSeconds).toBeLessThanOrEqual(3);
  expect(await entries()).toHaveLength(1);
  expect((await env.request('/api/v1/timer/stop', { method: 'POST', cookie })).status).toBe(409);
  expect(await json(await env.request('/api/v1/timer', { cookie }))).toEqual({ state: 'idle' });

  if (process.env.RECORD_HISTORIES) {
    const history = await env.temporal.workflow.getHandle(timerWorkflowId(userId)).fetchHistory();
    writeFileSync(new URL('./histories/timer.json', import.meta.url), historyToJSON(history));
  }
});

it('a worker killed while the timer runs loses nothing: elapsed time is right after restart and stop works', async () => {
  expect((await env.request('/api/v1/timer/start', { method: 'POST', cookie, json: { projectId, notes: 'outage' } })).status).toBe(200);
  const began = Date.now();
  // Kill the worker: nothing processes workflow tasks for a while.
  env.worker!.shutdown();
  await new Promise((r) => setTimeout(r, 2500));
  const worker = await env.startWorker();
  try {
    const timer = await json(await env.request('/api/v1/timer', { cookie }));
    const expected = (Date.now() - began) / 1000;
    expect(timer.state).toBe('running');
    expect(Math.abs(timer.elapsedSeconds - expected)).toBeLessThanOrEqual(1.5);
    const { entry } = await json(await env.request('/api/v1/timer/stop', { method: 'POST', cookie }));
    expect(Math.abs(entry.durationSeconds - (Date.now() - began) / 1000)).toBeLessThanOrEqual(1.5);
    expect((await entries()).map((e) => e.notes)).toEqual(['design', 'outage']);
  } finally {
    await worker.stop();
  }
});

it('a forgotten timer is nudged, then stopped at the company limit, leaving one entry', async () => {
  // The limit is an input to the workflow, so a 10-hour rule is tested in two seconds.
  const start: TimerStart = {
    companyId, projectId, projectLabel: 'P-00001 · Website', clientId: null, clientName: null, catalogItemId: null,
    serviceName: '', notes: 'forgotten', autoStopAfterMs: 2000,
  };
  const worker = await env.startWorker();
  try {
    await startTimer(deps(), userId, start);
    const final = await env.temporal.workflow.getHandle(timerWorkflowId(userId)).result();
    expect(final).toMatchObject({ phase: 'stopped', nudged: true, autoStopped: true });
    expect(await readTimer(deps(), userId)).toMatchObject({ phase: 'idle' });
    const forgotten = (await entries()).filter((e) => e.notes === 'forgotten');
    expect(forgotten).toHaveLength(1);
    expect(forgotten[0]!.duration_seconds).toBe(2);
    await expect(timerUpdate(deps(), userId, 'stopTimer')).rejects.toMatchObject({ code: 'TIMER_NOT_RUNNING' });
  } finally {
    await worker.stop();
  }
});

it("a timer started in one company and stopped from another leaves its entry where it was started, and answers with it", async () => {
  // The file's own worker was shut down by the outage test above.
  const worker = await env.startWorker();
  try {
    const res = await env.request('/api/v1/auth/signup', { method: 'POST', json: { email: 'other-timer@example.com', password: 'correct horse battery', companyName: 'Other Timer Co' } });
    const other = sessionCookie(res);
    await eventually(async () => ((await json(await env.request('/api/v1/onboarding', { cookie: other }))).status === 'complete' ? true : undefined));
    expect((await env.request('/api/v1/company/invitations', { method: 'POST', cookie: other, json: { email: 'timer@example.com', role: 'staff' } })).status).toBe(201);
    const mail = await env.mail.waitFor((m) => m.to.includes('timer@example.com') && m.subject.includes('Other Timer Co'));
    const token = /invitations\/([\w-]+)/.exec(mail.text)![1]!;

    expect((await env.request('/api/v1/timer/start', { method: 'POST', cookie, json: { projectId, notes: 'started at home' } })).status).toBe(200);
    // Joining the other company makes it the active one.
    const joined = await env.request(`/api/v1/invitations/${token}/accept`, { method: 'POST', json: {}, cookie });
    expect(joined.status).toBe(200);
    cookie = sessionCookie(joined);
    expect((await json(await env.request('/api/v1/me', { cookie }))).company.name).toBe('Other Timer Co');

    const stopped = await env.request('/api/v1/timer/stop', { method: 'POST', cookie });
    expect(stopped.status).toBe(200);
    expect((await json(stopped)).entry).toMatchObject({ project: { id: projectId }, notes: 'started at home' });
    const [row] = await env.owner.db.execute<{ company_id: string }>(sql`select company_id from time_entries where notes = 'started at home'`);
    expect(row!.company_id).toBe(companyId);
  } finally {
    await worker.stop();
  }
}, 30_000);

it('a member removed from a company has their timer there stopped at the removal; a timer in another company runs on', async () => {
  const worker = await env.startWorker();
  try {
    // Running in the home company: a removal elsewhere does not touch it.
    await env.request('/api/v1/me/company', { method: 'POST', cookie, json: { companyId } }).then((r) => { cookie = sessionCookie(r); });
    expect((await env.request('/api/v1/timer/start', { method: 'POST', cookie, json: { projectId, notes: 'at home' } })).status).toBe(200);
    await stopTimerIn(deps(), userId, '00000000-0000-4000-8000-000000000000');
    expect((await readTimer(deps(), userId)).phase).toBe('running');
    expect((await env.request('/api/v1/timer/stop', { method: 'POST', cookie })).status).toBe(200);

    // Running in a company that then removes them: stopped, its entry the time worked until then.
    const res = await env.request('/api/v1/auth/signup', { method: 'POST', json: { email: 'remover@example.com', password: 'correct horse battery', companyName: 'Remover Co' } });
    const owner = sessionCookie(res);
    const removerCo = (await json(res)).company.id as string;
    await eventually(async () => ((await json(await env.request('/api/v1/onboarding', { cookie: owner }))).status === 'complete' ? true : undefined));
    const there = (await json(await env.request('/api/v1/projects', { method: 'POST', cookie: owner, json: { name: 'Their site', billingType: 'hourly', hourlyRate: '90' } }))).id;
    expect((await env.request('/api/v1/company/invitations', { method: 'POST', cookie: owner, json: { email: 'timer@example.com', role: 'staff' } })).status).toBe(201);
    const mail = await env.mail.waitFor((m) => m.to.includes('timer@example.com') && m.subject.includes('Remover Co'));
    const joined = await env.request(`/api/v1/invitations/${/invitations\/([\w-]+)/.exec(mail.text)![1]!}/accept`, { method: 'POST', json: {}, cookie });
    cookie = sessionCookie(joined);
    expect((await env.request('/api/v1/timer/start', { method: 'POST', cookie, json: { projectId: there, notes: 'their work' } })).status).toBe(200);
    expect((await env.request(`/api/v1/company/members/${userId}`, { method: 'DELETE', cookie: owner })).status).toBe(204);
    expect((await readTimer(deps(), userId)).phase).toBe('idle');
    const [row] = await env.owner.db.execute<{ company_id: string; status: string }>(sql`select company_id, status from time_entries where notes = 'their work'`);
    expect(row).toEqual({ company_id: removerCo, status: 'draft' });

    // Had that stop not got through (Temporal down at the removal), the entry written later would hold only the
    // time up to the removal, and none for a timer begun after it.
    const [removed] = await env.owner.db.execute<{ at: string }>(sql`select created_at as at from audit_events where company_id = ${removerCo} and action = 'member.removed' and object_id = ${userId}`);
    const removal = new Date(removed!.at).getTime();
    const write = (startedAt: number, durationSeconds: number, key: string) => createTimeActivities({ db: env.database.db }).writeTimerEntry({
      userId, companyId: removerCo, projectId: there, projectLabel: 'Their site', clientId: null, clientName: null, catalogItemId: null, serviceName: '', notes: key,
      autoStopAfterMs: 3600_000, startedAt, durationSeconds, sourceKey: `test-${key}`,
    });
    expect(await write(removal + 1000, 60, 'after-removal')).toBeNull();
    const capped = await write(removal - 5000, 60, 'before-removal');
    const [early] = await env.owner.db.execute<{ duration_seconds: number }>(sql`select duration_seconds from time_entries where id = ${capped}`);
    expect(early!.duration_seconds).toBe(5);
  } finally {
    await worker.stop();
  }
}, 30_000);

it("a timer's entry is billable as its project bills: time on a non-billable project is not", async () => {
  const worker = await env.startWorker();
  try {
    // Back in the first company (the test before left the person in another).
    cookie = sessionCookie(await env.request('/api/v1/me/company', { method: 'POST', cookie, json: { companyId } }));
    const internal = (await json(await env.request('/api/v1/projects', { method: 'POST', cookie, json: { name: 'Internal', billingType: 'non_billable' } }))).id;
    expect((await env.request('/api/v1/timer/start', { method: 'POST', cookie, json: { projectId: internal, notes: 'team meeting' } })).status).toBe(200);
    const { entry } = await json(await env.request('/api/v1/timer/stop', { method: 'POST', cookie }));
    expect(entry).toMatchObject({ notes: 'team meeting', billable: false });
    // Still so when the project is deleted while the timer runs: its entry is recorded as the project billed.
    expect((await env.request('/api/v1/timer/start', { method: 'POST', cookie, json: { projectId: internal, notes: 'wrap-up' } })).status).toBe(200);
    expect((await env.request(`/api/v1/projects/${internal}`, { method: 'DELETE', cookie })).status).toBe(204);
    const late = await json(await env.request('/api/v1/timer/stop', { method: 'POST', cookie }));
    expect(late.entry).toMatchObject({ notes: 'wrap-up', billable: false });
  } finally {
    await worker.stop();
  }
});
