import { createRoute } from '@hono/zod-openapi';
import type { ApiDeps } from '../env';
import { bounded } from '../temporal-calls';
import { Health, Version } from '../schemas/health';
import { areaApp } from '../validation';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref())]);
}

/** `raced: false` for a call that carries its own deadline and must have ended when the check answers. */
async function check(work: () => Promise<unknown>, raced = true): Promise<'ok' | 'down'> {
  try {
    await (raced ? withTimeout(work()) : work());
    return 'ok';
  } catch {
    return 'down';
  }
}

const healthz = createRoute({
  method: 'get', path: '/healthz', tags: ['ops'],
  summary: 'Liveness of the API and its dependencies (500 when the database is down; names no hosts or secrets)',
  responses: { 200: jsonOf('Healthy or degraded'), 500: jsonOf('Database down') },
});

const version = createRoute({
  method: 'get', path: '/version', tags: ['ops'], summary: 'Build metadata',
  responses: { 200: { description: 'Version', content: { 'application/json': { schema: Version } } } },
});

function jsonOf(description: string) {
  return { description, content: { 'application/json': { schema: Health } } };
}

async function healthOf({ database, temporal, storage }: ApiDeps) {
  const [db, tmp, files] = await Promise.all([
    check(() => database.sql`select 1`),
    // A deadline on the call itself, not a race: the client retries an unreachable server for about
    // 20 s, and each probe would leave such a call running after it had answered.
    check(() => bounded(temporal, () => temporal.workflowService.getSystemInfo({}), CHECK_TIMEOUT_MS), false),
    check(() => storage.check()),
  ]);
  // Without Temporal or storage the API still serves most reads, so that is "degraded"; without the database it serves nothing.
  const status = db === 'down' ? 'down' : tmp === 'down' || files === 'down' ? 'degraded' : 'ok';
  return { status, checks: { database: db, temporal: tmp, storage: files } } as const;
}

export const healthRoutes = areaApp()
  .openapi(healthz, async (c) => {
    const health = await healthOf(c.var.deps);
    return health.status === 'down' ? c.json(health, 500) : c.json(health, 200);
  })
  .openapi(version, (c) => {
    const s = c.var.deps.settings;
    return c.json({ environment: s.APP_ENV, version: s.APP_VERSION ?? 'dev', commit: s.GIT_COMMIT, buildDate: s.BUILD_DATE }, 200);
  });
