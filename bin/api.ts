// The API process: Hono on PORT, serving /api/v1 and the built web app.
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { createStorage } from '../activities/storage/create';
import { createApp } from '../api/app';
import { createLogger } from '../api/log';
import { connect } from '../db/client';
import { loadSettings, requireDatabaseUrl } from './lib/settings';

const settings = loadSettings();
const log = createLogger({ level: settings.LOG_LEVEL, service: 'api' });
const database = connect(requireDatabaseUrl(settings), { max: settings.DATABASE_POOL_MAX, applicationName: 'ez360pm-api' });
// Lazy: the API boots and reports "degraded" on /healthz while Temporal is unreachable.
const connection = Connection.lazy({ address: settings.TEMPORAL_ADDRESS });
const temporal = new Client({ connection, namespace: settings.TEMPORAL_NAMESPACE });

const app = createApp({ settings, database, temporal, log, storage: createStorage(settings) });
const server = serve({ fetch: app.fetch, port: settings.PORT, hostname: '0.0.0.0' }, (info) =>
  log.info('api listening', { port: info.port, env: settings.APP_ENV }));

async function shutdown() {
  server.close();
  await connection.close().catch(() => {});
  await database.close();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown());
