/** CSV import of projects and time: the clients import's dry-run-then-commit flow, with names looked up in the company. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, json, sessionCookie, startTestEnv, type TestEnv } from '../support/harness';
import { joinCompany } from '../support/members';

let env: TestEnv;
let owner = '';
let staff: { cookie: string; userId: string };
let ownerId = '';

beforeAll(async () => {
  env = await startTestEnv({ worker: true, env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
  const res = await env.request('/api/v1/auth/signup', { method: 'POST', json: { email: 'owner@example.com', password: 'correct horse battery', companyName: 'Import Co' } });
  owner = sessionCookie(res);
  ownerId = (await json(res)).user.id;
  await eventually(async () => ((await json(await env.request('/api/v1/onboarding', { cookie: owner }))).status === 'complete' ? true : undefined));
  staff = await joinCompany(env, owner, 'staff@example.com', 'staff');
});
afterAll(async () => { await env?.close(); });

const post = (path: string, body: unknown, cookie = owner) => env.request(path, { method: 'POST', cookie, json: body });
const count = async (table: string) => (await env.owner.db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;
const problems = (preview: { rows: { line: number; ok: boolean; errors: Record<string, string> }[] }) =>
  Object.fromEntries(preview.rows.filter((r) => !r.ok).map((r) => [r.line, r.errors]));
const csv = (...lines: string[]) => lines.join('\n') + '\n';

describe('projects', () => {
  const importProjects = (text: string, dryRun: boolean, cookie = owner) => post('/api/v1/projects/import', { csv: text, dryRun }, cookie);

  it('imports nothing until the dry run is clean, naming each bad row and column', async () => {
    await post('/api/v1/clients', { kind: 'business', name: 'Acme Corp' });
    await post('/api/v1/clients', { kind: 'business', name: 'Twin' });
    await post('/api/v1/clients', { kind: 'person', name: 'twin' });
    const header = 'name,client,billing_type,hourly_rate,flat_fee,budget_hours,budget_amount,status';
    const good = ['Website,acme corp,hourly,$150.00,,40,"$10,000",active', 'Logo,Acme Corp,Flat fee,,2500,,,On hold', 'Internal,,non-billable,,,12.5,,'];
    const bad = [
      'Ghost,Nobody Inc,hourly,100,,,,', // 6: no such client
      'Pair,Twin,hourly,100,,,,', // 7: two clients of that name
      'Cheap,,hourly,12.345,,,,', // 8: three decimals
      'Weekly,,weekly,100,,,,', // 9: no such billing type
      'Vague,,hourly,,,lots,,', // 10: hours not a number
      ',,hourly,,,,,', // 11: no name
      'Paused,,hourly,,,,,paused', // 12: no such status
    ];
    const file = csv(header, ...good, ...bad);
    const dry = await json(await importProjects(file, true));
    expect(dry).toMatchObject({ valid: 3, invalid: 7, imported: 0 });
    const p = problems(dry);
    expect(Object.fromEntries(Object.entries(p).map(([line, e]) => [line, Object.keys(e)]))).toEqual({
      5: ['client'], 6: ['client'], 7: ['hourly_rate'], 8: ['billing_type'], 9: ['budget_hours'], 10: ['name'], 11: ['status'],
    });
    expect(p[5]!.client).toBe('No client named “Nobody Inc”. Add the client first, or fix the name.');
    expect(p[6]!.client).toMatch(/Several clients are named “Twin”/);
    expect(p[8]!.billing_type).toBe('Use hourly, flat_fee or non_billable.');

    const refused = await importProjects(file, false);
    expect(refused.status).toBe(422);
    expect((await json(refused)).error.code).toBe('IMPORT_HAS_ERRORS');
    expect(await count('projects')).toBe(0);

    const done = await importProjects(csv(header, ...good), false);
    expect(done.status).toBe(201);
    expect((await json(done)).imported).toBe(3);
    const items = (await json(await env.request('/api/v1/projects', { cookie: owner }))).items;
    expect(items.map((x: { label: string }) => x.label)).toEqual(['P-00003 · Internal', 'P-00002 · Logo', 'P-00001 · Website']);
    expect(items[2]).toMatchObject({ client: { name: 'Acme Corp' }, billingType: 'hourly', hourlyRateCents: 15000, budgetMinutes: 2400, budgetCents: 1000000, status: 'active' });
    expect(items[1]).toMatchObject({ billingType: 'flat_fee', flatFeeCents: 250000, status: 'on_hold' });
    expect(items[0]).toMatchObject({ client: null, billingType: 'non_billable', budgetMinutes: 750 });
    const [audit] = await env.owner.db.execute<{ after: { rows: number; first: string; last: string } }>(sql`select after from audit_events where action = 'project.imported'`);
    expect(audit!.after).toEqual({ rows: 3, first: 'P-00001', last: 'P-00003', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('refuses a header with an unknown (misspelt) column, and staff cannot import projects', async () => {
    const res = await importProjects(csv('name,hourly rate', 'Site,100'), true);
    expect(res.status).toBe(400);
    expect((await json(res)).error.fields.csv).toMatch(/Unknown column: hourly rate\. Known columns: name, client, billing_type/);
    expect((await importProjects(csv('name', 'Mine'), true, staff.cookie)).status).toBe(403);
  });
});

describe('time', () => {
  const importTime = (text: string, dryRun: boolean, cookie = owner) => post('/api/v1/time-entries/import', { csv: text, dryRun }, cookie);
  const header = 'date,person,project,service,hours,notes,billable';
  let site: { id: string; number: string };
  let design: { id: string };

  beforeAll(async () => {
    design = await json(await post('/api/v1/catalog', { type: 'service', name: 'Design', rate: '120' }));
    await post('/api/v1/catalog', { type: 'service', name: 'Consulting', rate: '200' });
    site = await json(await post('/api/v1/projects', { name: 'Site', billingType: 'hourly', hourlyRate: '100', services: [{ catalogItemId: design.id }, { name: 'Support' }] }));
    await post('/api/v1/projects', { name: 'Dup', billingType: 'hourly' });
    await post('/api/v1/projects', { name: 'Dup', billingType: 'hourly' });
  });

  it('imports draft entries once every row is clean, with a clear problem for each bad row', async () => {
    const good = [
      `2026-11-02,OWNER@example.com,${site.number},design,1:30,Homepage,`,
      '2026-11-02,staff@example.com,site,Support,0.5,Calls,no',
      `2026-11-03,,${site.number} · Site,consulting,2h,"Workshop, day one",yes`,
    ];
    const bad = [
      `2026-11-04,,${site.number},,-1,,`, // 5
      `2026-11-04,,${site.number},,30,,`, // 6
      `2026-11-04,,${site.number},,0:00,,`, // 7
      `2026-02-30,,${site.number},,1,,`, // 8
      `2026-11-04,nobody@example.com,${site.number},,1,,`, // 9
      '2026-11-04,,Dup,,1,,', // 10
      `2026-11-04,,${site.number},Massage,1,,`, // 11
      `2026-11-04,,${site.number},,1,,maybe`, // 12
      '2026-11-04,,P-99999,,1,,', // 13
      `2026-11-04,,${site.number},,1:75,,`, // 14
    ];
    const file = csv(header, ...good, ...bad);
    const dry = await json(await importTime(file, true));
    expect(dry).toMatchObject({ valid: 3, invalid: 10, imported: 0 });
    expect(problems(dry)).toEqual({
      5: { hours: 'Time worked cannot be negative.' },
      6: { hours: 'At most 24 hours in one entry; split longer work across days.' },
      7: { hours: 'Enter more than zero time.' },
      8: { date: 'Use a real date, YYYY-MM-DD.' },
      9: { person: 'No member of the company has the email nobody@example.com.' },
      10: { project: 'Several projects are named “Dup”; use the project number instead.' },
      11: { service: `No service “Massage” on ${site.number} or in the catalog.` },
      12: { billable: 'Use yes or no.' },
      13: { project: 'No project “P-99999”. Use its number, like P-00001, or its exact name.' },
      14: { hours: 'Enter hours like 1.5 or a duration like 1:30.' },
    });
    expect((await importTime(file, false)).status).toBe(422);
    expect(await count('time_entries')).toBe(0);

    const done = await importTime(csv(header, ...good), false);
    expect(done.status).toBe(201);
    expect((await json(done)).imported).toBe(3);
    const rows = await env.owner.db.execute<{ user_id: string; catalog_item_id: string | null; service_name: string; duration_seconds: number; billable: boolean; status: string; notes: string }>(
      sql`select user_id, catalog_item_id, service_name, duration_seconds, billable, status, notes from time_entries order by work_date, duration_seconds desc`);
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { user_id: ownerId, catalog_item_id: design.id, service_name: 'Design', duration_seconds: 5400, billable: true, status: 'draft', notes: 'Homepage' },
      { user_id: staff.userId, catalog_item_id: null, service_name: 'Support', duration_seconds: 1800, billable: false, status: 'draft', notes: 'Calls' },
      { user_id: ownerId, catalog_item_id: expect.any(String), service_name: 'Consulting', duration_seconds: 7200, billable: true, status: 'draft', notes: 'Workshop, day one' },
    ]);
  });

  it('lets staff import their own time only', async () => {
    const others = await json(await importTime(csv(header, `2026-11-05,owner@example.com,${site.number},,1,,`), true, staff.cookie));
    expect(problems(others)).toEqual({ 2: { person: 'You can import only your own time; a manager can import other people’s.' } });
    const own = await importTime(csv(header, `2026-11-05,staff@example.com,${site.number},,1,,`, `2026-11-05,,${site.number},,0:45,,`), false, staff.cookie);
    expect(own.status).toBe(201);
    const mine = await env.owner.db.execute<{ n: number }>(sql`select count(*)::int as n from time_entries where user_id = ${staff.userId} and work_date = '2026-11-05'`);
    expect(mine[0]!.n).toBe(2);
  });

  it('holds imported time to the rules typed-in time keeps: an active project, a day of at most 24 hours', async () => {
    const paused = await json(await post('/api/v1/projects', { name: 'Paused', billingType: 'hourly', status: 'on_hold' }));
    // Staff has 1:45 on 2026-11-05 already (the test before); a day fills up across the file's rows too.
    const file = csv(header,
      `2026-11-06,,${paused.number},,1,,`, // 2
      `2026-11-05,,${site.number},,12,,`, // 3
      `2026-11-05,,${site.number},,12,,`, // 4: 1:45 + 12 + 12 > 24
      `2026-11-05,,${site.number},,2,,`, // 5: 1:45 + 12 + 2 fits
    );
    const dry = await json(await importTime(file, true, staff.cookie));
    expect(problems(dry)).toEqual({
      2: { project: `${paused.number} · Paused is not active; time goes on active projects.` },
      4: { hours: '2026-11-05 already holds 13:45 for this person; with this row it would hold more than 24 hours.' },
    });
    expect(dry).toMatchObject({ valid: 2, invalid: 2 });
  });
});
