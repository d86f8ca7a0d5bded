import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseCsv } from '../../domain/csv';
import { eventually, json, sessionCookie, startTestEnv, type TestEnv } from '../support/harness';

let env: TestEnv;
let cookie = '';
beforeAll(async () => {
  env = await startTestEnv({ worker: true, env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
  const res = await env.request('/api/v1/auth/signup', { method: 'POST', json: { email: 'csv@example.com', password: 'correct horse battery', companyName: 'CSV Co' } });
  cookie = sessionCookie(res);
  await eventually(async () => ((await json(await env.request('/api/v1/onboarding', { cookie }))).status === 'complete' ? true : undefined));
});
afterAll(async () => { await env?.close(); });

const clients = async () => (await env.owner.db.execute<{ n: number }>(sql`select count(*)::int as n from clients`))[0]!.n;
const importCsv = (csv: string, dryRun: boolean) => env.request('/api/v1/clients/import', { method: 'POST', cookie, json: { csv, dryRun } });

const broken = [
  'name,kind,email,payment_terms_days,tags,country,state',
  'Acme Corp,business,ap@acme.example,30,vip;retainer,US,NY',
  ',person,,,,,',
  'Bad Email,business,not-an-email,15,,,',
  'Too Long Terms,business,,999,,,',
  '"Comma, Inc.",business,,,,GB,',
  'Smith, Jones,business,ap@sj.example,30,,US,NY',
].join('\n');

it('imports nothing until the dry run is clean, naming each bad row and field', async () => {
  const dry = await json(await importCsv(broken, true));
  expect(dry).toMatchObject({ valid: 2, invalid: 4, imported: 0 });
  expect(dry.rows.filter((r: { ok: boolean }) => !r.ok).map((r: { line: number; errors: object }) => [r.line, Object.keys(r.errors)])).toEqual([
    // Line 7's unquoted comma shifts its cells: named, rather than imported as "Smith" of kind " Jones".
    [3, ['name']], [4, ['email']], [5, ['payment_terms_days']], [7, expect.arrayContaining(['row'])],
  ]);
  const commit = await importCsv(broken, false);
  expect(commit.status).toBe(422);
  expect((await json(commit)).error.code).toBe('IMPORT_HAS_ERRORS');
  expect(await clients()).toBe(0);

  const fixed = broken.split('\n').filter((_, i) => i === 0 || i === 1 || i === 5).join('\n');
  expect((await json(await importCsv(fixed, true))).invalid).toBe(0);
  const done = await importCsv(fixed, false);
  expect(done.status).toBe(201);
  expect((await json(done)).imported).toBe(2);
  expect(await clients()).toBe(2);
  const acme = (await json(await env.request('/api/v1/clients?q=acme', { cookie }))).items[0];
  expect(acme).toMatchObject({ email: 'ap@acme.example', tags: ['vip', 'retainer'], address: { country: 'US', state: 'NY' } });

  // The same file committed again (a retry after a lost answer, a second click) is not imported twice.
  const again = await importCsv(fixed, false);
  expect([again.status, (await json(again)).error.code]).toEqual([409, 'ALREADY_IMPORTED']);
  expect(await clients()).toBe(2);
});

it('refuses a file that is not UTF-8 text rather than importing garbled names', async () => {
  const res = await importCsv('name\nSoci\uFFFDt\uFFFD G\uFFFDn\uFFFDrale\n', true);
  expect([res.status, (await json(res)).error.fields.csv]).toEqual([400, expect.stringMatching(/UTF-8/)]);
});

it('refuses a file without a header naming the columns, or with an unclosed quote', async () => {
  expect((await json(await importCsv('Acme,business\n', true))).error.fields.csv).toMatch(/name/);
  expect((await json(await importCsv('name\n"unclosed\n', true))).error.fields.csv).toMatch(/quoted/);
});

it('exports clients, projects and time with formula cells neutralised', async () => {
  await env.request('/api/v1/clients', { method: 'POST', cookie, json: { kind: 'business', name: '=cmd|\' /C calc\'!A0', notes: '+SUM(1,2)' } });
  const res = await env.request('/api/v1/clients/export', { cookie });
  expect(res.headers.get('content-type')).toContain('text/csv');
  expect(res.headers.get('content-disposition')).toContain('clients.csv');
  const text = await res.text();
  expect(text).toContain(`"'=cmd|' /C calc'!A0"`);
  expect(text).toContain(`"'+SUM(1,2)"`);
  const rows = parseCsv(text);
  expect(rows[0]![0]).toBe('name');
  expect(rows.find((r) => r[0]!.startsWith("'="))).toBeDefined();

  const project = await json(await env.request('/api/v1/projects', { method: 'POST', cookie, json: { name: '@risky', billingType: 'hourly', hourlyRate: '90' } }));
  await env.request('/api/v1/time-entries', { method: 'POST', cookie, json: { projectId: project.id, date: '2026-11-09', hours: '1', notes: '-1 day' } });
  const projects = parseCsv(await (await env.request('/api/v1/projects/export', { cookie })).text());
  expect(projects[1]).toEqual(['P-00001', "'@risky", 'active', 'hourly', '9000', '', '', '', 'USD']);
  const time = parseCsv(await (await env.request('/api/v1/time-entries/export?from=2026-11-01', { cookie })).text());
  expect(time[1]).toEqual(['2026-11-09', 'csv@example.com', 'P-00001 · @risky', '', "'-1 day", '3600', 'draft', 'true']);
});
