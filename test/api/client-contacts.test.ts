import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually, json, sessionCookie, startTestEnv, type TestEnv } from '../support/harness';
import { joinCompany } from '../support/members';

let env: TestEnv;
let cookie = '';
let clientId = '';

beforeAll(async () => {
  env = await startTestEnv({ worker: true, env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
  const res = await env.request('/api/v1/auth/signup', { method: 'POST', json: { email: 'contacts@example.com', password: 'correct horse battery', companyName: 'Contacts Co' } });
  cookie = sessionCookie(res);
  await eventually(async () => ((await json(await env.request('/api/v1/onboarding', { cookie }))).status === 'complete' ? true : undefined));
  clientId = (await json(await env.request('/api/v1/clients', { method: 'POST', cookie, json: { kind: 'business', name: 'Initech' } }))).id;
});
afterAll(async () => { await env?.close(); });

const path = (suffix = '') => `/api/v1/clients/${clientId}/contacts${suffix}`;
const call = (method: string, p: string, body?: unknown, c = cookie) => env.request(p, { method, cookie: c, ...(body !== undefined && { json: body }) });
const names = async () => (await json(await call('GET', path()))).items.map((x: { name: string; isPrimary: boolean }) => `${x.name}${x.isPrimary ? '*' : ''}`);

it('keeps several contacts per client, the first primary, and moves primary when another is marked', async () => {
  expect((await json(await call('GET', path()))).items).toEqual([]);
  const first = await call('POST', path(), { name: 'Peter Gibbons', email: 'peter@initech.example', title: 'Engineer' });
  expect(first.status).toBe(201);
  const peter = await json(first);
  expect(peter).toMatchObject({ clientId, name: 'Peter Gibbons', email: 'peter@initech.example', phone: null, title: 'Engineer', isPrimary: true });

  const bill = await json(await call('POST', path(), { name: 'Bill Lumbergh', phone: '555-0100', title: 'VP' }));
  expect(bill.isPrimary).toBe(false);
  expect(await names()).toEqual(['Peter Gibbons*', 'Bill Lumbergh']);

  const promoted = await call('PATCH', path(`/${bill.id}`), { isPrimary: true, email: 'bill@initech.example' });
  expect(promoted.status).toBe(200);
  expect(await json(promoted)).toMatchObject({ isPrimary: true, email: 'bill@initech.example' });
  expect(await names()).toEqual(['Bill Lumbergh*', 'Peter Gibbons']);

  // A new contact marked primary takes it over too; clearing a field with "" stores null.
  const milton = await json(await call('POST', path(), { name: 'Milton', isPrimary: true }));
  expect(await names()).toEqual(['Milton*', 'Bill Lumbergh', 'Peter Gibbons']);
  expect(await json(await call('PATCH', path(`/${peter.id}`), { email: '', title: '' }))).toMatchObject({ email: null, title: null });

  expect((await call('DELETE', path(`/${milton.id}`))).status).toBe(204);
  expect(await names()).toEqual(['Bill Lumbergh', 'Peter Gibbons']);
  expect((await call('PATCH', path(`/${milton.id}`), { name: 'Back' })).status).toBe(404);
  // The removed row is kept (soft delete); a removed primary frees the slot.
  const [row] = await env.owner.db.execute<{ deleted: boolean }>(sql`select deleted_at is not null as deleted from client_contacts where id = ${milton.id}`);
  expect(row!.deleted).toBe(true);
  expect((await json(await call('PATCH', path(`/${peter.id}`), { isPrimary: true }))).isPrimary).toBe(true);
});

it('answers with field errors and records each change in the audit trail, in the client’s timeline', async () => {
  const bad = await call('POST', path(), { name: ' ', email: 'nope' });
  expect(bad.status).toBe(400);
  expect(Object.keys((await json(bad)).error.fields).sort()).toEqual(['email', 'name']);
  const actions = await env.owner.db.execute<{ action: string }>(sql`
    select action from audit_events where object_type = 'client' and object_id = ${clientId} and action like 'client.contact%' order by id`);
  expect(actions.map((a) => a.action)).toEqual([
    'client.contact_added', 'client.contact_added', 'client.contact_updated', 'client.contact_added', 'client.contact_updated', 'client.contact_removed', 'client.contact_updated',
  ]);
  const timeline = (await json(await call('GET', `/api/v1/clients/${clientId}/timeline`))).items.map((i: { title: string }) => i.title);
  expect(timeline).toContain('Client contact removed');
});

it('the database itself refuses a second primary for one client', async () => {
  const [company] = await env.owner.db.execute<{ company_id: string }>(sql`select company_id from clients where id = ${clientId}`);
  const insert = env.owner.db.execute(sql`insert into client_contacts (company_id, client_id, name, is_primary) values (${company!.company_id}, ${clientId}, 'Second primary', true)`);
  await expect(insert).rejects.toThrow();
});

it('concurrent "make primary" requests leave exactly one primary', async () => {
  const made = await Promise.all(['A', 'B', 'C', 'D'].map(async (n) => json(await call('POST', path(), { name: `Racer ${n}`, isPrimary: false }))));
  const results = await Promise.all(made.map((m) => call('PATCH', path(`/${m.id}`), { isPrimary: true })));
  expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
  const items = (await json(await call('GET', path()))).items as { isPrimary: boolean }[];
  expect(items.filter((i) => i.isPrimary)).toHaveLength(1);
});

it('staff read contacts but cannot change them; a deleted client takes no new contacts', async () => {
  const staff = await joinCompany(env, cookie, 'staff@example.com', 'staff');
  expect((await call('GET', path(), undefined, staff.cookie)).status).toBe(200);
  expect((await call('POST', path(), { name: 'Sneaky' }, staff.cookie)).status).toBe(403);
  const contact = (await json(await call('GET', path()))).items[0];
  expect((await call('PATCH', path(`/${contact.id}`), { name: 'Sneaky' }, staff.cookie)).status).toBe(403);
  expect((await call('DELETE', path(`/${contact.id}`), undefined, staff.cookie)).status).toBe(403);

  const gone = (await json(await call('POST', '/api/v1/clients', { kind: 'person', name: 'Gone' }))).id;
  await call('DELETE', `/api/v1/clients/${gone}`);
  expect((await call('POST', `/api/v1/clients/${gone}/contacts`, { name: 'Nobody' })).status).toBe(404);
  expect((await call('GET', `/api/v1/clients/${gone}/contacts`)).status).toBe(200);
});
