import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually, json, sessionCookie, startTestEnv, type TestEnv } from '../support/harness';

let env: TestEnv;
let cookie: string;
beforeAll(async () => {
  env = await startTestEnv({ worker: true, env: { EMAIL_VERIFICATION_REQUIRED: 'false' } });
  const res = await env.request('/api/v1/auth/signup', { method: 'POST', json: { email: 'tomb@example.com', password: 'correct horse battery', companyName: 'Tomb Co' } });
  cookie = sessionCookie(res);
});
afterAll(async () => { await env?.close(); });

const templates = async (includeDeleted = false) =>
  (await json(await env.request(`/api/v1/company/templates?includeDeleted=${includeDeleted}`, { cookie }))).items as { id: string; kind: string; deletedAt: string | null }[];

it('hides deleted rows by default, keeps them, restores them, and audits both', async () => {
  const all = await eventually(async () => ((await templates()).length === 4 ? templates() : undefined));
  const invoice = all.find((t) => t.kind === 'invoice')!;
  expect((await env.request(`/api/v1/company/templates/${invoice.id}`, { method: 'DELETE', cookie })).status).toBe(204);
  expect((await templates()).map((t) => t.id)).not.toContain(invoice.id);
  const tomb = (await templates(true)).find((t) => t.id === invoice.id)!;
  expect(tomb.deletedAt).not.toBeNull();
  // Deleting twice is a 404, not a second tombstone.
  expect((await env.request(`/api/v1/company/templates/${invoice.id}`, { method: 'DELETE', cookie })).status).toBe(404);

  const restored = await env.request(`/api/v1/company/templates/${invoice.id}/restore`, { method: 'POST', cookie });
  expect(restored.status).toBe(200);
  expect((await json(restored)).deletedAt).toBeNull();
  expect((await templates()).map((t) => t.id)).toContain(invoice.id);
  expect((await env.request(`/api/v1/company/templates/${invoice.id}/restore`, { method: 'POST', cookie })).status).toBe(404);

  const actions = (await json(await env.request('/api/v1/company/audit-events?objectType=template', { cookie }))).items.map((e: { action: string }) => e.action);
  expect(actions).toEqual(['template.restored', 'template.deleted']);
});
