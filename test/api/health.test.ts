import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { connect } from '../../db/client';
import { json, startTestEnv, type TestEnv } from '../support/harness';

let env: TestEnv;
beforeAll(async () => { env = await startTestEnv(); });
afterAll(async () => { await env?.close(); });

it('is ok when PostgreSQL and Temporal answer', async () => {
  const res = await env.request('/healthz');
  expect(res.status).toBe(200);
  expect(await json(res)).toEqual({ status: 'ok', checks: { database: 'ok', temporal: 'ok', storage: 'ok' } });
});

it('is a 500 when the database is down, and names no hosts or secrets', async () => {
  const deadDb = connect('postgres://app:s3cret@127.0.0.1:1/ez360pm', { max: 1 });
  const app = createApp({ ...env.deps, database: deadDb }, { webDist: null });
  const res = await app.request('/healthz');
  expect(res.status).toBe(500);
  const text = await res.text();
  expect(JSON.parse(text)).toEqual({ status: 'down', checks: { database: 'down', temporal: 'ok', storage: 'ok' } });
  expect(text).not.toMatch(/s3cret|127\.0\.0\.1|postgres:/);
  await deadDb.close();
});

it('is degraded (200) when only Temporal is unreachable', async () => {
  const connection = Connection.lazy({ address: '127.0.0.1:1', connectTimeout: 500 });
  const app = createApp({ ...env.deps, temporal: new Client({ connection }) }, { webDist: null });
  const res = await app.request('/healthz');
  expect(res.status).toBe(200);
  expect(await json(res)).toEqual({ status: 'degraded', checks: { database: 'ok', temporal: 'down', storage: 'ok' } });
  await connection.close().catch(() => {});
});

