/** The real services a benchmark runs against, started and stopped like the test suite's. */
import { fork } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime } from '@temporalio/worker';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createStorage } from '../../activities/storage/create';
import { createApp } from '../../api/app';
import { createLogger } from '../../api/log';
import { ensureDatabase, startEmbeddedPostgres } from '../../bin/lib/postgres';
import { findTemporalCli } from '../../bin/lib/temporal-cli';
import { startTemporalDevServer } from '../../bin/lib/temporal-server';
import { activityDeps, createWorker } from '../../bin/lib/worker';
import { connect } from '../../db/client';
import { appRoleUrl, migrateDatabase } from '../../db/migrate';
import { parseSettings } from '../../domain/settings';
import { freePort } from '../support/ports';

export async function startStack() {
  Runtime.install({ logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: (m: string) => console.error(m) } });
  const scratch = mkdtempSync(join(tmpdir(), 'ez360pm-bench-'));
  chmodSync(scratch, 0o755);
  const temporalServer = await startTemporalDevServer({ cliPath: await findTemporalCli(), port: await freePort(), uiPort: null, dbFile: null });
  const pg = await startEmbeddedPostgres({ dir: join(scratch, 'pg'), port: await freePort(), persistent: false });
  await ensureDatabase(pg.adminUrl, 'bench');
  await migrateDatabase(pg.urlFor('bench'), { appRolePassword: 'bench-app-password' });
  // A real SMTP server, so workflows that email (the invoice lifecycle) finish.
  const mail = await startMailProcess();
  const settings = parseSettings({
    APP_ENV: 'test', DATABASE_URL: appRoleUrl(pg.urlFor('bench'), 'bench-app-password'), TEMPORAL_ADDRESS: temporalServer.address,
    TEMPORAL_TASK_QUEUE: 'bench', LOG_LEVEL: 'error', EMAIL_VERIFICATION_REQUIRED: 'false', DATA_DIR: scratch, SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
    DATABASE_POOL_MAX: '20',
  });
  const database = connect(settings.DATABASE_URL!, { max: 20 });
  const owner = connect(pg.urlFor('bench'), { max: 4 });
  const connection = await Connection.connect({ address: temporalServer.address });
  const temporal = new Client({ connection });
  const native = await NativeConnection.connect({ address: temporalServer.address });
  const worker = await createWorker({ connection: native, namespace: 'default', taskQueue: 'bench', deps: activityDeps(settings, database.db) });
  const running = worker.run();
  const log = createLogger({ level: 'error', service: 'bench' });
  const app = createApp({ settings, database, temporal, log, storage: createStorage(settings) }, { webDist: null });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  settings.APP_URL = base;

  return {
    base, settings, database, owner, temporal, connection: native, mail,
    /** Process ids whose CPU a benchmark reports: the Temporal server, PostgreSQL's postmaster (its backends are its children), the SMTP sink. */
    pids: { temporal: temporalServer.process.pid!, postgres: Number(readFileSync(join(scratch, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]), mail: mail.pid },
    async stop() {
      await mail.stop();
      server.close();
      worker.shutdown();
      await running;
      await native.close();
      await connection.close();
      await database.close();
      await owner.close();
      await temporalServer.stop();
      await pg.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;

/** The SMTP sink in a child process (`mail-process.ts`); the subjects it received, newest last. */
async function startMailProcess() {
  const child = fork(fileURLToPath(new URL('./mail-process.ts', import.meta.url)), { execArgv: ['--import', 'tsx'] });
  const messages: { subject: string }[] = [];
  const smtpPort = await new Promise<number>((resolve, reject) => {
    child.on('message', (m: { port?: number; subject?: string }) => {
      if (m.port) resolve(m.port);
      else messages.push({ subject: m.subject ?? '' });
    });
    child.once('exit', (code) => reject(new Error(`the SMTP sink exited (${code}) before it listened`)));
  });
  return {
    smtpPort, messages, pid: child.pid!,
    stop: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.disconnect();
    }),
  };
}

/** p50/p99 of a list of milliseconds. */
export function percentiles(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
  return { p50: at(50), p99: at(99), n: s.length };
}

/** Run `fn` `iterations` times on each of `concurrency` lanes at once; the time each call took. */
export async function measure(concurrency: number, iterations: number, fn: (lane: number, i: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  await Promise.all(Array.from({ length: concurrency }, async (_, lane) => {
    for (let i = 0; i < iterations; i++) {
      const t = performance.now();
      await fn(lane, i);
      out.push(performance.now() - t);
    }
  }));
  return out;
}

/** CPU milliseconds a process and its children have used so far (Linux /proc; ticks are 1/100 s). */
export function cpuMs(pid: number): number {
  const stat = (p: string) => {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) };
    } catch {
      return null;
    }
  };
  let ticks = stat(String(pid))?.ticks ?? 0;
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const s = stat(p);
    if (s && s.ppid === pid) ticks += s.ticks;
  }
  return ticks * 10;
}

const keepAlive = new Agent({ keepAlive: true });

/**
 * One HTTP request over kept-alive node:http sockets, its body read as JSON. The benchmarks call the
 * API with this rather than fetch: undici's fetch spent about as much CPU per call as the server's
 * HTTP handling itself, in the same process and on the same two cores as the server being measured.
 */
export function httpJson(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers, agent: keepAlive }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
        } catch (err) {
          reject(err);
        }
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
