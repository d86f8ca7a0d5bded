/**
 * One person's first day, through the real UI in headless Chromium against
 * the real API, worker, Temporal, PostgreSQL and SMTP server: sign up, verify
 * the email from the message that arrived, enable 2FA, log out, log back in
 * with a TOTP code, invite a teammate, join a second company and switch.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, startBrowserEnv } from '../support/browser';
import { json, sessionCookie, type TestEnv } from '../support/harness';
import { joinCompany } from '../support/members';
import { currentCode } from '../support/totp';


const email = 'browser@example.com';
const password = 'a sturdy passphrase';
const linkPath = (text: string, re: RegExp) => new URL(re.exec(text)![0]).pathname + new URL(re.exec(text)![0]).search;

describe.skipIf(chromiumMissing)('an account’s first day in the browser', () => {
  let b: Awaited<ReturnType<typeof startBrowserEnv>>;
  let env: TestEnv;
  let page: Page;
  let secret = '';
  /** The owner of the second company. */
  let otherOwner = '';
  const url = (path: string) => b.url(path);

  beforeAll(async () => {
    b = await startBrowserEnv();
    ({ env, page } = b);
  });
  afterAll(async () => { await b?.close(); });

  it('shows field errors for a weak password and keeps the form', async () => {
    await page.goto(url('/signup'));
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('short');
    await page.getByLabel('Company name').fill('Browser Co');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.locator('.field-error').first().textContent()).toContain('at least 10');
    expect(page.url()).toBe(url('/signup'));
    expect(await page.getByLabel('Company name').inputValue()).toBe('Browser Co');
  });

  it('signs up, verifies the email from the message that arrived, and reaches the dashboard', async () => {
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(url('/'));
    await expect.poll(() => page.getByRole('heading', { name: 'Verify your email' }).count()).toBe(1);

    const mail = await env.mail.waitFor((m) => m.to.includes(email) && m.subject.startsWith('Confirm'));
    await page.goto(url(linkPath(mail.text, /http\S+verify-email\?token=[\w-]+/)));
    await expect.poll(() => page.getByRole('heading', { name: 'Email verified' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Go to dashboard' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Dashboard');
    expect(await page.locator('.company-name').textContent()).toBe('Browser Co');
    await expect.poll(() => page.locator('.onboarding-status').textContent(), { timeout: 20_000 }).toBe('complete');
    expect(await page.locator('.onboarding-progress').textContent()).toBe('4 of 4 done');
  });

  it('enables two-factor authentication and is shown ten recovery codes once', async () => {
    await page.goto(url('/settings/security'));
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    await expect.poll(() => page.locator('.totp-qr svg').count()).toBe(1);
    secret = (await page.locator('code.totp-secret').textContent())!.trim();
    await page.locator('#totp-code').fill(currentCode(secret));
    await page.locator('#totp-password').fill(password);
    await page.getByRole('button', { name: 'Enable two-factor' }).click();
    await expect.poll(() => page.locator('ul.recovery-codes li').count()).toBe(10);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await expect.poll(() => page.getByText('Two-factor authentication is on.').count()).toBe(1);
  });

  it('logs out, then logs in with password and a TOTP code', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(url('/login'));
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Two-factor authentication' }).count()).toBe(1);
    await page.locator('#login-code').fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.locator('.form-error').count()).toBe(1);
    // The code that enabled 2FA is spent; the next step's code is accepted.
    await page.locator('#login-code').fill(currentCode(secret, 1));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL(url('/'));
    await expect.poll(() => page.locator('.company-name').textContent()).toBe('Browser Co');
  });

  it('invites a teammate, who gets the email', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await page.waitForURL(url('/settings/members'));
    await page.getByLabel('Email', { exact: true }).fill('teammate@example.com');
    await page.getByLabel('Role', { exact: true }).selectOption('manager');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => page.getByText('Invitation sent to teammate@example.com.').count()).toBe(1);
    expect(await page.locator('.invitations-table tr[data-email="teammate@example.com"]').count()).toBe(1);
    const invite = await env.mail.waitFor((m) => m.to.includes('teammate@example.com'));
    expect(invite.subject).toBe('browser@example.com invited you to Browser Co on EZ360PM');
  });

  it('joins a second company from its invitation and switches between the two', async () => {
    // Another company, run through the API, invites our user.
    const signup = await env.request('/api/v1/auth/signup', { method: 'POST', json: { email: 'other@example.com', password, companyName: 'Other Works' } });
    const other = sessionCookie(signup);
    otherOwner = other;
    const verify = await env.mail.waitFor((m) => m.to.includes('other@example.com'));
    const token = /token=([\w-]+)/.exec(verify.text)![1];
    expect((await env.request('/api/v1/auth/verify-email', { method: 'POST', json: { token }, cookie: other })).status).toBe(200);
    const invited = await env.request('/api/v1/company/invitations', { method: 'POST', json: { email, role: 'staff' }, cookie: other });
    expect(invited.status).toBe(201);
    const mail = await env.mail.waitFor((m) => m.to.includes(email) && m.subject.includes('Other Works'));

    await page.goto(url(linkPath(mail.text, /http\S+invitations\/[\w-]+/)));
    await expect.poll(() => page.getByRole('heading', { name: /Join Other Works/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.waitForURL(url('/'));
    await expect.poll(() => page.locator('.company-name').textContent()).toBe('Other Works');

    await page.locator('#company-switcher').selectOption({ label: 'Browser Co' });
    await expect.poll(() => page.locator('.company-name').textContent()).toBe('Browser Co');
    await page.locator('#company-switcher').selectOption({ label: 'Other Works' });
    await expect.poll(() => page.locator('.company-name').textContent()).toBe('Other Works');
  });

  it("as an admin, offers role changes and removal only on the members the owner's rules let an admin touch", async () => {
    // The owner makes our user an admin, and adds a second admin and a manager.
    const members = (await json(await env.request('/api/v1/company/members', { cookie: otherOwner }))).items as { userId: string; email: string }[];
    const me = members.find((m) => m.email === email)!;
    expect((await env.request(`/api/v1/company/members/${me.userId}`, { method: 'PATCH', cookie: otherOwner, json: { role: 'admin' } })).status).toBe(200);
    await joinCompany(env, otherOwner, 'second-admin@example.com', 'admin');
    await joinCompany(env, otherOwner, 'pm@example.com', 'manager');

    await page.goto(url('/settings/members'));
    const row = (who: string) => page.locator(`.members-table tr[data-email="${who}"]`);
    await expect.poll(() => row('pm@example.com').count()).toBe(1);
    // The owner, another admin and yourself: the API refuses an admin these, so no controls show.
    for (const who of ['other@example.com', 'second-admin@example.com', email]) {
      expect(await row(who).locator('select').count()).toBe(0);
      expect(await row(who).getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    }
    expect(await row('pm@example.com').locator('select option').allTextContents()).toEqual(['Admin', 'Manager', 'Staff']);
    expect(await row('pm@example.com').getByRole('button', { name: 'Remove pm@example.com' }).count()).toBe(1);
  });
});
