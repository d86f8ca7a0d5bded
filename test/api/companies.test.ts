import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, sessionCookie, startTestEnv, type TestEnv } from '../support/harness';

let env: TestEnv;
const password = 'correct horse battery';
let owner: { cookie: string; userId: string; companyId: string };

beforeAll(async () => {
  env = await startTestEnv({ worker: true, env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
  const res = await env.request('/api/v1/auth/signup', { method: 'POST', json: { email: 'owner@example.com', password, companyName: 'Acme Studio' } });
  const body = await json(res);
  owner = { cookie: sessionCookie(res), userId: body.user.id, companyId: body.company.id };
});
afterAll(async () => { await env?.close(); });

const call = (path: string, cookie: string, method = 'GET', body?: unknown) =>
  env.request(path, { method, cookie, ...(body !== undefined && { json: body }) });

/** Invite by email and accept through the emailed link; returns the new member's session. */
async function join(email: string, role: string, inviterCookie = owner.cookie) {
  const invited = await call('/api/v1/company/invitations', inviterCookie, 'POST', { email, role });
  expect(invited.status).toBe(201);
  const mail = await env.mail.waitFor((m) => m.to.includes(email));
  expect(mail.subject).toContain('invited you to Acme Studio');
  const token = /invitations\/([\w-]+)/.exec(mail.text)![1]!;
  const info = await json(await env.request(`/api/v1/invitations/${token}`));
  expect(info).toMatchObject({ companyName: 'Acme Studio', email, role, accountExists: false });
  const accepted = await env.request(`/api/v1/invitations/${token}/accept`, { method: 'POST', json: { password, name: email.split('@')[0] } });
  expect(accepted.status).toBe(200);
  const cookie = sessionCookie(accepted);
  const me = await json(await call('/api/v1/me', cookie));
  expect(me).toMatchObject({ company: { id: owner.companyId }, role, user: { emailVerified: true } });
  // The link is spent.
  expect((await env.request(`/api/v1/invitations/${token}`)).status).toBe(404);
  return { cookie, userId: me.user.id as string };
}

describe('members and roles', () => {
  let admin: { cookie: string; userId: string };
  let manager: { cookie: string; userId: string };

  it('invited people join with the offered role', async () => {
    admin = await join('admin@example.com', 'admin');
    manager = await join('manager@example.com', 'manager');
    const members = await json(await call('/api/v1/company/members', manager.cookie));
    expect(members.items.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      ['owner@example.com', 'owner'], ['admin@example.com', 'admin'], ['manager@example.com', 'manager'],
    ]);
  });

  it('nobody raises their own role, managers change none, admins cannot touch admins', async () => {
    const self = await call(`/api/v1/company/members/${manager.userId}`, manager.cookie, 'PATCH', { role: 'admin' });
    expect(self.status).toBe(403);
    const selfAdmin = await call(`/api/v1/company/members/${admin.userId}`, admin.cookie, 'PATCH', { role: 'admin' });
    expect((await json(selfAdmin)).error.message).toMatch(/own role/);
    expect((await call(`/api/v1/company/members/${owner.userId}`, admin.cookie, 'PATCH', { role: 'staff' })).status).toBe(403);
    expect((await call('/api/v1/company/members/' + admin.userId, manager.cookie, 'PATCH', { role: 'staff' })).status).toBe(403);
    expect((await call('/api/v1/company/members/' + manager.userId, admin.cookie, 'PATCH', { role: 'owner' })).status).toBe(400);
    const ok = await call(`/api/v1/company/members/${manager.userId}`, admin.cookie, 'PATCH', { role: 'staff' });
    expect(ok.status).toBe(200);
    expect((await json(ok)).role).toBe('staff');
    // The demoted member's permissions follow at once.
    expect((await json(await call('/api/v1/me', manager.cookie))).permissions).toEqual(['company.view', 'members.view', 'clients.view', 'projects.view', 'time.track']);
    expect((await call('/api/v1/company/audit-events', manager.cookie)).status).toBe(403);
  });

  it('ownership moves by transfer with the owner’s password; the old owner becomes admin', async () => {
    expect((await call('/api/v1/company/ownership', admin.cookie, 'POST', { userId: admin.userId, password })).status).toBe(403);
    const wrong = await call('/api/v1/company/ownership', owner.cookie, 'POST', { userId: admin.userId, password: 'not it at all' });
    expect((await json(wrong)).error.code).toBe('WRONG_PASSWORD');
    const moved = await call('/api/v1/company/ownership', owner.cookie, 'POST', { userId: admin.userId, password });
    expect(moved.status).toBe(200);
    owner.cookie = sessionCookie(moved);
    const roles = Object.fromEntries((await json(moved)).items.map((m: { email: string; role: string }) => [m.email, m.role]));
    expect(roles).toMatchObject({ 'owner@example.com': 'admin', 'admin@example.com': 'owner' });
    // And back, so later tests run as the original owner.
    const back = await call('/api/v1/company/ownership', admin.cookie, 'POST', { userId: owner.userId, password });
    expect(back.status).toBe(200);
    // A privilege change: the transferring owner's session id rotated.
    expect((await call('/api/v1/me', admin.cookie)).status).toBe(401);
    admin.cookie = sessionCookie(back);
  });

  it('the owner cannot be removed; a member can be', async () => {
    expect((await call(`/api/v1/company/members/${owner.userId}`, admin.cookie, 'DELETE')).status).toBe(403);
    expect((await call(`/api/v1/company/members/${manager.userId}`, owner.cookie, 'DELETE')).status).toBe(204);
    expect((await json(await call('/api/v1/me', manager.cookie))).company).toBeNull();
    expect((await call('/api/v1/company', manager.cookie)).status).toBe(403);
  });

  it('every change above is in the audit log, with request id and filters', async () => {
    const log = await json(await call('/api/v1/company/audit-events?limit=100', owner.cookie));
    const actions = log.items.map((e: { action: string }) => e.action);
    for (const a of ['invitation.created', 'member.joined', 'member.role_changed', 'company.ownership_transferred', 'member.removed']) expect(actions).toContain(a);
    const change = log.items.find((e: { action: string }) => e.action === 'member.role_changed');
    expect(change).toMatchObject({ before: { role: 'manager' }, after: { role: 'staff' }, actor: { email: 'admin@example.com' }, requestId: expect.any(String) });
    const filtered = await json(await call('/api/v1/company/audit-events?action=member.joined', owner.cookie));
    expect(filtered.items.every((e: { action: string }) => e.action === 'member.joined')).toBe(true);
    const page = await json(await call('/api/v1/company/audit-events?limit=2', owner.cookie));
    expect(page.items).toHaveLength(2);
    const next = await json(await call(`/api/v1/company/audit-events?limit=2&cursor=${page.nextCursor}`, owner.cookie));
    expect(next.items[0].id).toBeLessThan(page.items[1].id);
  });

  it('a request that waited for the company lock acts with the role its sender has then, not the one it arrived with', async () => {
    // The owner demotes the admin while the admin's invitation waits for the lock.
    let invite: Promise<Response> | undefined;
    await env.owner.db.transaction(async (tx) => {
      await tx.execute(sql`select id from companies where id = ${owner.companyId} for update`);
      invite = call('/api/v1/company/invitations', admin.cookie, 'POST', { email: 'late@example.com', role: 'manager' });
      await new Promise((r) => setTimeout(r, 300));
      await tx.execute(sql`update memberships set role = 'staff' where company_id = ${owner.companyId} and user_id = ${admin.userId}`);
    });
    const res = await invite!;
    expect([res.status, (await json(res)).error.code]).toEqual([403, 'FORBIDDEN']);
    const [open] = await env.owner.db.execute<{ n: number }>(sql`select count(*)::int as n from invitations where email = 'late@example.com'`);
    expect(open!.n).toBe(0);
    await env.owner.db.execute(sql`update memberships set role = 'admin' where company_id = ${owner.companyId} and user_id = ${admin.userId}`);
  });
});

describe('seats', () => {
  it('refuses an invitation past included + extra seats, counting pending invitations', async () => {
    await env.owner.db.execute(sql`update companies set plan = 'professional', extra_seats = 0 where id = ${owner.companyId}`);
    const seats = (await json(await call('/api/v1/company', owner.cookie))).seats;
    const free = seats.limit - seats.used;
    for (let i = 0; i < free; i++) expect((await call('/api/v1/company/invitations', owner.cookie, 'POST', { email: `seat${i}@example.com`, role: 'staff' })).status).toBe(201);
    const refused = await call('/api/v1/company/invitations', owner.cookie, 'POST', { email: 'one-too-many@example.com', role: 'staff' });
    expect(refused.status).toBe(422);
    const { error } = await json(refused);
    expect(error.code).toBe('SEAT_LIMIT');
    expect(error.message).toMatch(/All 5 seats are taken \(Professional includes 5/);
    const [row] = await env.owner.db.execute<{ n: number }>(sql`select count(*)::int as n from invitations where email = 'one-too-many@example.com'`);
    expect(row!.n).toBe(0);

    // An extra seat, or a revoked invitation, makes room.
    await env.owner.db.execute(sql`update companies set extra_seats = 1 where id = ${owner.companyId}`);
    expect((await call('/api/v1/company/invitations', owner.cookie, 'POST', { email: 'one-too-many@example.com', role: 'staff' })).status).toBe(201);
    const open = await json(await call('/api/v1/company/invitations', owner.cookie));
    expect((await call(`/api/v1/company/invitations/${open.items[0].id}`, owner.cookie, 'DELETE')).status).toBe(204);
    expect((await call('/api/v1/company/invitations', owner.cookie, 'POST', { email: 'room@example.com', role: 'staff' })).status).toBe(201);
  });
});

describe('company switcher', () => {
  it('a person in two companies switches between them; each shows its own data', async () => {
    const res = await env.request('/api/v1/auth/signup', { method: 'POST', json: { email: 'second@example.com', password, companyName: 'Second Shop' } });
    const second = { cookie: sessionCookie(res), companyId: (await json(res)).company.id };
    await env.owner.db.execute(sql`update companies set extra_seats = 10 where id = ${second.companyId}`);
    expect((await call('/api/v1/company/invitations', second.cookie, 'POST', { email: 'owner@example.com', role: 'manager' })).status).toBe(201);
    const mail = await env.mail.waitFor((m) => m.to.includes('owner@example.com') && m.subject.includes('Second Shop'));
    const token = /invitations\/([\w-]+)/.exec(mail.text)![1]!;
    // Logged in as someone else, the invitation is refused; as the invitee, accepted.
    expect((await env.request(`/api/v1/invitations/${token}/accept`, { method: 'POST', json: {}, cookie: second.cookie })).status).toBe(403);
    expect((await env.request(`/api/v1/invitations/${token}/accept`, { method: 'POST', json: {} })).status).toBe(401);
    const accepted = await env.request(`/api/v1/invitations/${token}/accept`, { method: 'POST', json: {}, cookie: owner.cookie });
    expect(accepted.status).toBe(200);
    let cookie = sessionCookie(accepted);

    const me = await json(await call('/api/v1/me', cookie));
    expect(me.company.id).toBe(second.companyId);
    expect(me.companies.map((c: { name: string; role: string }) => [c.name, c.role]).sort()).toEqual([['Acme Studio', 'owner'], ['Second Shop', 'manager']]);
    expect((await json(await call('/api/v1/company', cookie))).name).toBe('Second Shop');

    const switched = await call('/api/v1/me/company', cookie, 'POST', { companyId: owner.companyId });
    expect(switched.status).toBe(200);
    expect((await call('/api/v1/me', cookie)).status).toBe(401);
    cookie = sessionCookie(switched);
    expect((await json(await call('/api/v1/company', cookie))).name).toBe('Acme Studio');
    expect((await json(await call('/api/v1/me', cookie))).role).toBe('owner');
  });
});
