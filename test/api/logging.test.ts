import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { createLogger, loggedPath } from '../../api/log';
import { newToken } from '../../db/tokens';
import { startTestEnv, type TestEnv } from '../support/harness';

let env: TestEnv;
beforeAll(async () => { env = await startTestEnv(); });
afterAll(async () => { await env?.close(); });

it('writes JSON lines that all carry the request id, and hides 500 details from the client', async () => {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ level: 'debug', service: 'api', write: (l) => lines.push(JSON.parse(l)) });
  const app = createApp({ ...env.deps, log }, { webDist: null });
  app.get('/boom', () => { throw new Error('secret internal detail'); });

  const res = await app.request('/boom', { headers: { 'x-request-id': 'req-boom-1' } });
  expect(res.status).toBe(500);
  const body = await res.text();
  expect(body).not.toContain('secret internal detail');
  expect(JSON.parse(body).error).toEqual({ code: 'INTERNAL', message: expect.stringContaining('req-boom-1') });

  expect(lines.map((l) => l.msg)).toEqual(['unhandled error', 'request']);
  for (const line of lines) expect(line).toMatchObject({ requestId: 'req-boom-1', service: 'api', time: expect.any(String) });
  expect(lines[0]).toMatchObject({ level: 'error', err: { message: 'secret internal detail' } });
  expect(lines[1]).toMatchObject({ level: 'info', method: 'GET', path: '/boom', status: 500 });
});

it('masks the token of an invitation or portal link in the path it logs', async () => {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ level: 'debug', service: 'api', write: (l) => lines.push(JSON.parse(l)) });
  const app = createApp({ ...env.deps, log }, { webDist: null });
  const token = newToken();
  await app.request(`/api/v1/portal/${token}`);
  await app.request(`/api/v1/invitations/${token}/accept`, { method: 'POST' });
  const paths = lines.filter((l) => l.msg === 'request').map((l) => l.path);
  expect(paths).toEqual(['/api/v1/portal/[token]', '/api/v1/invitations/[token]/accept']);
  expect(JSON.stringify(lines)).not.toContain(token);
  // Ids stay readable.
  expect(loggedPath('/api/v1/documents/0b9f8a51-5a43-4f0e-9d54-6a1c2f0e9b7a/send')).toBe('/api/v1/documents/0b9f8a51-5a43-4f0e-9d54-6a1c2f0e9b7a/send');
});
