/** Add a member to a company the way people join: an emailed invitation, accepted with a password. */
import { expect } from 'vitest';
import { json, sessionCookie, type TestEnv } from './harness';

export async function joinCompany(env: TestEnv, inviterCookie: string, email: string, role: 'admin' | 'manager' | 'staff') {
  const invited = await env.request('/api/v1/company/invitations', { method: 'POST', cookie: inviterCookie, json: { email, role } });
  expect(invited.status).toBe(201);
  const mail = await env.mail.waitFor((m) => m.to.includes(email));
  const token = /invitations\/([\w-]+)/.exec(mail.text)![1]!;
  const accepted = await env.request(`/api/v1/invitations/${token}/accept`, { method: 'POST', json: { password: 'correct horse battery' } });
  expect(accepted.status).toBe(200);
  const cookie = sessionCookie(accepted);
  const me = await json(await env.request('/api/v1/me', { cookie }));
  return { cookie, userId: me.user.id as string };
}
