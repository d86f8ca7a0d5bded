import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpCompany } from '../support/company';
import { joinCompany } from '../support/members';
import { json, startTestEnv, type TestEnv } from '../support/harness';

let env: TestEnv;
let cookie = '';
let other = '';

const post = (path: string, body: unknown, c = cookie) => env.request(path, { method: 'POST', cookie: c, json: body });
const count = async (table: string) => (await env.owner.db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

beforeAll(async () => {
  env = await startTestEnv({ worker: true, env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
  cookie = (await signUpCompany(env, 'work@example.com', 'Work Co')).cookie;
  other = (await signUpCompany(env, 'other@example.com', 'Other Co')).cookie;
});
afterAll(async () => { await env?.close(); });

describe('clients and catalog', () => {
  it('creates a client with address and tags, finds it by tag, deletes and restores it', async () => {
    const res = await post('/api/v1/clients', {
      kind: 'business', name: 'Globex', email: 'ap@globex.example', tags: ['Retainer', ' vip ', 'vip'],
      address: { line1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US' },
    });
    expect(res.status).toBe(201);
    const client = await json(res);
    expect(client).toMatchObject({ currency: 'USD', paymentTermsDays: 30, tags: ['retainer', 'vip'], address: { state: 'IL', country: 'US' } });
    expect((await json(await env.request('/api/v1/clients?q=vip', { cookie }))).items.map((c: { id: string }) => c.id)).toEqual([client.id]);
    expect((await env.request(`/api/v1/clients/${client.id}`, { method: 'DELETE', cookie })).status).toBe(204);
    expect((await json(await env.request('/api/v1/clients', { cookie }))).items).toHaveLength(0);
    expect((await post(`/api/v1/clients/${client.id}/restore`, undefined)).status).toBe(200);
    expect((await json(await env.request('/api/v1/clients', { cookie }))).items).toHaveLength(1);
  });

  it('takes rates in dollars, stores cents, and refuses a bad rate string writing nothing', async () => {
    const ok = await post('/api/v1/catalog', { type: 'service', name: 'Design', rate: '$1,250.50', taxable: true });
    expect((await json(ok)).rateCents).toBe(125050);
    const before = await count('catalog_items');
    for (const rate of ['12.345', 'abc', '-5', '']) {
      const bad = await post('/api/v1/catalog', { type: 'service', name: 'Bad', rate });
      expect(bad.status).toBe(400);
      expect((await json(bad)).error.fields.rate).toBeDefined();
    }
    expect(await count('catalog_items')).toBe(before);
  });
});

describe('projects', () => {
  it('numbers 50 concurrent creates P-00001…P-00050 with no gaps and no duplicates', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => post('/api/v1/projects', { name: `Job ${i}`, billingType: 'hourly', hourlyRate: '100' })));
    expect(results.map((r) => r.status)).toEqual(new Array(50).fill(201));
    const numbers = (await Promise.all(results.map(json))).map((p) => p.number).sort();
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `P-${String(i + 1).padStart(5, '0')}`));
  });

  it('a failed create gives its number back: the next project continues without a gap', async () => {
    const bad = await post('/api/v1/projects', { name: 'Broken', billingType: 'hourly', memberIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(bad.status).toBe(400);
    const next = await json(await post('/api/v1/projects', { name: 'Next', billingType: 'flat_fee', flatFee: '5000' }));
    expect(next).toMatchObject({ number: 'P-00051', label: 'P-00051 · Next', flatFeeCents: 500000 });
  });

  it('refuses another company’s client and an invalid rate, writing nothing', async () => {
    const foreign = await json(await post('/api/v1/clients', { kind: 'person', name: 'Not yours' }, other));
    const before = await count('projects');
    const res = await post('/api/v1/projects', { name: 'Sneaky', billingType: 'hourly', clientId: foreign.id });
    expect(res.status).toBe(404);
    const rate = await post('/api/v1/projects', { name: 'Rate', billingType: 'hourly', hourlyRate: 'a lot' });
    expect((await json(rate)).error.fields.hourlyRate).toBeDefined();
    expect(await count('projects')).toBe(before);
  });

  it('keeps a deleted project findable (the list when asked, its page) and restores it', async () => {
    const p = await json(await post('/api/v1/projects', { name: 'Oops', billingType: 'hourly' }));
    const listed = async (query = '') => (await json(await env.request(`/api/v1/projects?q=Oops${query}`, { cookie }))).items.map((x: { id: string; deletedAt: string | null }) => [x.id, x.deletedAt !== null]);
    expect(await listed()).toEqual([[p.id, false]]);
    expect((await env.request(`/api/v1/projects/${p.id}`, { method: 'DELETE', cookie })).status).toBe(204);
    expect(await listed()).toEqual([]);
    expect(await listed('&includeDeleted=true')).toEqual([[p.id, true]]);
    // Its page still opens (to be restored), but it takes no changes and no time while deleted.
    const tomb = await env.request(`/api/v1/projects/${p.id}`, { cookie });
    expect([tomb.status, (await json(tomb)).deletedAt]).toEqual([200, expect.any(String)]);
    expect((await env.request(`/api/v1/projects/${p.id}`, { method: 'PATCH', cookie, json: { name: 'Edited' } })).status).toBe(404);
    expect((await post('/api/v1/time-entries', { projectId: p.id, date: '2026-11-02', hours: '1' })).status).toBe(404);
    // Another company sees none of it.
    expect((await env.request(`/api/v1/projects/${p.id}`, { cookie: other })).status).toBe(404);
    const back = await post(`/api/v1/projects/${p.id}/restore`, undefined);
    expect([back.status, await json(back)]).toEqual([200, expect.objectContaining({ name: 'Oops', deletedAt: null })]);
    expect(await listed()).toEqual([[p.id, false]]);
    expect((await post(`/api/v1/projects/${p.id}/restore`, undefined)).status).toBe(404); // not deleted now
  });

  it('shows budget use from the time recorded', async () => {
    const p = await json(await post('/api/v1/projects', { name: 'Budgeted', billingType: 'hourly', budgetHours: 10, budgetAmount: '1500' }));
    await post('/api/v1/time-entries', { projectId: p.id, date: '2026-11-02', hours: '2:30' });
    const again = await json(await env.request(`/api/v1/projects/${p.id}`, { cookie }));
    expect(again).toMatchObject({ budgetMinutes: 600, budgetCents: 150000, usedMinutes: 150 });
  });
});

describe('time entries', () => {
  let projectId = '';
  beforeAll(async () => {
    projectId = (await json(await post('/api/v1/projects', { name: 'Time', billingType: 'hourly', hourlyRate: '120' }))).id;
  });

  it('refuses negative, absurd and unreadable durations, and another company’s project, writing nothing', async () => {
    const before = await count('time_entries');
    for (const hours of ['-1', '0', '25', '1:75', 'lots']) {
      const res = await post('/api/v1/time-entries', { projectId, date: '2026-11-03', hours });
      expect(res.status).toBe(400);
      expect((await json(res)).error.fields.hours).toBeDefined();
    }
    expect((await post('/api/v1/time-entries', { projectId, date: '2026-02-30', hours: '1' })).status).toBe(400);
    // A two-digit year is a typo (and Date.UTC would read it as 19xx).
    expect((await post('/api/v1/time-entries', { projectId, date: '0050-01-01', hours: '1', startTime: '09:00' })).status).toBe(400);
    // A day holds 24 hours, however the entries add up.
    expect((await post('/api/v1/time-entries', { projectId, date: '2026-10-05', hours: '24' })).status).toBe(201);
    const overfull = await post('/api/v1/time-entries', { projectId, date: '2026-10-05', hours: '1' });
    expect([overfull.status, (await json(overfull)).error.code]).toEqual([422, 'DAY_OVER_24_HOURS']);
    // New time goes on active projects only.
    const done = await json(await post('/api/v1/projects', { name: 'Wrapped up', billingType: 'hourly', hourlyRate: '100' }));
    await env.request(`/api/v1/projects/${done.id}`, { method: 'PATCH', cookie, json: { status: 'completed' } });
    const late = await post('/api/v1/time-entries', { projectId: done.id, date: '2026-11-03', hours: '1' });
    expect([late.status, (await json(late)).error.code]).toEqual([422, 'PROJECT_NOT_ACTIVE']);
    const foreignProject = await json(await post('/api/v1/projects', { name: 'Theirs', billingType: 'hourly' }, other));
    expect((await post('/api/v1/time-entries', { projectId: foreignProject.id, date: '2026-11-03', hours: '1' })).status).toBe(404);
    expect(await count('time_entries')).toBe(before + 1);
  });

  it('changes an entry\'s service by name alone to a custom one, and answers a change that comes to nothing', async () => {
    const item = await json(await post('/api/v1/catalog', { type: 'service', name: 'Design', rate: '150' }));
    const e = await json(await post('/api/v1/time-entries', { projectId, date: '2026-10-06', hours: '1', catalogItemId: item.id }));
    expect(e.serviceName).toBe('Design');
    const renamed = await json(await env.request(`/api/v1/time-entries/${e.id}`, { method: 'PATCH', cookie, json: { serviceName: 'Meeting' } }));
    expect(renamed.serviceName).toBe('Meeting');
    const [row] = await env.owner.db.execute<{ item: string | null }>(sql`select catalog_item_id as item from time_entries where id = ${e.id}`);
    expect(row!.item).toBeNull(); // no longer billed at Design's rate
    expect((await env.request(`/api/v1/time-entries/${e.id}`, { method: 'PATCH', cookie, json: { confirmOverlap: true } })).status).toBe(200);
  });

  it('warns about overlapping entries and saves them only when confirmed', async () => {
    expect((await post('/api/v1/time-entries', { projectId, date: '2026-11-04', startTime: '09:00', hours: '2' })).status).toBe(201);
    const clash = await post('/api/v1/time-entries', { projectId, date: '2026-11-04', startTime: '10:30', hours: '1' });
    expect(clash.status).toBe(409);
    // Said in the company's time, as the start was typed.
    expect((await json(clash)).error).toMatchObject({ code: 'OVERLAP', message: expect.stringMatching(/your 2:00 on P-\d+ from 09:00 on 2026-11-04/) });
    expect((await post('/api/v1/time-entries', { projectId, date: '2026-11-04', startTime: '11:00', hours: '1' })).status).toBe(201); // touching is fine
    expect((await post('/api/v1/time-entries', { projectId, date: '2026-11-04', startTime: '10:30', hours: '1', confirmOverlap: true })).status).toBe(201);
  });

  it('an edit to when time happened is checked for overlaps too, and a new day keeps its start time', async () => {
    const patch = (id: string, body: object) => env.request(`/api/v1/time-entries/${id}`, { method: 'PATCH', cookie, json: body });
    const morning = await json(await post('/api/v1/time-entries', { projectId, date: '2026-11-09', startTime: '09:00', hours: '1' }));
    const noon = await json(await post('/api/v1/time-entries', { projectId, date: '2026-11-09', startTime: '12:00', hours: '1' }));
    // Moved into the morning's hour, or grown into noon: a warning, and nothing saved.
    const moved = await patch(noon.id, { startTime: '09:30' });
    expect([moved.status, (await json(moved)).error.code]).toEqual([409, 'OVERLAP']);
    expect((await patch(morning.id, { hours: '3:30' })).status).toBe(409);
    expect((await json(await env.request(`/api/v1/time-entries?from=2026-11-09&to=2026-11-09`, { cookie }))).items.map((e: { durationSeconds: number }) => e.durationSeconds).sort()).toEqual([3600, 3600]);
    // Confirmed, it is saved with its new start.
    const kept = await patch(noon.id, { startTime: '09:30', confirmOverlap: true });
    expect(kept.status).toBe(200);
    const keptAt = (await json(kept)).startedAt as string;
    // A new day moves the start with it, at the same time of day.
    const nextDay = await json(await patch(noon.id, { date: '2026-11-10' }));
    expect([nextDay.date, Date.parse(nextDay.startedAt) - Date.parse(keptAt)]).toEqual(['2026-11-10', 86_400_000]);
  });

  it('rounds for billing beside the raw time, never editing it', async () => {
    expect((await env.request('/api/v1/company/time-settings', { method: 'PATCH', cookie, json: { roundingIncrementMinutes: 15, roundingMode: 'up' } })).status).toBe(200);
    const entry = await json(await post('/api/v1/time-entries', { projectId, date: '2026-11-05', hours: '1:07' }));
    expect(entry).toMatchObject({ durationSeconds: 4020, billedSeconds: 4500, rounding: { incrementMinutes: 15, mode: 'up' } });
    const [row] = await env.owner.db.execute<{ duration_seconds: number }>(sql`select duration_seconds from time_entries where id = ${entry.id}`);
    expect(row!.duration_seconds).toBe(4020);
    await env.request('/api/v1/company/time-settings', { method: 'PATCH', cookie, json: { roundingIncrementMinutes: 0 } });
  });

  it('lets a client and a project override the company rounding, project first', async () => {
    await env.request('/api/v1/company/time-settings', { method: 'PATCH', cookie, json: { roundingIncrementMinutes: 15, roundingMode: 'up' } });
    const client = await json(await post('/api/v1/clients', { kind: 'business', name: 'Rounder', roundingIncrementMinutes: 6, roundingMode: 'up' }));
    expect(client).toMatchObject({ roundingIncrementMinutes: 6, roundingMode: 'up' });
    const byClient = await json(await post('/api/v1/projects', { name: 'Client rule', billingType: 'hourly', clientId: client.id }));
    const byProject = await json(await post('/api/v1/projects', { name: 'Own rule', billingType: 'hourly', clientId: client.id, roundingIncrementMinutes: 30, roundingMode: 'nearest' }));
    const onClient = await json(await post('/api/v1/time-entries', { projectId: byClient.id, date: '2026-11-05', hours: '1:07' }));
    const onProject = await json(await post('/api/v1/time-entries', { projectId: byProject.id, date: '2026-11-05', hours: '1:07' }));
    expect(onClient).toMatchObject({ durationSeconds: 4020, billedSeconds: 4320, rounding: { incrementMinutes: 6, mode: 'up' } });
    expect(onProject).toMatchObject({ durationSeconds: 4020, billedSeconds: 3600, rounding: { incrementMinutes: 30, mode: 'nearest' } });
    // Clearing the project's rule falls back to the client's.
    await env.request(`/api/v1/projects/${byProject.id}`, { method: 'PATCH', cookie, json: { roundingIncrementMinutes: null, roundingMode: null } });
    const again = (await json(await env.request(`/api/v1/time-entries?projectId=${byProject.id}`, { cookie }))).items[0];
    expect(again).toMatchObject({ billedSeconds: 4320, rounding: { incrementMinutes: 6 } });
    await env.request('/api/v1/company/time-settings', { method: 'PATCH', cookie, json: { roundingIncrementMinutes: 0 } });
    expect((await post('/api/v1/clients', { kind: 'business', name: 'Odd', roundingIncrementMinutes: 7 })).status).toBe(400);
  });

  it('goes draft → submitted → approved; billed time is locked', async () => {
    const entry = await json(await post('/api/v1/time-entries', { projectId, date: '2026-11-06', hours: '3' }));
    expect((await post(`/api/v1/time-entries/${entry.id}/approve`, undefined)).status).toBe(422);
    expect((await json(await post(`/api/v1/time-entries/${entry.id}/submit`, undefined))).status).toBe('submitted');
    expect((await env.request(`/api/v1/time-entries/${entry.id}`, { method: 'PATCH', cookie, json: { notes: 'late edit' } })).status).toBe(422);
    const approved = await json(await post(`/api/v1/time-entries/${entry.id}/approve`, undefined));
    expect(approved).toMatchObject({ status: 'approved', approvedBy: expect.any(String) });
    await env.owner.db.execute(sql`update time_entries set status = 'billed' where id = ${entry.id}`);
    for (const res of [
      await env.request(`/api/v1/time-entries/${entry.id}`, { method: 'PATCH', cookie, json: { hours: '1' } }),
      await env.request(`/api/v1/time-entries/${entry.id}`, { method: 'DELETE', cookie }),
      await post(`/api/v1/time-entries/${entry.id}/reject`, { reason: 'no' }),
    ]) {
      expect(res.status).toBe(409);
      expect((await json(res)).error.code).toBe('TIME_LOCKED');
    }
  });

  it('adds a week up by project, service and day', async () => {
    for (const week of ['2024-13-01', '2024-02-31']) expect((await env.request(`/api/v1/timesheet?week=${week}`, { cookie })).status).toBe(400);
    const sheet = await json(await env.request('/api/v1/timesheet?week=2026-11-04', { cookie }));
    expect(sheet.weekStart).toBe('2026-11-02');
    expect(sheet.days).toHaveLength(7);
    const line = sheet.rows.find((r: { project: { label: string } }) => r.project.label.endsWith('· Time'));
    expect(line.seconds[2]).toBe((2 + 1 + 1) * 3600); // Wednesday 4 Nov: 2 h + 1 h + 1 h
    expect(sheet.total).toBe(sheet.totals.reduce((a: number, b: number) => a + b, 0));
  });
});

describe('vendors and the client timeline', () => {
  it('keeps vendors with search, soft delete and restore, and refuses a bad email writing nothing', async () => {
    const v = await json(await post('/api/v1/vendors', { name: 'Paper Supply', email: 'orders@paper.example', website: 'https://paper.example' }));
    expect(v).toMatchObject({ name: 'Paper Supply', email: 'orders@paper.example' });
    const before = await count('vendors');
    expect((await json(await post('/api/v1/vendors', { name: 'Bad', email: 'nope' }))).error.fields.email).toBeDefined();
    expect(await count('vendors')).toBe(before);
    expect((await json(await env.request('/api/v1/vendors?q=paper', { cookie }))).items).toHaveLength(1);
    expect((await env.request(`/api/v1/vendors/${v.id}`, { method: 'DELETE', cookie })).status).toBe(204);
    expect((await json(await env.request('/api/v1/vendors?q=paper', { cookie }))).items).toHaveLength(0);
    expect((await post(`/api/v1/vendors/${v.id}/restore`, undefined)).status).toBe(200);
  });

  it('tells a client’s story: its changes, its projects and the time recorded for it, newest first', async () => {
    const client = await json(await post('/api/v1/clients', { kind: 'business', name: 'Storyco' }));
    await env.request(`/api/v1/clients/${client.id}`, { method: 'PATCH', cookie, json: { notes: 'prefers email' } });
    const project = await json(await post('/api/v1/projects', { name: 'Story site', billingType: 'hourly', clientId: client.id }));
    await post('/api/v1/time-entries', { projectId: project.id, date: '2026-11-10', hours: '1:30', notes: 'kickoff' });
    const { items, nextCursor } = await json(await env.request(`/api/v1/clients/${client.id}/timeline`, { cookie }));
    expect(items.map((i: { title: string }) => i.title)).toEqual(['Time recorded: 1:30', 'Project created', 'Client updated', 'Client created']);
    expect(items[0]).toMatchObject({ kind: 'time', detail: `${project.label} — kickoff (draft)`, actor: { email: 'work@example.com' } });
    expect(nextCursor).toBeNull();
    const paged = await json(await env.request(`/api/v1/clients/${client.id}/timeline?limit=3`, { cookie }));
    const rest = await json(await env.request(`/api/v1/clients/${client.id}/timeline?limit=3&cursor=${paged.nextCursor}`, { cookie }));
    expect([...paged.items, ...rest.items].map((i: { id: string }) => i.id)).toEqual(items.map((i: { id: string }) => i.id));

    // Staff see clients, but others' time only through time.approve: the timeline shows a staff member their own time alone.
    const staff = await joinCompany(env, cookie, 'timeline-staff@example.com', 'staff');
    const theirs = (await json(await env.request(`/api/v1/clients/${client.id}/timeline`, { cookie: staff.cookie }))).items;
    expect(theirs.filter((i: { kind: string }) => i.kind === 'time')).toEqual([]);
    expect(JSON.stringify(theirs)).not.toContain('kickoff');
  });
});
