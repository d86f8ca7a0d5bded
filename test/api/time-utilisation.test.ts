/**
 * Time utilisation, end to end through the API: two people's tracked time,
 * some of it non-billable, some approved and billed onto an invoice; the
 * report answers hours, billable share and billed hours per person and for the
 * team, only for the asked range, as JSON and CSV, and only to managers and up.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseCsv } from '../../domain/csv';
import { json, startTestEnv, type TestEnv } from '../support/harness';
import { signUpCompany } from '../support/company';
import { joinCompany } from '../support/members';

let env: TestEnv;
let owner = '';
let staff = '';
const post = (path: string, body: unknown, cookie = owner) => env.request(path, { method: 'POST', cookie, json: body });

beforeAll(async () => {
  env = await startTestEnv({ worker: true, env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
  ({ cookie: owner } = await signUpCompany(env, 'lead@utilise.example', 'Utilise Co'));
  ({ cookie: staff } = await joinCompany(env, owner, 'dev@utilise.example', 'staff'));
  const client = await json(await post('/api/v1/clients', { kind: 'business', name: 'Hooli', email: 'ap@hooli.example', paymentTermsDays: 30 }));
  const project = await json(await post('/api/v1/projects', { name: 'Site', clientId: client.id, billingType: 'hourly', hourlyRate: '100' }));
  const entry = async (cookie: string, date: string, hours: string, billable = true) => {
    const res = await post('/api/v1/time-entries', { projectId: project.id, date, hours, billable }, cookie);
    expect(res.status, await res.clone().text()).toBe(201);
    return (await json(res)).id as string;
  };
  // The lead: 6 h billable (4 h of it billed below) and 2 h internal in March; 1 h in April, outside the range.
  const billed = await entry(owner, '2026-03-02', '4');
  await entry(owner, '2026-03-03', '2');
  await entry(owner, '2026-03-04', '2', false);
  await entry(owner, '2026-04-01', '1');
  // The developer: 3 h 20 min billable, 40 min internal.
  await entry(staff, '2026-03-05', '3:20');
  await entry(staff, '2026-03-06', '0:40', false);

  await post(`/api/v1/time-entries/${billed}/submit`, undefined);
  expect((await json(await post(`/api/v1/time-entries/${billed}/approve`, undefined))).status).toBe('approved');
  const invoice = await json(await post('/api/v1/documents', { kind: 'invoice', clientId: client.id, lines: [] }));
  expect((await json(await post(`/api/v1/documents/${invoice.id}/time`, { entryIds: [billed] }))).billedEntries).toBe(1);
}, 60_000);
afterAll(async () => { await env?.close(); });

it('answers tracked, billable and billed hours per person and for the team over the range', async () => {
  const out = await json(await env.request('/api/v1/reports/time-utilisation?from=2026-03-01&to=2026-03-31', { cookie: owner }));
  expect(out.range).toEqual({ from: '2026-03-01', to: '2026-03-31' });
  expect(out.people.map((p: { email: string }) => p.email)).toEqual(['lead@utilise.example', 'dev@utilise.example']);
  expect(out.people[0]).toMatchObject({ totalSeconds: 8 * 3600, billableSeconds: 6 * 3600, nonBillableSeconds: 2 * 3600, billedSeconds: 4 * 3600, utilisationBps: 7_500 });
  // 12,000 s of 14,400 s: 83.333…% → 8,333 bps.
  expect(out.people[1]).toMatchObject({ totalSeconds: 4 * 3600, billableSeconds: 12_000, nonBillableSeconds: 2_400, billedSeconds: 0, utilisationBps: 8_333 });
  // 33,600 of 43,200: 77.777…% → 7,778 bps (half-up).
  expect(out.team).toEqual({ totalSeconds: 12 * 3600, billableSeconds: 33_600, nonBillableSeconds: 9_600, billedSeconds: 4 * 3600, utilisationBps: 7_778 });

  const csv = parseCsv(await (await env.request('/api/v1/reports/time-utilisation?from=2026-03-01&to=2026-03-31&format=csv', { cookie: owner })).text());
  expect(csv).toEqual([
    ['person', 'hours', 'billable_hours', 'non_billable_hours', 'utilisation_percent', 'billed_hours'],
    ['lead@utilise.example', '8.00', '6.00', '2.00', '75.00', '4.00'],
    ['dev@utilise.example', '4.00', '3.33', '0.67', '83.33', '0.00'],
    ['Team', '12.00', '9.33', '2.67', '77.78', '4.00'],
  ]);

  const empty = await json(await env.request('/api/v1/reports/time-utilisation?from=2025-01-01&to=2025-01-31', { cookie: owner }));
  expect(empty).toMatchObject({ people: [], team: { totalSeconds: 0, utilisationBps: null } });
  expect((await env.request('/api/v1/reports/time-utilisation?from=2026-03-31&to=2026-03-01', { cookie: owner })).status).toBe(400);
  // Everyone's time is for managers and up.
  expect((await env.request('/api/v1/reports/time-utilisation', { cookie: staff })).status).toBe(403);
});
