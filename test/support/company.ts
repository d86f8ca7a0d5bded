/** A signed-up company with onboarding finished: what most API tests start from. */
import { eventually, json, sessionCookie, type TestEnv } from './harness';

export async function signUpCompany(env: TestEnv, email: string, companyName = `${email} Co`): Promise<{ cookie: string; companyId: string; userId: string }> {
  const res = await env.request('/api/v1/auth/signup', { method: 'POST', json: { email, password: 'correct horse battery', companyName } });
  const cookie = sessionCookie(res);
  const body = await json(res);
  await eventually(async () => ((await json(await env.request('/api/v1/onboarding', { cookie }))).status === 'complete' ? true : undefined));
  return { cookie, companyId: body.company.id as string, userId: body.user.id as string };
}
