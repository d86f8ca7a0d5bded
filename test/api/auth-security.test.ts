import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { hashToken } from '../../db/tokens';
import { sessionCacheFor } from '../../api/session-cache';
import { connect } from '../../db/client';
import { eventually, json, sessionCookie, startTestEnv, type TestEnv } from '../support/harness';
import { currentCode } from '../support/totp';

let env: TestEnv;
const password = 'correct horse battery';

beforeAll(async () => { env = await startTestEnv({ worker: true, env: { EMAIL_VERIFICATION_REQUIRED: 'false' } }); });
afterAll(async () => { await env?.close(); });

async function signup(email: string, companyName = `${email} Co`) {
  const res = await env.request('/api/v1/auth/signup', { method: 'POST', json: { email, password, companyName } });
  expect(res.status).toBe(201);
  return { ...(await json(res)), cookie: sessionCookie(res) };
}
const login = (email: string, pw = password, app = env.app) =>
  app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: pw }) });
const securityEvents = async (kind: string, subject: string) =>
  (await env.owner.db.execute<{ n: number }>(sql`select count(*)::int as n from security_events where kind = ${kind} and subject = ${subject}`))[0]!.n;

async function enrolTotp(cookie: string) {
  const setup = await json(await env.request('/api/v1/me/totp/setup', { method: 'POST', cookie }));
  expect(setup.qrSvg).toContain('<svg');
  expect(setup.otpauthUrl).toContain(`secret=${setup.secret}`);
  const enabled = await env.request('/api/v1/me/totp/enable', { method: 'POST', json: { password, code: currentCode(setup.secret) }, cookie });
  expect(enabled.status).toBe(200);
  return { secret: setup.secret as string, recoveryCodes: (await json(enabled)).recoveryCodes as string[], cookie: sessionCookie(enabled) };
}

