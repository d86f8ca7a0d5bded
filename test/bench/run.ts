/**
 * `npm run bench`: speed targets as ratios against a baseline measured in the
 * same run on the same machine, so they mean the same thing anywhere.
 *  1. Timer start+stop round trip through the API at 20 concurrent users, vs a
 *     plain authenticated GET /api/v1/me at the same concurrency.
 *  2. The time-entry list for a company with 200,000 entries (first page, and a
 *     filtered page), vs the bare SQL of the same query on the same driver.
 *  3. Ledger posting throughput and reports over 1,000,000 lines (./ledger.ts).
 */
import { sql } from 'drizzle-orm';
import { hashToken, newToken } from '../../db/tokens';
import { createSession, createUser } from '../../db/identity';
import { addMember } from '../../db/members';
import { listTimeEntries } from '../../db/time-entries';
import { withScope, withTenant } from '../../db/tenant';
import { invoicingReport } from './invoicing';
import { ledgerReport } from './ledger';
import { httpJson, measure, percentiles, startStack, type Stack } from './stack';

const USERS = 20;
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 200_000);

async function call(stack: Stack, path: string, cookie: string, method = 'GET', body?: unknown) {
  const res = await httpJson(stack.base + path, {
    method, headers: { cookie, origin: stack.base, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function setup(stack: Stack) {
  const signup = await fetch(`${stack.base}/api/v1/auth/signup`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: stack.base },
    body: JSON.stringify({ email: 'bench@example.com', password: 'correct horse battery', companyName: 'Bench Co' }),
  });
  const body = await signup.json() as { company: { id: string }; user: { id: string } };
  const companyId = body.company.id;
  const ownerCookie = signup.headers.get('set-cookie')!.split(';')[0]!;
  for (let i = 0; i < 100; i++) {
    const status = (await call(stack, '/api/v1/onboarding', ownerCookie)).status;
    if (status === 'complete') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const project = await call(stack, '/api/v1/projects', ownerCookie, 'POST', { name: 'Bench', billingType: 'hourly', hourlyRate: '100' });
  await stack.owner.db.execute(sql`update companies set extra_seats = 100 where id = ${companyId}`);
  // Twenty people, each with a session of their own (the timer is per person).
  const cookies: string[] = [];
  const userIds: string[] = [];
  for (let i = 0; i < USERS; i++) {
    const user = (await createUser(stack.owner.db, { email: `user${i}@example.com`, passwordHash: 'x', emailVerified: true }))!;
    await withScope(stack.database.db, { companyId, userId: user.id }, (tx) => addMember(tx, companyId, user.id, 'staff'));
    const token = newToken();
    await createSession(stack.owner.db, { tokenHash: hashToken(token), userId: user.id, activeCompanyId: companyId, expiresAt: new Date(Date.now() + 86_400_000) });
    cookies.push(`ez360_session=${token}`);
    userIds.push(user.id);
  }
  return { companyId, ownerCookie, projectId: project.id as string, cookies, userIds };
}

async function timerBench(stack: Stack, s: Awaited<ReturnType<typeof setup>>) {
  const iterations = 10;
  await measure(USERS, 2, (lane) => call(stack, '/api/v1/me', s.cookies[lane]!)); // warm up
  const baseline = percentiles(await measure(USERS, iterations * 2, (lane) => call(stack, '/api/v1/me', s.cookies[lane]!)));
  const roundTrip = percentiles(await measure(USERS, iterations, async (lane) => {
    await call(stack, '/api/v1/timer/start', s.cookies[lane]!, 'POST', { projectId: s.projectId });
    await call(stack, '/api/v1/timer/stop', s.cookies[lane]!, 'POST');
  }));
  return { baseline, roundTrip };
}

async function listBench(stack: Stack, s: Awaited<ReturnType<typeof setup>>) {
  // 200,000 entries over two years, twenty people, three projects, every status.
  const projects = [s.projectId];
  for (const name of ['Second', 'Third']) projects.push((await call(stack, '/api/v1/projects', s.ownerCookie, 'POST', { name, billingType: 'hourly' })).id);
  const t0 = performance.now();
  await stack.owner.db.execute(sql`
    insert into time_entries (id, company_id, user_id, project_id, work_date, duration_seconds, status, notes)
    select gen_random_uuid(), ${s.companyId}::uuid,
           (string_to_array(${s.userIds.join(',')}, ',')::uuid[])[1 + (g % ${USERS})],
           (string_to_array(${projects.join(',')}, ',')::uuid[])[1 + (g % 3)],
           to_char(date '2025-01-01' + (g % 730), 'YYYY-MM-DD'),
           900 + (g % 16) * 900,
           (array['draft','submitted','approved','billed'])[1 + (g % 4)],
           'entry ' || g
    from generate_series(1, ${ENTRIES}) g`);
  await stack.owner.db.execute(sql`analyze time_entries`);
  const seeded = Math.round(performance.now() - t0);

  const filtered = { projectId: projects[1]!, status: 'approved' as const, from: '2025-06-01', to: '2025-09-30' };
  const apiFirst = (i: number) => call(stack, `/api/v1/time-entries?limit=50&_=${i}`, s.ownerCookie);
  const apiFiltered = (i: number) => call(stack, `/api/v1/time-entries?limit=50&projectId=${filtered.projectId}&status=approved&from=${filtered.from}&to=${filtered.to}&_=${i}`, s.ownerCookie);
  // The bare SQL: exactly what the API's query runs, inside the same kind of tenant transaction.
  const bare = (f: object) => withTenant(stack.database.db, s.companyId, (tx) => listTimeEntries(tx, s.companyId, { ...f, limit: 50 }).execute());

  // A baseline that reads nothing measures nothing: both sides must return the same page.
  const [apiPage, sqlPage] = [await apiFirst(0), await bare({})];
  if (apiPage.items.length !== 50 || sqlPage.length !== 51) throw new Error(`list bench: the API returned ${apiPage.items.length} entries and the bare SQL ${sqlPage.length}`);
  const runs = 60;
  const p = async (fn: (i: number) => Promise<unknown>) => {
    await measure(1, 5, (_, i) => fn(i).then(() => {}));
    return percentiles(await measure(1, runs, (_, i) => fn(i).then(() => {})));
  };
  return {
    seededMs: seeded,
    // Where an API call's time goes: HTTP alone, then HTTP plus loading the session.
    http: await p(() => httpJson(`${stack.base}/version`)),
    session: await p(() => call(stack, '/api/v1/me', s.ownerCookie)),
    first: { api: await p(apiFirst), sql: await p(() => bare({})) },
    filtered: { api: await p(apiFiltered), sql: await p(() => bare(filtered)) },
  };
}

const fmt = (x: number) => x.toFixed(1).padStart(7);
const ratio = (a: number, b: number) => (a / b).toFixed(2) + '×';

// BENCH=work|invoicing|ledger runs one group (default: all). The ledger group runs first: run after the
// invoicing group's 500 lifecycles, in the same process, posting measured 0.08× where it measures 0.33×
// alone (docs/benchmarks.md); its figures are about PostgreSQL and the posting code, not what ran before.
const only = process.env.BENCH;
const stack = await startStack();
try {
  if (!only || only === 'ledger') process.stdout.write(`\n${await ledgerReport(stack)}\n`);
  const s = await setup(stack);
  if (!only || only === 'work') await appBenchmarks(s);
  if (!only || only === 'invoicing') process.stdout.write(`\n${await invoicingReport(stack, (path, cookie, method, body) => call(stack, path, cookie, method, body), s.ownerCookie, s.companyId)}\n`);
} finally {
  await stack.stop();
}

async function appBenchmarks(s: Awaited<ReturnType<typeof setup>>) {
  const timer = await timerBench(stack, s);
  const list = await listBench(stack, s);
  const report = [
    `EZ360PM benchmarks — ${new Date().toISOString()} (${process.version}, ${USERS} users, ${ENTRIES.toLocaleString()} time entries)`,
    '',
    'timer round trip (start + stop) at 20 concurrent users    p50 ms   p99 ms',
    `  GET /api/v1/me (baseline)                              ${fmt(timer.baseline.p50)}  ${fmt(timer.baseline.p99)}`,
    `  POST /timer/start + POST /timer/stop                   ${fmt(timer.roundTrip.p50)}  ${fmt(timer.roundTrip.p99)}`,
    `  ratio                                                  ${ratio(timer.roundTrip.p50, timer.baseline.p50).padStart(7)}  ${ratio(timer.roundTrip.p99, timer.baseline.p99).padStart(7)}`,
    '',
    `time-entry list (seeded in ${list.seededMs} ms)                   p50 ms   p99 ms   API/SQL p50   target`,
    `  (GET /version: HTTP alone)                             ${fmt(list.http.p50)}  ${fmt(list.http.p99)}`,
    `  (GET /api/v1/me: HTTP + session)                       ${fmt(list.session.p50)}  ${fmt(list.session.p99)}`,
    `  first page: API                                        ${fmt(list.first.api.p50)}  ${fmt(list.first.api.p99)}`,
    `  first page: bare SQL                                   ${fmt(list.first.sql.p50)}  ${fmt(list.first.sql.p99)}   ${ratio(list.first.api.p50, list.first.sql.p50).padStart(7)}   ≤2× and <50 ms: ${list.first.api.p50 <= 2 * list.first.sql.p50 && list.first.api.p50 < 50 ? 'met' : 'MISSED'}`,
    `  filtered page: API                                     ${fmt(list.filtered.api.p50)}  ${fmt(list.filtered.api.p99)}`,
    `  filtered page: bare SQL                                ${fmt(list.filtered.sql.p50)}  ${fmt(list.filtered.sql.p99)}   ${ratio(list.filtered.api.p50, list.filtered.sql.p50).padStart(7)}   ≤2× and <50 ms: ${list.filtered.api.p50 <= 2 * list.filtered.sql.p50 && list.filtered.api.p50 < 50 ? 'met' : 'MISSED'}`,
  ].join('\n');
  process.stdout.write(report + '\n');
}
