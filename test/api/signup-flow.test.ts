import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, json, sessionCookie, startTestEnv, type TestEnv } from '../support/harness';

let env: TestEnv;
beforeAll(async () => { env = await startTestEnv({ worker: true }); });
afterAll(async () => { await env?.close(); });

const password = 'correct horse battery';

async function counts() {
  const rows = await env.owner.db.execute<{ users: number; companies: number; memberships: number }>(sql`
    select (select count(*)::int from users) as users,
           (select count(*)::int from companies) as companies,
           (select count(*)::int from memberships) as memberships`);
  return rows[0]!;
}

describe('signup → onboarding → login', () => {
  it('creates the account, provisions the company through the workflow, and lets the owner back in', async () => {
    const signup = await env.request('/api/v1/auth/signup', {
      method: 'POST', json: { email: '  Owner@Studio.Example ', password, companyName: 'Blue Door Studio' },
    });
    expect(signup.status).toBe(201);
    const body = await json(signup);
    expect(body.user.email).toBe('owner@studio.example');
    expect(body.company.name).toBe('Blue Door Studio');
    expect(body.onboarding.workflowId).toBe(`onboarding-${body.company.id}`);
    const cookie = sessionCookie(signup);
    expect(signup.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(signup.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);

    // Company data waits for the email address to be confirmed, through a real email.
    const gated = await env.request('/api/v1/onboarding', { cookie });
    expect(gated.status).toBe(403);
    expect((await json(gated)).error.code).toBe('EMAIL_UNVERIFIED');
    const mail = await env.mail.waitFor((m) => m.to.includes('owner@studio.example'));
    expect(mail.subject).toBe('Confirm your email for EZ360PM');
    const token = /verify-email\?token=([\w-]+)/.exec(mail.text)![1];
    expect((await env.request('/api/v1/auth/verify-email', { method: 'POST', json: { token }, cookie })).status).toBe(200);
    // The link works once.
    const again = await env.request('/api/v1/auth/verify-email', { method: 'POST', json: { token }, cookie });
    expect((await json(again)).error.code).toBe('INVALID_TOKEN');

    const onboarding = await eventually(async () => {
      const res = await env.request('/api/v1/onboarding', { cookie });
      const view = await json(res);
      return view.status === 'complete' ? view : undefined;
    });
    expect(onboarding.steps).toEqual([
      { key: 'numbering', label: 'Numbering schemes', done: true },
      { key: 'accounts', label: 'Chart of accounts', done: true },
      { key: 'templates', label: 'Document templates', done: true },
      { key: 'financials', label: 'Financial defaults', done: true },
    ]);

    // The workflow really ran in Temporal, findable by the company's search attribute.
    const handle = env.temporal.workflow.getHandle(body.onboarding.workflowId);
    await handle.result();
    const described = await handle.describe();
    expect(described.status.name).toBe('COMPLETED');
    expect(described.typedSearchAttributes.get({ name: 'CompanyId', type: 'KEYWORD' } as never)).toBe(body.company.id);

    const logout = await env.request('/api/v1/auth/logout', { method: 'POST', cookie });
    expect(logout.status).toBe(204);
    expect((await env.request('/api/v1/me', { cookie })).status).toBe(401);

    const login = await env.request('/api/v1/auth/login', { method: 'POST', json: { email: 'owner@studio.example', password } });
    expect(login.status).toBe(200);
    const fresh = sessionCookie(login);
    expect(fresh).not.toBe(cookie);
    const me = await json((await env.request('/api/v1/me', { cookie: fresh })));
    expect(me).toMatchObject({
      user: { ...body.user, emailVerified: true, totpEnabled: false }, company: body.company, role: 'owner',
      companies: [{ ...body.company, role: 'owner' }], requirements: { emailVerification: false, totpEnrollment: false },
    });
    expect(me.permissions).toContain('ownership.transfer');
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    for (const attempt of [{ email: 'owner@studio.example', password: 'not the password' }, { email: 'nobody@example.com', password }]) {
      const res = await env.request('/api/v1/auth/login', { method: 'POST', json: attempt });
      expect(res.status).toBe(401);
      expect((await json(res)).error.code).toBe('INVALID_CREDENTIALS');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });
});

describe('bad signup input', () => {
  const cases = [
    { name: 'taken email (any case)', json: { email: 'OWNER@studio.example', password, companyName: 'Another' }, field: 'email', code: 'EMAIL_TAKEN' },
    { name: 'weak password', json: { email: 'new@example.com', password: 'short', companyName: 'Another' }, field: 'password', code: 'VALIDATION_FAILED' },
    { name: 'common password', json: { email: 'new@example.com', password: 'password123', companyName: 'Another' }, field: 'password', code: 'VALIDATION_FAILED' },
    { name: 'email inside password', json: { email: 'newperson@example.com', password: 'newperson-2026!', companyName: 'Another' }, field: 'password', code: 'VALIDATION_FAILED' },
    { name: 'missing company name', json: { email: 'new@example.com', password }, field: 'companyName', code: 'VALIDATION_FAILED' },
    { name: 'blank company name', json: { email: 'new@example.com', password, companyName: '   ' }, field: 'companyName', code: 'VALIDATION_FAILED' },
    { name: 'invalid email', json: { email: 'not-an-email', password, companyName: 'Another' }, field: 'email', code: 'VALIDATION_FAILED' },
  ];

  for (const c of cases) {
    it(`${c.name} → 400 naming ${c.field}, nothing created`, async () => {
      const before = await counts();
      const res = await env.request('/api/v1/auth/signup', { method: 'POST', json: c.json });
      expect(res.status).toBe(400);
      const { error } = await json(res);
      expect(error.code).toBe(c.code);
      expect(error.fields).toHaveProperty(c.field);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await counts()).toEqual(before);
    });
  }

  it('names every bad field at once', async () => {
    const res = await env.request('/api/v1/auth/signup', { method: 'POST', json: { email: 'x', password: 'short', companyName: '' } });
    expect(Object.keys((await json(res)).error.fields).sort()).toEqual(['companyName', 'email', 'password']);
  });

  it('a body that is not JSON is a 400 in the error shape', async () => {
    const res = await env.request('/api/v1/auth/signup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
    expect(res.status).toBe(400);
    expect((await json(res)).error.code).toBe('BAD_REQUEST');
  });

  it('refuses cross-site and non-JSON writes (CSRF), creating nothing', async () => {
    const before = await counts();
    const attempts: RequestInit[] = [
      { headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, body: 'email=a%40b.c' },
      { headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ email: 'x@evil.example', password, companyName: 'X' }) },
      { headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }, body: JSON.stringify({ email: 'y@evil.example', password, companyName: 'X' }) },
      { headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ email: 'z@evil.example', password, companyName: 'X' }) },
    ];
    for (const init of attempts) {
      const res = await env.app.request('/api/v1/auth/signup', { method: 'POST', ...init });
      expect(res.status).toBe(403);
      expect((await json(res)).error.code).toBe('CSRF');
    }
    expect(await counts()).toEqual(before);
  });
});

