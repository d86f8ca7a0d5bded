import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { TestEnv } from './harness';

/** Serves a test env's app on a real localhost port, for the browser. */
export async function listen(env: TestEnv): Promise<{ url: string; close(): Promise<void> }> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: env.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
