// The Temporal worker process: all workflows and activities on TEMPORAL_TASK_QUEUE.
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createLogger } from '../api/log';
import { connect } from '../db/client';
import { ensurePlatformSchedules } from './lib/schedules';
import { loadSettings, requireDatabaseUrl } from './lib/settings';
import { activityDeps, createWorker, ensureSearchAttributes, installWorkerLogging } from './lib/worker';

const settings = loadSettings();
const log = createLogger({ level: settings.LOG_LEVEL, service: 'worker' });
installWorkerLogging(log, settings.LOG_LEVEL === 'debug' ? 'DEBUG' : 'INFO');

const database = connect(requireDatabaseUrl(settings), { max: settings.DATABASE_POOL_MAX, applicationName: 'ez360pm-worker' });
const admin = await Connection.connect({ address: settings.TEMPORAL_ADDRESS });
await ensureSearchAttributes(admin, settings.TEMPORAL_NAMESPACE);
await ensurePlatformSchedules(admin, { namespace: settings.TEMPORAL_NAMESPACE, taskQueue: settings.TEMPORAL_TASK_QUEUE });
await admin.close();

const connection = await NativeConnection.connect({ address: settings.TEMPORAL_ADDRESS });
const worker = await createWorker({
  connection, namespace: settings.TEMPORAL_NAMESPACE, taskQueue: settings.TEMPORAL_TASK_QUEUE, deps: activityDeps(settings, database.db),
});
// Temporal's Runtime shuts the worker down on SIGINT/SIGTERM: in-flight tasks finish, then run() returns.
log.info('worker started', { taskQueue: settings.TEMPORAL_TASK_QUEUE, namespace: settings.TEMPORAL_NAMESPACE });
await worker.run();
await connection.close();
await database.close();
log.info('worker stopped');