describe('lockout and throttling, shared by two API processes', () => {
  it('locks the account after five failures, whichever instance saw them, with Retry-After', async () => {
    await signup('locked@example.com');
    // A second API instance: its own app and dependencies, the same database.
    const other = createApp(env.deps, { webDist: null });
    for (let i = 0; i < 5; i++) expect((await login('locked@example.com', 'wrong password!', i % 2 ? other : env.app)).status).toBe(401);
    const locked = await login('locked@example.com', password, other);
    expect(locked.status).toBe(429);
    expect((await json(locked)).error.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(50);
    expect((await login('locked@example.com', password, env.app)).status).toBe(429);
    expect(await securityEvents('lockout', 'locked@example.com')).toBe(1);
    // When the lock lapses the right password works and the count starts over.
    await env.owner.db.execute(sql`update users set locked_until = now() - interval '1 second' where email = 'locked@example.com'`);
    expect((await login('locked@example.com')).status).toBe(200);
    const [u] = await env.owner.db.execute<{ failed_logins: number }>(sql`select failed_logins from users where email = 'locked@example.com'`);
    expect(u!.failed_logins).toBe(0);
  });

  it('throttles guesses at one email across instances, even for unknown accounts, and records it once', async () => {
    const other = createApp(env.deps, { webDist: null });
    for (let i = 0; i < 10; i++) expect((await login('nobody@example.com', 'x', i % 2 ? other : env.app)).status).toBe(401);
    for (const app of [env.app, other]) {
      const res = await login('nobody@example.com', 'x', app);
      expect(res.status).toBe(429);
      expect((await json(res)).error.code).toBe('RATE_LIMITED');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(await securityEvents('throttled', 'login-email:nobody@example.com')).toBe(1);
  });
});

describe('two-factor authentication', () => {
  it('asks for a code at login; each TOTP code and recovery code works once', async () => {
    const { cookie } = await signup('totp@example.com');
    const { secret, recoveryCodes } = await enrolTotp(cookie);
    expect(recoveryCodes).toHaveLength(10);

    const step1 = await login('totp@example.com');
    expect(await json(step1)).toEqual({ status: 'totp_required' });
    const pending = sessionCookie(step1);
    expect((await env.request('/api/v1/me', { cookie: pending })).status).toBe(401);
    expect((await env.request('/api/v1/company', { cookie: pending })).status).toBe(401);
    expect((await env.request('/api/v1/auth/login/totp', { method: 'POST', json: { code: '000000' }, cookie: pending })).status).toBe(401);

    // The enrolment used the current step, so the next code is needed now.
    const code = currentCode(secret, 1);
    const done = await env.request('/api/v1/auth/login/totp', { method: 'POST', json: { code }, cookie: pending });
    expect(done.status).toBe(200);
    const full = sessionCookie(done);
    expect(full).not.toBe(pending);
    expect((await env.request('/api/v1/me', { cookie: pending })).status).toBe(401);
    expect((await json(await env.request('/api/v1/me', { cookie: full }))).user.totpEnabled).toBe(true);

    // Replaying the same code on a new login fails.
    const again = sessionCookie(await login('totp@example.com'));
    expect((await env.request('/api/v1/auth/login/totp', { method: 'POST', json: { code }, cookie: again })).status).toBe(401);

    // A recovery code (any case, with or without the dash) works exactly once.
    const recovery = recoveryCodes[0]!.toUpperCase().replace('-', '');
    const viaRecovery = sessionCookie(await login('totp@example.com'));
    expect((await env.request('/api/v1/auth/login/totp', { method: 'POST', json: { code: recovery }, cookie: viaRecovery })).status).toBe(200);
    const reuse = sessionCookie(await login('totp@example.com'));
    expect((await env.request('/api/v1/auth/login/totp', { method: 'POST', json: { code: recovery }, cookie: reuse })).status).toBe(401);
  });

  it('company policy keeps owners, admins and managers without 2FA away from company data until they enrol', async () => {
    const { cookie, company } = await signup('policy@example.com');
    const patched = await env.request('/api/v1/company', { method: 'PATCH', json: { requireTotpForManagers: true }, cookie });
    expect(patched.status).toBe(200);
    const blocked = await env.request('/api/v1/company', { cookie });
    expect(blocked.status).toBe(403);
    expect((await json(blocked)).error.code).toBe('TOTP_ENROLLMENT_REQUIRED');
    expect((await json(await env.request('/api/v1/me', { cookie }))).requirements).toEqual({ emailVerification: false, totpEnrollment: true });

    // A session held back by the requirement does not pass it when the account enrols elsewhere; and enrolling takes the password.
    const heldBack = sessionCookie(await login('policy@example.com'));
    const setup = await json(await env.request('/api/v1/me/totp/setup', { method: 'POST', cookie }));
    const noPassword = await env.request('/api/v1/me/totp/enable', { method: 'POST', json: { password: 'not my password', code: currentCode(setup.secret) }, cookie });
    expect([noPassword.status, (await json(noPassword)).error.code]).toEqual([400, 'WRONG_PASSWORD']);
    const { cookie: enrolled } = await enrolTotp(cookie);
    expect((await env.request('/api/v1/company', { cookie: heldBack })).status).toBe(401);
    const ok = await env.request('/api/v1/company', { cookie: enrolled });
    expect(ok.status).toBe(200);
    expect((await json(ok)).id).toBe(company.id);
    const off = await env.request('/api/v1/me/totp/disable', { method: 'POST', json: { password }, cookie: enrolled });
    expect(off.status).toBe(403);
    expect((await json(off)).error.code).toBe('TOTP_REQUIRED_BY_POLICY');
  });
});

describe('sessions', () => {
  // The tests above spend most of this address's login allowance.
  beforeAll(async () => { await env.owner.db.execute(sql`delete from rate_limits where key like 'login-ip%'`); });
  it('rotate at login and at 2FA enrolment; list and revoke', async () => {
    const { cookie: first } = await signup('rotate@example.com');
    const second = sessionCookie(await login('rotate@example.com'));
    expect(second).not.toBe(first);
    const list = await json(await env.request('/api/v1/me/sessions', { cookie: second }));
    expect(list.items).toHaveLength(2);
    expect(list.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const other = list.items.find((s: { current: boolean }) => !s.current);
    expect((await env.request(`/api/v1/me/sessions/${other.id}`, { method: 'DELETE', cookie: second })).status).toBe(204);
    expect((await env.request('/api/v1/me', { cookie: first })).status).toBe(401);

    const { cookie: rotated } = await enrolTotp(second);
    expect(rotated).not.toBe(second);
    expect((await env.request('/api/v1/me', { cookie: second })).status).toBe(401);
  });

  it('end after the idle timeout and at the absolute end', async () => {
    const { cookie } = await signup('idle@example.com');
    expect((await env.request('/api/v1/me', { cookie })).status).toBe(200);
    const hash = hashToken(cookie.split('=')[1]!);
    await env.owner.db.execute(sql`update sessions set last_seen_at = now() - make_interval(mins => ${env.settings.SESSION_IDLE_MINUTES + 1}) where token_hash = ${hash}`);
    // Changed behind the API's back: the database's announcement reaches the session cache in a moment.
    await eventually(async () => ((await env.request('/api/v1/me', { cookie })).status === 401 ? true : undefined), 5000);

    const fresh = sessionCookie(await login('idle@example.com'));
    const freshHash = hashToken(fresh.split('=')[1]!);
    await env.owner.db.execute(sql`update sessions set expires_at = now() - interval '1 second' where token_hash = ${freshHash}`);
    await eventually(async () => ((await env.request('/api/v1/me', { cookie: fresh })).status === 401 ? true : undefined), 5000);

    // A new token at a privilege change keeps the absolute end: switching company over and over cannot push it back.
    const late = sessionCookie(await login('idle@example.com'));
    const lateHash = hashToken(late.split('=')[1]!);
    const [fromLogin] = await env.owner.db.execute<{ later: boolean }>(sql`select expires_at > now() + interval '1 day' as later from sessions where token_hash = ${lateHash}`);
    expect(fromLogin!.later).toBe(true);
    await env.owner.db.execute(sql`update sessions set expires_at = date_trunc('milliseconds', now() + interval '1 minute') where token_hash = ${lateHash}`);
    const [before] = await env.owner.db.execute<{ end: string }>(sql`select expires_at::text as end from sessions where token_hash = ${lateHash}`);
    const me = await eventually(async () => { const res = await env.request('/api/v1/me', { cookie: late }); return res.status === 200 ? json(res) : undefined; });
    const switched = await env.request('/api/v1/me/company', { method: 'POST', json: { companyId: me.company.id }, cookie: late });
    expect(switched.status).toBe(200);
    const rotated = hashToken(sessionCookie(switched).split('=')[1]!);
    const [after] = await env.owner.db.execute<{ end: string }>(sql`select expires_at::text as end from sessions where token_hash = ${rotated}`);
    expect(after!.end).toBe(before!.end);
  });

  it('a change made anywhere reaches every API process at once, not when a cached session expires', async () => {
    const { cookie: owner } = await signup('cache-owner@example.com');
    const { user: member } = await signup('cache-member@example.com');
    // Another API process: its own connection (so its own session cache and listener), a cache that would keep a session for five minutes.
    const database = connect(env.databaseUrl, { max: 2 });
    try {
      const other = createApp({ ...env.deps, database, settings: { ...env.settings, SESSION_CACHE_SECONDS: 300 } }, { webDist: null });
      const me = (cookie: string) => other.request('/api/v1/me', { headers: { cookie } });
      const soon = async (check: () => Promise<boolean>) => {
        const t0 = Date.now();
        await eventually(async () => ((await check()) ? true : undefined), 5000);
        return Date.now() - t0;
      };
      // Its listener is up and the session is cached. (The owner's company row changes while onboarding
      // runs, which rightly drops the owner's cached session: ask until one answer leaves it cached.)
      const cached = () => sessionCacheFor(database, 0).get(hashToken(owner.split('=')[1]!)) !== null;
      await soon(async () => (await me(owner)).status === 200 && cached());

      // A role change made through the first process: the second sees it without waiting out its cache.
      const cookie = sessionCookie(await login('cache-member@example.com'));
      await env.owner.db.execute(sql`insert into memberships (company_id, user_id, role) select company_id, ${member.id}, 'staff' from memberships where user_id = (select id from users where email = 'cache-owner@example.com')`);
      const companyOf = async () => ((await json(await me(cookie))).companies as { role: string }[]).map((c) => c.role).sort();
      expect(await soon(async () => (await companyOf()).includes('staff'))).toBeLessThan(2000);
      expect((await env.request(`/api/v1/company/members/${member.id}`, { method: 'PATCH', cookie: owner, json: { role: 'manager' } })).status).toBe(200);
      expect(await soon(async () => (await companyOf()).includes('manager'))).toBeLessThan(2000);

      // Logging out through the first process ends the session in the second.
      expect((await env.request('/api/v1/auth/logout', { method: 'POST', cookie: owner })).status).toBe(204);
      expect(await soon(async () => (await me(owner)).status === 401)).toBeLessThan(2000);
    } finally {
      await database.close();
    }
  });

  it('a session cannot be used to guess the password: wrong ones count toward the lockout; sign-in changes are recorded', async () => {
    const { cookie } = await signup('guess@example.com');
    const change = (currentPassword: string) =>
      env.request('/api/v1/me/password', { method: 'POST', json: { currentPassword, newPassword: 'a brand new passphrase' }, cookie });
    for (let i = 0; i < 5; i++) expect((await json(await change(`guess number ${i}`))).error.code).toBe('WRONG_PASSWORD');
    expect(await securityEvents('lockout', 'guess@example.com')).toBe(1);
    // Locked: even the right password waits, here and at login.
    const locked = await eventually(async () => { const res = await change(password); return res.status === 429 ? res : undefined; });
    expect((await json(locked)).error.code).toBe('ACCOUNT_LOCKED');
    expect((await login('guess@example.com')).status).toBe(429);

    await env.owner.db.execute(sql`update users set locked_until = null, failed_logins = 0 where email = 'guess@example.com'`);
    const changed = await eventually(async () => { const res = await change(password); return res.status === 204 ? res : undefined; });
    const now = sessionCookie(changed);
    const setup = await json(await env.request('/api/v1/me/totp/setup', { method: 'POST', cookie: now }));
    const enabled = await env.request('/api/v1/me/totp/enable', { method: 'POST', json: { password: 'a brand new passphrase', code: currentCode(setup.secret) }, cookie: now });
    expect(enabled.status).toBe(200);
    const [row] = await env.owner.db.execute<{ kinds: string[] }>(sql`select array_agg(kind order by id) as kinds from security_events where subject = 'guess@example.com' and kind not in ('login_failed', 'lockout')`);
    expect(row!.kinds).toEqual(['password_changed', 'totp_enabled']);
  });

  it('changing the password ends other sessions and rotates this one', async () => {
    const { cookie } = await signup('change@example.com');
    const elsewhere = sessionCookie(await login('change@example.com'));
    const res = await env.request('/api/v1/me/password', { method: 'POST', json: { currentPassword: password, newPassword: 'a brand new passphrase' }, cookie });
    expect(res.status).toBe(204);
    const mine = sessionCookie(res);
    expect((await env.request('/api/v1/me', { cookie: elsewhere })).status).toBe(401);
    expect((await env.request('/api/v1/me', { cookie })).status).toBe(401);
    expect((await env.request('/api/v1/me', { cookie: mine })).status).toBe(200);
    expect((await login('change@example.com', 'a brand new passphrase')).status).toBe(200);
  });
});

describe('password reset', () => {
  const resetMail = (to: string) => env.mail.waitFor((m) => m.to.includes(to) && m.subject.startsWith('Reset'));
  const tokenOf = (text: string) => /reset-password\?token=([\w-]+)/.exec(text)![1]!;

  it('emails a single-use link that sets the password and ends every session', async () => {
    const { cookie } = await signup('reset@example.com');
    expect((await env.request('/api/v1/auth/password-reset', { method: 'POST', json: { email: 'Reset@Example.com' } })).status).toBe(202);
    const token = tokenOf((await resetMail('reset@example.com')).text);
    const weak = await env.request('/api/v1/auth/password-reset/confirm', { method: 'POST', json: { token, password: 'short' } });
    expect((await json(weak)).error.fields.password).toBeDefined();
    // A password the policy refuses for this account does not spend the link.
    const personal = await env.request('/api/v1/auth/password-reset/confirm', { method: 'POST', json: { token, password: 'reset-is-my-name-2026' } });
    expect((await json(personal)).error.fields.password).toMatch(/email/);
    const ok = await env.request('/api/v1/auth/password-reset/confirm', { method: 'POST', json: { token, password: 'the new sturdy secret' } });
    expect(ok.status).toBe(200);
    expect((await env.request('/api/v1/me', { cookie })).status).toBe(401);
    expect((await login('reset@example.com', 'the new sturdy secret')).status).toBe(200);
    const reused = await env.request('/api/v1/auth/password-reset/confirm', { method: 'POST', json: { token, password: 'yet another secret' } });
    expect((await json(reused)).error.code).toBe('INVALID_TOKEN');
  });

  it('refuses an expired link, and says nothing about unknown emails', async () => {
    await signup('expire@example.com');
    await env.request('/api/v1/auth/password-reset', { method: 'POST', json: { email: 'expire@example.com' } });
    const token = tokenOf((await resetMail('expire@example.com')).text);
    await env.owner.db.execute(sql`update email_tokens set expires_at = now() - interval '1 second' where purpose = 'password_reset'`);
    const res = await env.request('/api/v1/auth/password-reset/confirm', { method: 'POST', json: { token, password: 'the new sturdy secret' } });
    expect((await json(res)).error.code).toBe('INVALID_TOKEN');

    const unknown = await env.request('/api/v1/auth/password-reset', { method: 'POST', json: { email: 'ghost@example.com' } });
    expect(unknown.status).toBe(202);
    await new Promise((r) => setTimeout(r, 300));
    expect(env.mail.messages.some((m) => m.to.includes('ghost@example.com'))).toBe(false);
  });
});

describe('security headers', () => {
  it('sets CSP, frame, sniffing and referrer policies (HSTS only in production)', async () => {
    const res = await env.request('/healthz');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    const prod = createApp({ ...env.deps, settings: { ...env.settings, APP_ENV: 'production', CSP_REPORT_ONLY: true } }, { webDist: null });
    const p = await prod.request('/version');
    expect(p.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect(p.headers.get('content-security-policy-report-only')).toContain("default-src 'self'");
    expect(p.headers.get('content-security-policy')).toBeNull();
  });
});

