/** Builds the Temporal worker: every workflow, every activity, JSON logs, search attributes registered. */
import { fileURLToPath } from 'node:url';
import { type Connection } from '@temporalio/client';
import { DefaultLogger, Runtime, Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import proto from '@temporalio/proto';
import { createActivities, type Activities, type ActivityDeps } from '../../activities/index';
import { createStorage } from '../../activities/storage/create';
import type { Db } from '../../db/client';
import type { Settings } from '../../domain/settings';
import { createMailer } from './mailer';
import type { Logger } from '../../api/log';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../../workflows/index.ts', import.meta.url));

/** What the activities need, from the process's settings and database. */
export function activityDeps(settings: Settings, db: Db): ActivityDeps {
  return { db, mailer: createMailer(settings), storage: createStorage(settings), appUrl: () => settings.APP_URL, secret: settings.APP_SECRET_KEY };
}

export function createWorker(opts: {
  connection: NativeConnection; namespace: string; taskQueue: string; deps: ActivityDeps;
  /** A prebuilt bundle (tests build one per run); otherwise the worker bundles workflows/ itself. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Tests wrap activities to inject faults (e.g. a crash right after an email went). */
  wrapActivities?: (activities: Activities) => Activities;
}): Promise<Worker> {
  const activities = createActivities(opts.deps);
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    activities: opts.wrapActivities ? opts.wrapActivities(activities) : activities,
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
  });
}

/** Route the SDK's own logs through our JSON logger. Call once per process, before any worker exists. */
export function installWorkerLogging(log: Logger, level: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' = 'INFO'): void {
  Runtime.install({
    logger: new DefaultLogger(level, (entry) => {
      const method = entry.level === 'TRACE' ? 'debug' : (entry.level.toLowerCase() as keyof Logger);
      log[method](entry.message, entry.meta);
    }),
  });
}

/** Register the app's search attributes on the namespace if missing (production clusters lack them). */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = SEARCH_ATTRIBUTES.filter((k) => !(k.name in (existing.customAttributes ?? {})));
  if (missing.length === 0) return;
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(missing.map((k) => [k.name, proto.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD])),
  });
}