describe('request ids, errors and metadata', () => {
  it('honours an inbound X-Request-ID and makes one up otherwise, on success and error alike', async () => {
    const own = await env.request('/version', { headers: { 'x-request-id': 'trace-42' } });
    expect(own.headers.get('x-request-id')).toBe('trace-42');
    const made = await env.request('/api/v1/me');
    expect(made.status).toBe(401);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const forged = await env.request('/version', { headers: { 'x-request-id': '<script>forged id</script>' } });
    expect(forged.headers.get('x-request-id')).not.toContain('forged');
  });

  it('unknown API paths are a JSON 404', async () => {
    const res = await env.request('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect((await json(res)).error.code).toBe('NOT_FOUND');
  });

  it('/version reports build metadata from settings', async () => {
    const body = await json((await env.request('/version')));
    expect(body).toEqual({ environment: 'test', version: expect.any(String), commit: 'unknown', buildDate: 'unknown' });
  });

  it('/api/openapi.json documents every route the app registers', async () => {
    const doc = await json(await env.request('/api/openapi.json'));
    const documented = new Set(Object.entries(doc.paths as Record<string, object>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)));
    const registered = env.app.routes
      .filter((r) => r.method !== 'ALL' && (r.path.startsWith('/api/v1/') || r.path === '/healthz' || r.path === '/version'))
      .map((r) => `${r.method} ${r.path}`);
    expect(registered.length).toBeGreaterThan(20);
    expect(registered.filter((r) => !documented.has(r))).toEqual([]);
    expect(doc.paths['/api/v1/auth/signup'].post.requestBody.content['application/json'].schema).toBeDefined();
  });
});
