/**
 * Per test file: a fresh database (migrated), a Temporal client and, when
 * asked, a worker on the file's own task queue, so files never see each
 * other's data or workflows. `close()` undoes all of it.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { createStorage } from '../../activities/storage/create';
import { createApp } from '../../api/app';
import type { ApiDeps } from '../../api/env';
import { createLogger, type Logger } from '../../api/log';
import { connect, type Database } from '../../db/client';
import { appRoleUrl } from '../../db/migrate';
import { parseSettings, type Settings } from '../../domain/settings';
import { startMailSink, type MailSink } from '../../bin/lib/mail-sink';
import { cloneDatabase, dropDatabase } from '../../bin/lib/postgres';
import { activityDeps, createWorker } from '../../bin/lib/worker';
import type { Activities } from '../../activities/index';
import { TEST_APP_ROLE_PASSWORD, testDatabaseUrl } from './database';
import type { CrashSpec } from './crashing-worker';
import { TEST_BUCKET } from './s3';

export interface TestEnv {
  settings: Settings;
  /** The app's connection: the restricted role, subject to row-level security. */
  database: Database;
  databaseUrl: string;
  /** The owner's connection, for tests that inspect every company's rows. */
  owner: Database;
  /** A real SMTP server receiving whatever the app sends. */
  mail: MailSink;
  temporal: Client;
  log: Logger;
  app: ReturnType<typeof createApp>;
  /** Everything the app was built from, to build a second app (another API process) from the same services. */
  deps: ApiDeps;
  worker: Worker | null;
  /** Another worker on the same task queue, e.g. the one that comes back after a simulated crash. */
  startWorker(opts?: { wrapActivities?: (a: Activities) => Activities }): Promise<{ worker: Worker; stop(): Promise<void> }>;
  /** A worker in a child process that is SIGKILLed right after `crash.activity` has done its work; `died` resolves then. */
  crashingWorker(crash: CrashSpec): Promise<{ died: Promise<void> }>;
  /** Calls the app in-process, as a browser on APP_URL would. */
  request(path: string, init?: RequestInit & { json?: unknown; cookie?: string }): Promise<Response>;
  close(): Promise<void>;
}

let runtimeQuieted = false;
function quietRuntime() {
  if (runtimeQuieted) return;
  runtimeQuieted = true;
  try {
    Runtime.install({ logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: (m: string) => console.error(m) } });
  } catch {
    // Already installed in this process.
  }
}

export async function startTestEnv(opts: {
  worker?: boolean; webDist?: string | null; env?: Record<string, string>;
  /** Local disk (default, in a temp folder) or the suite's real S3-compatible server. */
  storage?: 'local' | 's3';
} = {}): Promise<TestEnv> {
  quietRuntime();
  const adminUrl = inject('pgAdminUrl');
  const address = inject('temporalAddress');
  const suffix = randomBytes(5).toString('hex');
  const dbName = `ez360pm_test_${suffix}`;
  await cloneDatabase(adminUrl, dbName, inject('templateDatabase'));
  const ownerUrl = testDatabaseUrl(adminUrl, dbName);
  const databaseUrl = appRoleUrl(ownerUrl, TEST_APP_ROLE_PASSWORD);
  const mail = await startMailSink({ smtpPort: 0 });

  const settingsEnv: Record<string, string> = {
    APP_ENV: 'test', DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: address, SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
    TEMPORAL_TASK_QUEUE: `test-${suffix}`, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error', DATA_DIR: join(tmpdir(), `ez360pm-${suffix}`),
    ...(opts.storage === 's3' && {
      S3_ENDPOINT: inject('s3Endpoint'), S3_BUCKET: TEST_BUCKET, S3_FORCE_PATH_STYLE: 'true', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER',
    }),
    ...opts.env,
  };
  const settings = parseSettings(settingsEnv);
  const log = createLogger({ level: settings.LOG_LEVEL, service: 'test' });
  const database = connect(databaseUrl, { max: 5 });
  const owner = connect(ownerUrl, { max: 2 });
  const connection = await Connection.connect({ address });
  const temporal = new Client({ connection, namespace: settings.TEMPORAL_NAMESPACE });

  const storage = createStorage(settings);
  const startWorker = async (o: { wrapActivities?: (a: Activities) => Activities } = {}) => {
    const native = await NativeConnection.connect({ address });
    const w = await createWorker({
      connection: native, namespace: settings.TEMPORAL_NAMESPACE, taskQueue: settings.TEMPORAL_TASK_QUEUE,
      deps: { ...activityDeps(settings, database.db), storage }, workflowBundle: { codePath: inject('workflowBundlePath') }, wrapActivities: o.wrapActivities,
    });
    const running = w.run();
    return {
      worker: w,
      async stop() {
        // A test may have shut it down already (e.g. to simulate a crash).
        if (w.getState() === 'RUNNING') w.shutdown();
        await running;
        await native.close();
      },
    };
  };
  const first = opts.worker ? await startWorker() : null;
  const children = new Set<ReturnType<typeof fork>>();
  const crashingWorker = async (crash: CrashSpec) => {
    const child = fork(fileURLToPath(new URL('./crashing-worker.ts', import.meta.url)), {
      execArgv: ['--import', 'tsx'], env: { ...process.env, CRASHING_WORKER: JSON.stringify({ env: settingsEnv, bundlePath: inject('workflowBundlePath'), crash }) },
    });
    children.add(child);
    const died = new Promise<void>((resolve) => child.once('exit', () => { children.delete(child); resolve(); }));
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`the crashing worker exited (${code}) before it was ready`)));
    });
    return { died };
  };

  const deps: ApiDeps = { settings, database, temporal, log, storage };
  const app = createApp(deps, { webDist: opts.webDist ?? null });

  return {
    settings, database, databaseUrl, owner, mail, temporal, log, app, deps, worker: first?.worker ?? null, startWorker, crashingWorker,
    request(path, init = {}) {
      const { json, cookie, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (json !== undefined) headers.set('content-type', 'application/json');
      if (cookie) headers.set('cookie', cookie);
      headers.set('origin', settings.APP_URL);
      return Promise.resolve(app.request(path, { ...rest, headers, ...(json !== undefined && { body: JSON.stringify(json) }) }));
    },
    async close() {
      // A crashing worker whose test failed before its crash must not outlive the file.
      for (const child of children) child.kill('SIGKILL');
      await first?.stop();
      await connection.close();
      await database.close();
      await owner.close();
      await mail.stop();
      await dropDatabase(adminUrl, dbName);
      rmSync(settings.DATA_DIR, { recursive: true, force: true });
    },
  };
}

/** The `name=value` pair of a Set-Cookie header, ready to send back. */
export function sessionCookie(res: Response): string {
  const header = res.headers.get('set-cookie');
  if (!header) throw new Error('no Set-Cookie header');
  return header.split(';')[0]!;
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A response body as loosely typed JSON, for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = (res: Response): Promise<any> => res.json();
