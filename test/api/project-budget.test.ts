/** A project's money budget used: its billable time priced by the billing rule, the same as an invoice would bill it. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually, json, sessionCookie, startTestEnv, type TestEnv } from '../support/harness';

let env: TestEnv;
let cookie = '';
beforeAll(async () => {
  env = await startTestEnv({ worker: true, env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
  const res = await env.request('/api/v1/auth/signup', { method: 'POST', json: { email: 'budget@example.com', password: 'correct horse battery', companyName: 'Budget Co' } });
  cookie = sessionCookie(res);
  await eventually(async () => ((await json(await env.request('/api/v1/onboarding', { cookie }))).status === 'complete' ? true : undefined));
});
afterAll(async () => { await env?.close(); });

const call = (method: string, path: string, body?: unknown) => env.request(path, { method, cookie, ...(body !== undefined && { json: body }) });
const post = async (path: string, body?: unknown) => json(await call('POST', path, body));
const project = async (id: string) => json(await call('GET', `/api/v1/projects/${id}`));

it('prices billable time at the service rate (else the project rate), each entry rounded, and matches the invoice to the cent', async () => {
  await call('PATCH', '/api/v1/company/time-settings', { roundingIncrementMinutes: 15, roundingMode: 'up' });
  const client = await post('/api/v1/clients', { kind: 'business', name: 'Hooli' });
  const design = await post('/api/v1/catalog', { type: 'service', name: 'Design', rate: '120' });
  const p = await post('/api/v1/projects', {
    name: 'Site', billingType: 'hourly', hourlyRate: '100', budgetAmount: '1000', clientId: client.id, services: [{ catalogItemId: design.id }, { name: 'Support' }],
  });
  expect(p).toMatchObject({ usedCents: 0, budgetCents: 100000 });

  const entry = (body: object) => post('/api/v1/time-entries', { projectId: p.id, date: '2026-11-16', ...body });
  const entries = [
    await entry({ catalogItemId: design.id, hours: '1:07' }), // billed 1:15
    await entry({ catalogItemId: design.id, hours: '0:20' }), // billed 0:30 → Design 1.750 h × $120 = $210.00
    await entry({ serviceName: 'Support', hours: '0:10' }), // billed 0:15 → 0.250 h × $100 = $25.00
  ];
  await entry({ catalogItemId: design.id, hours: '2', billable: false }); // not billable: not counted
  const rounded = await project(p.id);
  expect(rounded).toMatchObject({ usedMinutes: 217, usedCents: 23500 });

  // The project's own rule wins: no rounding. Design 1:27 = 1.450 h → $174.00; Support 0:10 = 0.167 h → $16.70.
  await call('PATCH', `/api/v1/projects/${p.id}`, { roundingIncrementMinutes: 0 });
  expect((await project(p.id)).usedCents).toBe(19070);
  // The list answers the same figure as the single project.
  const listed = (await json(await call('GET', '/api/v1/projects'))).items.find((x: { id: string }) => x.id === p.id);
  expect(listed.usedCents).toBe(19070);

  // Billing the same time on an invoice charges exactly what the budget counted.
  for (const e of entries) {
    await post(`/api/v1/time-entries/${e.id}/submit`);
    await post(`/api/v1/time-entries/${e.id}/approve`);
  }
  const invoice = await post('/api/v1/documents', { kind: 'invoice', clientId: client.id, lines: [] });
  const billed = await post(`/api/v1/documents/${invoice.id}/time`, {});
  expect(billed.billedEntries).toBe(3);
  expect(billed.document.subtotalCents).toBe(19070);
  expect((await project(p.id)).usedCents).toBe(19070);

  // Billed time counts at what its invoices charged, whatever happens to the rates later; time billed
  // across several invoices counts at each invoice's figure (three 20-minute entries: 3 × $33.30).
  await call('PATCH', `/api/v1/catalog/${design.id}`, { rate: '500' });
  expect((await project(p.id)).usedCents).toBe(19070);
  await call('PATCH', '/api/v1/company/time-settings', { roundingIncrementMinutes: 0 });
  const monthly = await post('/api/v1/projects', { name: 'Monthly', billingType: 'hourly', hourlyRate: '100', clientId: client.id });
  let charged = 0;
  for (const date of ['2026-09-01', '2026-10-01', '2026-11-01']) {
    const e = await post('/api/v1/time-entries', { projectId: monthly.id, date, hours: '0:20' });
    await post(`/api/v1/time-entries/${e.id}/submit`);
    await post(`/api/v1/time-entries/${e.id}/approve`);
    const inv = await post('/api/v1/documents', { kind: 'invoice', clientId: client.id, lines: [] });
    charged += (await post(`/api/v1/documents/${inv.id}/time`, { entryIds: [e.id] })).document.subtotalCents;
  }
  expect(charged).toBe(9990); // priced together, the same hour would be $100.00
  expect((await project(monthly.id)).usedCents).toBe(charged);
});

it('falls back to the client’s rounding, then the company’s, and counts nothing without a rate', async () => {
  await call('PATCH', '/api/v1/company/time-settings', { roundingIncrementMinutes: 30, roundingMode: 'up' });
  const client = await post('/api/v1/clients', { kind: 'person', name: 'Rounds Six', roundingIncrementMinutes: 6, roundingMode: 'up' });
  const byClient = await post('/api/v1/projects', { name: 'By client', billingType: 'hourly', hourlyRate: '60', clientId: client.id });
  const byCompany = await post('/api/v1/projects', { name: 'By company', billingType: 'hourly', hourlyRate: '60' });
  const noRate = await post('/api/v1/projects', { name: 'No rate', billingType: 'flat_fee', flatFee: '500' });
  for (const id of [byClient.id, byCompany.id, noRate.id]) await post('/api/v1/time-entries', { projectId: id, date: '2026-11-17', hours: '0:01' });
  expect((await project(byClient.id)).usedCents).toBe(600); // 6 minutes at $60/h
  expect((await project(byCompany.id)).usedCents).toBe(3000); // 30 minutes at $60/h
  expect((await project(noRate.id)).usedCents).toBe(0);
});
